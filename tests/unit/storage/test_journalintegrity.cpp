// The journal as something to trust with money: damage is found before anything is written, a
// row that cannot be read fails the load, money is checked as a whole, a fill and everything it
// changed are one transaction, one connection owns the file, and backups rotate and verify.
#include "tests/unit/storage/storetesthelpers.h"
#include "tests/support/testsupport.h"

#include "engine/execution/journalaudit.h"
#include "engine/execution/portfolio.h"
#include "adapters/storage/journalbackups.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTest>

using namespace storetest;
using adapters::storage::JournalBackups;

namespace {

QString newDbPath() { return testsupport::makeTempDir(QStringLiteral("integrity")) + QStringLiteral("/memedesk.sqlite"); }

QByteArray digest(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

std::unique_ptr<SqliteTradeStore> store(const QString &path, bool exclusive = true)
{
    auto s = std::make_unique<SqliteTradeStore>(path);
    s->setExclusive(exclusive);
    s->setBackupInterval(0);
    return s;
}

//! A journal written the way the engine writes it: each fill with its order and the whole
//! portfolio after it, in one transaction. Three symbols, buys and partial sells, every fifth fee
//! paid in BNB.
void writeTradingJournal(const QString &path, int fills)
{
    auto s = store(path);
    const engine::Result<void> opened = s->open();
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
    s->saveSetting(QStringLiteral("portfolio.starting_equity"), QStringLiteral("10000"));
    engine::Portfolio portfolio(QStringLiteral("USDT"));
    portfolio.reset(Decimal::fromInt(10000));
    const QStringList symbols{QStringLiteral("PEPEUSDT"), QStringLiteral("WIFUSDT"), QStringLiteral("BONKUSDT")};
    for (int i = 0; i < fills; ++i) {
        const QString symbol = symbols.at(i % 3);
        const engine::Position *held = portfolio.position(symbol);
        Fill f = makeFill(QStringLiteral("F-%1").arg(i), symbol, Side::Buy, 1000 + i);
        f.price = Decimal::fromString(QStringLiteral("0.00%1").arg(1234 + i * 7));
        f.qty = Decimal::fromInt(1000 + 13 * i);
        f.fee = (f.price * f.qty).mulRounded(Decimal::fromString("0.001"), engine::Rounding::HalfEven);
        if (held && held->isOpen() && i % 2 == 1) {
            f.side = Side::Sell;
            f.qty = held->qty.divRounded(Decimal::fromInt(2), engine::Rounding::Down).quantized(Decimal::fromInt(1));
        }
        QHash<QString, QString> settings;
        if (i % 5 == 4) { // the BNB discount: the fee in BNB, counted at its value, the starting equity with it
            f.feeValue = f.fee;
            f.fee = f.fee.divRounded(Decimal::fromInt(600), engine::Rounding::HalfEven);
            f.feeAsset = QStringLiteral("BNB");
        }
        QVERIFY(portfolio.applyFill(f, f.tsMs));
        if (f.feeInOtherAsset())
            settings.insert(QStringLiteral("portfolio.starting_equity"), portfolio.startingEquity().toString());
        Order o = makeOrder(f.clientId, symbol, f.side, OrderStatus::Filled, f.tsMs);
        o.qty = o.filledQty = f.qty;
        QHash<QString, QString> bases;
        for (const auto &p : portfolio.allPositions())
            bases.insert(p.symbol, p.symbol.chopped(4));
        s->saveFillChange({f, o, portfolio.allPositions(), portfolio.balances(bases), settings});
    }
    s->flush();
}

//! Overwrites `count` bytes at `offset` of page `page` (1-based) with random bytes.
void damagePage(const QString &path, int page, int offset, int count)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    const qint64 pageSize = 4096;
    QVERIFY(f.size() >= page * pageSize);
    QByteArray garbage(count, Qt::Uninitialized);
    QRandomGenerator rng(page * 7919 + offset);
    for (char &c : garbage)
        c = char(rng.bounded(256));
    f.seek((page - 1) * pageSize + offset);
    f.write(garbage);
}

int rootPage(const QString &path, const char *table)
{
    RawDb raw(path);
    return raw.scalar(QStringLiteral("SELECT rootpage FROM sqlite_master WHERE name = '%1'").arg(QLatin1String(table))).toInt();
}

//! Open + load + audit, as the app does at start; returns why it refused (empty = accepted).
QString refusal(const QString &path)
{
    auto s = store(path);
    if (const engine::Result<void> opened = s->open(); !opened)
        return opened.error().message;
    const auto snapshot = s->loadSnapshot();
    if (!snapshot)
        return snapshot.error().message;
    if (const engine::Result<void> audit = engine::JournalAudit::run(*s, snapshot.value(), QStringLiteral("USDT")); !audit)
        return audit.error().message;
    return {};
}

} // namespace

class TestJournalIntegrity : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aConsistentJournalPassesTheAudit()
    {
        const QString path = newDbPath();
        writeTradingJournal(path, 60);
        QCOMPARE(refusal(path), QString());
    }

    void aDamagedPageIsFoundAndTheFileIsLeftAlone()
    {
        const QString path = newDbPath();
        writeTradingJournal(path, 300);
        const int balances = rootPage(path, "balances");
        QVERIFY(balances > 1);
        damagePage(path, balances, 0, 64); // the b-tree page header of the balances table
        const QByteArray before = digest(path);
        auto s = store(path);
        const engine::Result<void> opened = s->open();
        QVERIFY(!opened.ok());
        const QString error = opened.error().message;
        QCOMPARE(opened.error().code, QLatin1String(engine::errors::kJournalDamaged));
        QVERIFY2(error.contains(path) && error.contains(QLatin1String("damaged")), qPrintable(error));
        s.reset();
        QCOMPARE(digest(path), before); // never written to
    }

    void damageAnywhereInsideIsNeverAShorterJournal()
    {
        // Random bytes into the middle of every page in turn: each damaged copy is refused, either by
        // SQLite's check, by a row that no longer decodes, or by money that no longer adds up.
        const QString original = newDbPath();
        writeTradingJournal(original, 120);
        const int pages = int(QFileInfo(original).size() / 4096);
        QVERIFY(pages > 4);
        int refused = 0;
        int untouched = 0;
        for (int page = 2; page <= pages; ++page) {
            const QString copy = newDbPath();
            QVERIFY(QFile::copy(original, copy));
            damagePage(copy, page, 1024, 2048);
            const QString why = refusal(copy);
            if (!why.isEmpty()) {
                ++refused;
                continue;
            }
            // Accepted: then the bytes hit space that holds no data (free space inside a page);
            // the journal must read exactly as the original.
            auto a = store(original);
            auto b = store(copy);
            QVERIFY(a->open().ok() && b->open().ok());
            const auto sa = snapshotOf(*a);
            const auto sb = snapshotOf(*b);
            QCOMPARE(sb.fillCount, sa.fillCount);
            QCOMPARE(sb.balances, sa.balances);
            QCOMPARE(sb.positions.size(), sa.positions.size());
            ++untouched;
        }
        qInfo("%d of %d damaged copies refused, %d damaged only unused space", refused, pages - 1, untouched);
        QVERIFY(refused > 0);
    }

    void anEmptyFileIsNotANewAccount()
    {
        const QString path = newDbPath();
        QFile(path).open(QIODevice::WriteOnly);
        auto s = store(path);
        const engine::Result<void> opened = s->open();
        QVERIFY(!opened.ok());
        const QString error = opened.error().message;
        QCOMPARE(opened.error().code, QLatin1String(engine::errors::kJournalDamaged));
        QVERIFY2(error.contains(QLatin1String("empty (0 bytes)")), qPrintable(error));
        QCOMPARE(QFileInfo(path).size(), 0);
    }

    void aTruncatedFileIsDamage()
    {
        const QString path = newDbPath();
        writeTradingJournal(path, 200);
        QFile f(path);
        QVERIFY(f.resize(f.size() / 2));
        const QString why = refusal(path);
        QVERIFY2(!why.isEmpty(), "a journal cut in half must not load");
        auto s = store(path);
        if (const engine::Result<void> opened = s->open(); !opened)
            QCOMPARE(opened.error().code, QLatin1String(engine::errors::kJournalDamaged));
    }

    void aDroppedTableIsDamageNotAFreshStart()
    {
        const QString path = newDbPath();
        writeTradingJournal(path, 10);
        {
            RawDb raw(path);
            QVERIFY(raw.exec(QStringLiteral("DROP TABLE fills")));
        }
        auto s = store(path);
        const engine::Result<void> opened = s->open();
        QVERIFY(!opened.ok());
        const QString error = opened.error().message;
        QCOMPARE(opened.error().code, QLatin1String(engine::errors::kJournalDamaged));
        QVERIFY2(error.contains(QLatin1String("fills")) && error.contains(QLatin1String("missing")), qPrintable(error));
        // and it was not re-created behind the user's back
        s.reset();
        RawDb raw(path);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = 'fills'")).toInt(), 0);
    }

    void aMissingSchemaVersionIsDamage()
    {
        const QString path = newDbPath();
        writeTradingJournal(path, 10);
        {
            RawDb raw(path);
            QVERIFY(raw.exec(QStringLiteral("DROP TABLE schema_version")));
        }
        auto s = store(path);
        const engine::Result<void> opened = s->open();
        QVERIFY(!opened.ok());
        const QString error = opened.error().message;
        QCOMPARE(opened.error().code, QLatin1String(engine::errors::kJournalDamaged));
        QVERIFY2(error.contains(QLatin1String("no schema_version")), qPrintable(error));
    }

    void anUnreadableBalanceFailsTheLoad()
    {
        const QString path = newDbPath();
        writeTradingJournal(path, 10);
        {
            RawDb raw(path);
            QVERIFY(raw.exec(QStringLiteral("UPDATE balances SET free = 'lots' WHERE asset = 'USDT'")));
        }
        const QString why = refusal(path);
        QVERIFY2(why.contains(QLatin1String("balances")) && why.contains(QLatin1String("lots")), qPrintable(why));
    }

    void anOutOfRangePositionFailsTheLoad()
    {
        const QString path = newDbPath();
        writeTradingJournal(path, 10);
        {
            RawDb raw(path);
            QVERIFY(raw.exec(QStringLiteral("UPDATE positions SET qty = '1e999' WHERE symbol = 'PEPEUSDT'")));
        }
        const QString why = refusal(path);
        QVERIFY2(why.contains(QLatin1String("positions")) && why.contains(QLatin1String("PEPEUSDT"))
                     && why.contains(QLatin1String("1e999")),
                 qPrintable(why));
    }

    void moneyThatDoesNotAddUpIsReportedNotRepaired()
    {
        const QString path = newDbPath();
        writeTradingJournal(path, 30);
        const QString copy1 = newDbPath();
        const QString copy2 = newDbPath();
        const QString copy3 = newDbPath();
        for (const QString &c : {copy1, copy2, copy3})
            QVERIFY(QFile::copy(path, c));
        {
            RawDb raw(copy1);
            QVERIFY(raw.exec(QStringLiteral("UPDATE balances SET free = '10000' WHERE asset = 'USDT'")));
        }
        {
            RawDb raw(copy2);
            QVERIFY(raw.exec(QStringLiteral("DELETE FROM positions WHERE symbol = 'WIFUSDT'")));
        }
        {
            RawDb raw(copy3);
            QVERIFY(raw.exec(QStringLiteral("DELETE FROM fills WHERE fill_id = 'F-7'")));
        }
        QString why = refusal(copy1);
        QVERIFY2(why.contains(QLatin1String("USDT balance is 10000, but the fills give")), qPrintable(why));
        why = refusal(copy2);
        QVERIFY2(why.contains(QLatin1String("position WIFUSDT is missing")), qPrintable(why));
        why = refusal(copy3);
        QVERIFY2(why.contains(QLatin1String("USDT balance")), qPrintable(why));
        // nothing was "repaired": the tampered value is still there
        RawDb raw(copy1);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT free FROM balances WHERE asset = 'USDT'")).toString(), QStringLiteral("10000"));
    }

    void aFillAndItsPortfolioChangeAreOneTransaction()
    {
        const QString path = newDbPath();
        writeTradingJournal(path, 6);
        {
            // The disk "fills up" exactly when the positions are written.
            RawDb raw(path);
            QVERIFY(raw.exec(QStringLiteral("CREATE TRIGGER full_disk BEFORE UPDATE ON positions BEGIN "
                                            "SELECT RAISE(ABORT, 'database or disk is full'); END")));
        }
        const QString cashBefore = RawDb(path).scalar(QStringLiteral("SELECT free FROM balances WHERE asset = 'USDT'")).toString();
        auto s = store(path, false);
        QVERIFY(s->open().ok());
        RecordingSink sink;
        s->setStoreSink(&sink);
        const engine::JournalSnapshot before = snapshotOf(*s);
        engine::Portfolio portfolio(QStringLiteral("USDT"));
        portfolio.restore(before.balances.value(QStringLiteral("USDT")), Decimal::fromInt(10000), before.positions);
        Fill f = makeFill(QStringLiteral("F-new"), QStringLiteral("PEPEUSDT"), Side::Buy, 9999);
        f.price = Decimal::fromString("0.002");
        f.qty = Decimal::fromInt(1000);
        f.fee = Decimal::fromString("0.002");
        QVERIFY(portfolio.applyFill(f, f.tsMs));
        s->saveFillChange({f, makeOrder(f.clientId, f.symbol, Side::Buy, OrderStatus::Filled, 9999),
                           portfolio.allPositions(), portfolio.balances({}), {}});
        s->flush();
        QCOMPARE(sink.notDurable(), QStringList{QStringLiteral("F-new")});
        QVERIFY(sink.errors().first().contains(QLatin1String("disk is full")));
        QVERIFY(!sink.events().contains(QStringLiteral("fill:F-new")));
        s->setStoreSink(nullptr);
        s.reset();
        RawDb raw(path);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM fills WHERE fill_id = 'F-new'")).toInt(), 0);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT free FROM balances WHERE asset = 'USDT'")).toString(), cashBefore);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM orders WHERE client_id = 'C-F-new'")).toInt(), 0);
    }

    void aFailedOrderWriteIsReportedAsNotDurable()
    {
        const QString path = newDbPath();
        writeTradingJournal(path, 3);
        {
            RawDb raw(path);
            QVERIFY(raw.exec(QStringLiteral("CREATE TRIGGER readonly_disk BEFORE INSERT ON orders BEGIN "
                                            "SELECT RAISE(ABORT, 'attempt to write a readonly database'); END")));
        }
        auto s = store(path, false);
        QVERIFY(s->open().ok());
        RecordingSink sink;
        s->setStoreSink(&sink);
        s->saveOrder(makeOrder(QStringLiteral("C-new"), QStringLiteral("PEPEUSDT"), Side::Buy, OrderStatus::New, 5));
        s->flush();
        QCOMPARE(sink.notDurable(), QStringList{QStringLiteral("C-new")});
        QVERIFY(sink.events().isEmpty());
        s->setStoreSink(nullptr);
    }

    void oneConnectionOwnsTheJournal()
    {
        const QString path = newDbPath();
        auto first = store(path);
        QString error; // set from the refused open below
        QVERIFY(first->open().ok());
        first->saveSetting(QStringLiteral("owner"), QStringLiteral("first"));
        first->flush();
        auto second = store(path);
        const engine::Result<void> refused = second->open();
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QLatin1String(engine::errors::kJournalInUse));
        error = refused.error().message;
        QVERIFY2(error.contains(QLatin1String("in use")), qPrintable(error));
        first.reset();
        QVERIFY(second->open().ok()); // free once the owner closed it
    }

    void backupsRotateAndVerify()
    {
        const QString path = newDbPath();
        writeTradingJournal(path, 30);
        auto s = store(path);
        QVERIFY(s->open().ok());
        QStringList made;
        for (int i = 0; i < JournalBackups::kKeep + 2; ++i) {
            const engine::Result<QString> backup = s->backupNow();
            QVERIFY2(backup.ok(), qPrintable(backup.ok() ? QString() : backup.error().toString()));
            made << backup.value();
        }
        const auto list = JournalBackups(path).list();
        QCOMPARE(list.size(), JournalBackups::kKeep);
        QCOMPARE(list.first().path, made.last()); // newest first
        QVERIFY(!QFileInfo::exists(made.first()));  // the oldest rotated out
        for (const auto &b : list) {
            QString why;
            QVERIFY2(JournalBackups::verify(b.path, &why), qPrintable(why));
        }
        // a backup is a complete journal: it passes the same checks the app runs at start
        s.reset();
        QCOMPARE(refusal(list.first().path), QString());
        damagePage(list.last().path, 2, 0, 64);
        QString why;
        QVERIFY(!JournalBackups::verify(list.last().path, &why));
    }

    void aBackupIsTakenAtOpenWhenDue()
    {
        const QString path = newDbPath();
        writeTradingJournal(path, 5);
        QVERIFY(JournalBackups(path).list().isEmpty());
        SqliteTradeStore s(path);
        s.setBackupInterval(60 * 60 * 1000);
        QVERIFY(s.open().ok());
        QCOMPARE(JournalBackups(path).list().size(), 1);
    }

    void inspectionWritesNothing()
    {
        const QString path = newDbPath();
        writeTradingJournal(path, 5);
        {
            auto s = store(path);
            s->setReadOnly(true);
            QVERIFY(s->open().ok());
            RecordingSink sink;
            s->setStoreSink(&sink);
            s->saveSetting(QStringLiteral("sneaky"), QStringLiteral("1"));
            s->flush();
            QCOMPARE(sink.errors().size(), 1);
            s->setStoreSink(nullptr);
        }
        RawDb raw(path);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM settings WHERE key = 'sneaky'")).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestJournalIntegrity)
#include "test_journalintegrity.moc"
