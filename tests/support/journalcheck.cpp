#include "tests/support/journalcheck.h"

#include "adapters/storage/sqlitetradestore.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QVariant>

#include <QSet>

#include <atomic>

#include <future>

namespace testsupport {

Replayed replayJournal(const QString &dbPath, engine::Decimal startingCash, engine::JournalSnapshot *snapshot)
{
    adapters::storage::SqliteTradeStore store(dbPath);
    store.setBackupInterval(0);
    if (const engine::Result<void> opened = store.open(); !opened)
        qFatal("cannot open journal %s: %s", qPrintable(dbPath), qPrintable(opened.error().toString()));
    const auto loaded = store.loadSnapshot();
    if (!loaded)
        qFatal("cannot load journal %s: %s", qPrintable(dbPath), qPrintable(loaded.error().toString()));
    if (snapshot)
        *snapshot = loaded.value();
    Replayed r;
    r.cash = startingCash;
    int offset = 0;
    for (;;) {
        engine::HistoryQuery q;
        q.kind = engine::HistoryQuery::Kind::Fills;
        q.offset = offset;
        q.limit = 1000;
        std::promise<engine::HistoryPage> promise;
        auto future = promise.get_future();
        store.queryHistory(q, [&promise](engine::HistoryPage page) { promise.set_value(std::move(page)); });
        const engine::HistoryPage page = future.get();
        if (page.error)
            qFatal("history query failed: %s", qPrintable(page.error->toString()));
        for (const engine::Fill &f : page.fills) {
            const engine::Decimal value = f.price * f.qty;
            if (f.side == engine::Side::Buy) {
                r.cash -= value + f.fee;
                r.qty[f.symbol] += f.qty;
            } else {
                r.cash += value - f.fee;
                r.qty[f.symbol] -= f.qty;
            }
            ++r.fills;
        }
        offset += int(page.fills.size());
        if (page.fills.isEmpty() || offset >= page.total)
            break;
    }
    return r;
}

namespace {
engine::Decimal dec(const QVariant &v)
{
    const auto d = engine::Decimal::parse(v.toString());
    if (!d)
        qFatal("journal value '%s' is not a decimal", qPrintable(v.toString()));
    return *d;
}
} // namespace

QStringList auditJournalFile(const QString &dbPath, qint64 *fills)
{
    static std::atomic<int> counter{0};
    const QString name = QStringLiteral("audit-%1").arg(++counter);
    QStringList problems;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(dbPath);
        if (!db.open())
            return {QStringLiteral("cannot open ") + dbPath};
        QSqlQuery q(db);
        q.exec(QStringLiteral("SELECT value FROM settings WHERE key = 'portfolio.starting_equity'"));
        engine::Decimal cash = q.next() ? dec(q.value(0)) : engine::Decimal();
        QHash<QString, Book> books;
        qint64 n = 0;
        q.exec(QStringLiteral("SELECT symbol, side, price, qty, fee, fee_asset FROM fills ORDER BY rowid"));
        while (q.next()) {
            const QString symbol = q.value(0).toString();
            Book &b = books[symbol];
            const engine::Decimal price = dec(q.value(2));
            const engine::Decimal qty = dec(q.value(3));
            const QString feeAsset = q.value(5).toString();
            // A fee in the traded token comes out of the position, not out of cash.
            const bool inToken = !feeAsset.isEmpty() && symbol.size() > feeAsset.size() && symbol.startsWith(feeAsset);
            const engine::Decimal fee = inToken ? engine::Decimal() : dec(q.value(4));
            const engine::Decimal tokenFee = inToken ? dec(q.value(4)) : engine::Decimal();
            const engine::Decimal notional = price * qty;
            if (q.value(1).toString() == QLatin1String("BUY")) {
                b.cost += notional;
                b.qty += qty - tokenFee;
                cash -= notional + fee;
            } else {
                // The sold share of the cost basis leaves the position (all of it on a full exit).
                const engine::Decimal leaving = qty + tokenFee;
                const engine::Decimal removed = leaving == b.qty ? b.cost : b.cost * (leaving / b.qty);
                b.realized += notional - removed;
                b.cost -= removed;
                b.qty -= leaving;
                cash += notional - fee;
            }
            b.realized -= fee;
            b.fees += fee + tokenFee * price;
            ++n;
        }
        if (fills)
            *fills = n;
        q.exec(QStringLiteral("SELECT free FROM balances WHERE asset = 'USDT'"));
        const engine::Decimal stored = q.next() ? dec(q.value(0)) : engine::Decimal();
        if (n > 0 && stored != cash)
            problems << QStringLiteral("cash: journal %1, fills %2").arg(stored.toString(), cash.toString());
        q.exec(QStringLiteral("SELECT symbol, qty, cost_basis, realized_pnl, fees FROM positions"));
        QSet<QString> seen;
        while (q.next()) {
            const QString symbol = q.value(0).toString();
            seen.insert(symbol);
            const Book b = books.value(symbol);
            const engine::Decimal got[] = {dec(q.value(1)), dec(q.value(2)), dec(q.value(3)), dec(q.value(4))};
            const engine::Decimal want[] = {b.qty, b.cost, b.realized, b.fees};
            const char *names[] = {"qty", "cost", "realized", "fees"};
            for (int i = 0; i < 4; ++i) {
                if (got[i] != want[i])
                    problems << QStringLiteral("%1 %2: journal %3, fills %4")
                                    .arg(symbol, QLatin1String(names[i]), got[i].toString(), want[i].toString());
            }
        }
        for (auto it = books.cbegin(); it != books.cend(); ++it) {
            if (!seen.contains(it.key()))
                problems << QStringLiteral("%1: fills but no position row").arg(it.key());
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return problems;
}

} // namespace testsupport
