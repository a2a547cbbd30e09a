#include "adapters/storage/journalbars.h"
#include "tests/unit/storage/storetesthelpers.h"

#include "adapters/storage/migrator.h"
#include "tests/support/testsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <memory>

using namespace storetest;

class TestSqliteTradeStore : public QObject {
    Q_OBJECT

    QString newDbPath() { return testsupport::makeTempDir(QStringLiteral("journal")) + QStringLiteral("/journal.sqlite"); }

    std::unique_ptr<SqliteTradeStore> openStore(const QString &path)
    {
        auto store = std::make_unique<SqliteTradeStore>(path);
        // These tests look behind the store's back through a second connection.
        store->setExclusive(false);
        store->setBackupInterval(0);
        const engine::Result<void> opened = store->open();
        if (!opened)
            qWarning("open failed: %s", qPrintable(opened.error().toString()));
        return opened ? std::move(store) : nullptr;
    }

private Q_SLOTS:
    void migrationsAreAppliedOnce()
    {
        const QString path = newDbPath();
        openStore(path).reset();
        qint64 appliedMs = 0;
        {
            RawDb raw(path);
            QCOMPARE(raw.column(QStringLiteral("SELECT version FROM schema_version ORDER BY version")),
                     (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4"), QStringLiteral("5"), QStringLiteral("6")}));
            appliedMs = raw.scalar(QStringLiteral("SELECT applied_ms FROM schema_version")).toLongLong();
            QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
            const QStringList tables = raw.column(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"));
            for (const char *t : {"orders", "order_events", "fills", "positions", "balances", "signals", "equity", "settings"})
                QVERIFY2(tables.contains(QLatin1String(t)), t);
        }
        auto store = openStore(path);
        QVERIFY(store);
        store.reset();
        RawDb raw(path);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM schema_version")).toInt(), 6);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT applied_ms FROM schema_version")).toLongLong(), appliedMs);
    }

    void everyOrderKeepsItsTradingMode()
    {
        const QString path = newDbPath();
        auto store = openStore(path);
        QVERIFY(store);
        Order live = makeOrder(QStringLiteral("C-live"), QStringLiteral("PEPEUSDT"), Side::Buy, OrderStatus::Accepted, 10);
        live.mode = engine::TradingMode::Live;
        live.type = engine::OrderType::Limit;
        live.timeInForce = engine::TimeInForce::Ioc;
        store->saveOrder(live);
        store->saveOrder(makeOrder(QStringLiteral("C-demo"), QStringLiteral("PEPEUSDT"), Side::Buy, OrderStatus::Accepted, 11));
        store->flush();
        const engine::JournalSnapshot s = snapshotOf(*store);
        QCOMPARE(s.openOrders.size(), 2);
        QCOMPARE(int(s.openOrders.at(0).mode), int(engine::TradingMode::Live));
        QCOMPARE(int(s.openOrders.at(1).mode), int(engine::TradingMode::Demo));
        QCOMPARE(int(s.openOrders.at(0).timeInForce), int(engine::TimeInForce::Ioc));
        QCOMPARE(int(s.openOrders.at(1).timeInForce), int(engine::TimeInForce::Gtc));
    }

    void theSessionsCandlesAreKeptAndReadBack()
    {
        const QString path = newDbPath();
        {
            auto store = openStore(path);
            QVERIFY(store);
            for (int i : {0, 2, 1, 1}) { // out of order, one twice (a replay after a reconnect)
                engine::Candle c;
                c.symbol = QStringLiteral("PEPEUSDT");
                c.openTimeMs = 1'700'000'000'000 + i * 60'000;
                c.intervalSec = 60;
                c.open = Decimal::fromString("0.0000012");
                c.high = Decimal::fromString("0.0000013");
                c.low = Decimal::fromString("0.0000011");
                c.close = Decimal::fromString("0.00000125");
                c.volume = Decimal::fromInt(1000 + i);
                store->saveCandle(c);
            }
            store->flush();
        }
        auto bars = adapters::storage::journalBars(path, QStringLiteral("PEPEUSDT"), 0, std::numeric_limits<qint64>::max());
        QVERIFY(bars.ok());
        engine::Candle c;
        QList<qint64> times;
        while (bars.value()->next(c).value()) {
            times << c.openTimeMs;
            QCOMPARE(c.close, Decimal::fromString("0.00000125"));
        }
        QCOMPARE(times, (QList<qint64>{1'700'000'000'000, 1'700'000'060'000, 1'700'000'120'000}));
        auto none = adapters::storage::journalBars(path, QStringLiteral("WIFUSDT"), 0, std::numeric_limits<qint64>::max());
        QVERIFY(none.ok());
        QVERIFY(!none.value()->next(c).ok()); // nothing recorded for it: said, not an empty run
        QCOMPARE(adapters::storage::journalBars(path + QStringLiteral(".missing"), QStringLiteral("PEPEUSDT"), 0, 1).error().code,
                 QStringLiteral("USAGE"));
    }

    void anOrderByAmountKeepsItsAmount()
    {
        const QString path = newDbPath();
        auto store = openStore(path);
        QVERIFY(store);
        Order o = makeOrder(QStringLiteral("C-amount"), QStringLiteral("PEPEUSDT"), Side::Buy, OrderStatus::Accepted, 10);
        o.qty = {};
        o.quoteQty = Decimal::fromString("25.5");
        store->saveOrder(o);
        store->flush();
        const engine::JournalSnapshot s = snapshotOf(*store);
        QCOMPARE(s.openOrders.size(), 1);
        QCOMPARE(s.openOrders.first().quoteQty, Decimal::fromString("25.5"));
        QVERIFY(s.openOrders.first().qty.isZero());
        QVERIFY(s.openOrders.first().byQuote());
    }

    void aSchemaOneJournalIsMigratedAndItsOrdersAreDemo()
    {
        const QString path = newDbPath();
        {
            auto store = openStore(path);
            store->saveOrder(makeOrder(QStringLiteral("C-old"), QStringLiteral("PEPEUSDT"), Side::Buy, OrderStatus::Filled, 10));
            store->flush();
        }
        {
            // Back to the schema the first release wrote.
            RawDb raw(path);
            QVERIFY(raw.exec(QStringLiteral("ALTER TABLE orders DROP COLUMN mode")));
            QVERIFY(raw.exec(QStringLiteral("ALTER TABLE orders DROP COLUMN time_in_force")));
            QVERIFY(raw.exec(QStringLiteral("ALTER TABLE orders DROP COLUMN quote_qty")));
            QVERIFY(raw.exec(QStringLiteral("ALTER TABLE fills DROP COLUMN fee_value")));
            QVERIFY(raw.exec(QStringLiteral("DROP TABLE candles")));
            QVERIFY(raw.exec(QStringLiteral("DELETE FROM schema_version WHERE version >= 2")));
        }
        auto store = openStore(path);
        QVERIFY(store);
        const engine::JournalSnapshot s = snapshotOf(*store);
        QCOMPARE(s.recentOrders.size(), 1);
        QCOMPARE(int(s.recentOrders.first().mode), int(engine::TradingMode::Demo));
        QCOMPARE(int(s.recentOrders.first().timeInForce), int(engine::TimeInForce::Gtc));
        QVERIFY(s.recentOrders.first().quoteQty.isZero());
        store.reset();
        RawDb raw(path);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT MAX(version) FROM schema_version")).toInt(), 6);
    }

    void scriptsSplitIntoStatements()
    {
        const QStringList statements = adapters::storage::Migrator::splitStatements(QStringLiteral(
            "-- a comment; with a semicolon\n"
            "CREATE TABLE a (x TEXT DEFAULT 'semi;colon', y TEXT DEFAULT 'it''s');\n"
            "/* block; comment */ INSERT INTO a VALUES ('1;2', \"q\");\n"
            "CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE a SET y = 'z;'; DELETE FROM a WHERE 0; END;\n"
            "SELECT 1"));
        QCOMPARE(statements.size(), 4);
        QCOMPARE(statements[0], QStringLiteral("CREATE TABLE a (x TEXT DEFAULT 'semi;colon', y TEXT DEFAULT 'it''s')"));
        QVERIFY(statements[1].endsWith(QLatin1String("INSERT INTO a VALUES ('1;2', \"q\")")));
        QVERIFY(statements[2].startsWith(QLatin1String("CREATE TRIGGER")) && statements[2].endsWith(QLatin1String("END")));
        QCOMPARE(statements[3], QStringLiteral("SELECT 1"));
    }

    void migrationsRunInOrderAndAFailedOneChangesNothing()
    {
        const QString dir = testsupport::makeTempDir(QStringLiteral("migrations"));
        auto writeScript = [&](const QString &name, const QByteArray &sql) {
            QFile f(dir + QLatin1Char('/') + name);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(sql);
        };
        writeScript(QStringLiteral("002_more.sql"), "ALTER TABLE t ADD COLUMN b TEXT; INSERT INTO t VALUES (1, 'x');");
        writeScript(QStringLiteral("001_first.sql"), "CREATE TABLE t (a INTEGER);");
        const QString path = newDbPath();
        RawDb raw(path);
        adapters::storage::Migrator first(raw.db(), dir);
        QString error;
        QVERIFY2(first.migrate(&error), qPrintable(error));
        QCOMPARE(first.appliedCount(), 2);
        QCOMPARE(raw.column(QStringLiteral("SELECT name FROM schema_version ORDER BY version")),
                 (QStringList{QStringLiteral("001_first.sql"), QStringLiteral("002_more.sql")}));
        QCOMPARE(raw.scalar(QStringLiteral("SELECT b FROM t")).toString(), QStringLiteral("x"));

        writeScript(QStringLiteral("003_broken.sql"), "CREATE TABLE u (a INTEGER); INSERT INTO nowhere VALUES (1);");
        adapters::storage::Migrator second(raw.db(), dir);
        QVERIFY(!second.migrate(&error));
        QVERIFY2(error.contains(QLatin1String("003_broken.sql")) && error.contains(QLatin1String("nowhere")), qPrintable(error));
        QCOMPARE(raw.scalar(QStringLiteral("SELECT MAX(version) FROM schema_version")).toInt(), 2);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = 'u'")).toInt(), 0);
    }

    void newerSchemaIsRefused()
    {
        const QString path = newDbPath();
        openStore(path).reset();
        {
            RawDb raw(path);
            QVERIFY(raw.exec(QStringLiteral("INSERT INTO schema_version VALUES (42, '042_future.sql', 0)")));
        }
        SqliteTradeStore store(path);
        QString error;
        const engine::Result<void> opened = store.open();
        QVERIFY(!opened.ok());
        error = opened.error().message;
        QVERIFY2(error.contains(QLatin1String("newer Memedesk")) && error.contains(QLatin1String("42")), qPrintable(error));
    }

    void fileThatIsNotSqliteGivesClearError()
    {
        const QString path = newDbPath();
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        for (int i = 0; i < 200; ++i)
            file.write("this is a settings file, not a database\n");
        file.close();
        SqliteTradeStore store(path);
        QString error;
        const engine::Result<void> opened = store.open();
        QVERIFY(!opened.ok());
        error = opened.error().message;
        QVERIFY2(error.contains(QLatin1String("not an SQLite database")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("journal.sqlite")), qPrintable(error));
        // A failed open must not have touched the user's file.
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().startsWith("this is a settings file"));
    }

    void decimalsRoundTripExactly()
    {
        const QString path = newDbPath();
        auto store = openStore(path);
        QVERIFY(store);
        Order order = makeOrder(QStringLiteral("C-1"), QStringLiteral("PEPEUSDT"), Side::Buy, OrderStatus::Accepted, 1000);
        store->saveOrder(order);
        store->saveFill(makeFill(QStringLiteral("F-1"), QStringLiteral("PEPEUSDT"), Side::Buy, 2000));
        engine::Position pos;
        pos.symbol = QStringLiteral("PEPEUSDT");
        pos.qty = Decimal::fromString("1000000000000000");
        pos.avgPrice = Decimal::fromString("0.000000012345678901");
        pos.realizedPnl = Decimal::fromString("-12.000000000000000001");
        pos.openedMs = 1234;
        store->savePortfolio({pos}, {{QStringLiteral("USDT"), Decimal::fromString("99999.999999999999999999")}});
        Order bare; // fresh from the engine: no venue id, strategy or reason yet
        bare.clientId = QStringLiteral("C-bare");
        bare.symbol = QStringLiteral("PEPEUSDT");
        bare.createdMs = 500;
        store->saveOrder(bare);
        store->flush();
        store.reset();
        {
            RawDb raw(path);
            QCOMPARE(raw.scalar(QStringLiteral("SELECT price FROM fills")).toString(), QStringLiteral("0.000000012345678901"));
            QCOMPARE(raw.scalar(QStringLiteral("SELECT qty FROM fills")).toString(), QStringLiteral("1000000000000000"));
        }
        store = openStore(path);
        QVERIFY(store);
        const engine::JournalSnapshot s = snapshotOf(*store);
        QCOMPARE(s.recentFills.size(), 1);
        QCOMPARE(s.recentFills[0].price, Decimal::fromString("0.000000012345678901"));
        QCOMPARE(s.recentFills[0].qty, Decimal::fromString("1000000000000000"));
        QCOMPARE(s.recentFills[0].fee, Decimal::fromString("0.000123"));
        QCOMPARE(s.openOrders.size(), 2);
        QCOMPARE(s.openOrders[0].clientId, QStringLiteral("C-bare"));
        QCOMPARE(s.openOrders[0].venueOrderId, QString());
        QCOMPARE(s.openOrders[1].limitPrice, order.limitPrice);
        QCOMPARE(s.openOrders[1].qty, order.qty);
        QCOMPARE(s.openOrders[1].fees, order.fees);
        QCOMPARE(s.positions.size(), 1);
        QCOMPARE(s.positions[0].realizedPnl, Decimal::fromString("-12.000000000000000001"));
        QCOMPARE(s.balances.value(QStringLiteral("USDT")), Decimal::fromString("99999.999999999999999999"));
    }

    void orderUpsertKeepsOneRowAndAppendsEvents()
    {
        const QString path = newDbPath();
        auto store = openStore(path);
        QVERIFY(store);
        Order o = makeOrder(QStringLiteral("C-7"), QStringLiteral("DOGEUSDT"), Side::Sell, OrderStatus::New, 100);
        store->saveOrder(o);
        o.status = OrderStatus::Accepted;
        o.updatedMs = 110;
        store->saveOrder(o);
        o.status = OrderStatus::PartiallyFilled;
        o.filledQty = Decimal::fromString("0.5");
        o.updatedMs = 120;
        store->saveOrder(o);
        o.filledQty = Decimal::fromString("0.75");
        o.updatedMs = 130;
        store->saveOrder(o);
        store->saveOrder(o); // same state again: no new event
        o.status = OrderStatus::Filled;
        o.filledQty = o.qty;
        o.avgPrice = Decimal::fromString("0.081");
        o.updatedMs = 140;
        store->saveOrder(o);
        store->flush();
        RawDb raw(path);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM orders")).toInt(), 1);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT status FROM orders")).toString(), QStringLiteral("FILLED"));
        QCOMPARE(raw.scalar(QStringLiteral("SELECT avg_price FROM orders")).toString(), QStringLiteral("0.081"));
        QCOMPARE(raw.column(QStringLiteral("SELECT status || '@' || filled_qty FROM order_events WHERE client_id = 'C-7' ORDER BY id")),
                 (QStringList{QStringLiteral("NEW@0"), QStringLiteral("ACCEPTED@0"), QStringLiteral("PARTIALLY_FILLED@0.5"),
                              QStringLiteral("PARTIALLY_FILLED@0.75"), QStringLiteral("FILLED@1000000000000000")}));
        QCOMPARE(raw.column(QStringLiteral("SELECT ts_ms FROM order_events ORDER BY id")),
                 (QStringList{"100", "110", "120", "130", "140"}));
        const engine::JournalSnapshot s = snapshotOf(*store);
        QVERIFY(s.openOrders.isEmpty());
        QCOMPARE(s.recentOrders.size(), 1);
        QCOMPARE(engine::toString(s.recentOrders[0].status), QStringLiteral("FILLED"));
        QCOMPARE(s.recentOrders[0].venueOrderId, QStringLiteral("V-C-7"));
        QCOMPARE(s.recentOrders[0].reason, o.reason);
    }

    void durableCallbacksComeInOrderAfterCommit()
    {
        const QString path = newDbPath();
        auto store = openStore(path);
        QVERIFY(store);
        RecordingSink sink(path);
        store->setStoreSink(&sink);
        QStringList expected;
        for (int i = 0; i < 30; ++i) {
            engine::Signal sig;
            sig.symbol = QStringLiteral("WIFUSDT");
            sig.tsMs = i;
            store->saveSignal(sig); // batched writes interleaved with urgent ones
            if (i % 3 == 2) {
                const QString id = QStringLiteral("F-%1").arg(i);
                store->saveFill(makeFill(id, QStringLiteral("WIFUSDT"), Side::Buy, i));
                expected << QStringLiteral("fill:") + id;
            } else {
                Order o = makeOrder(QStringLiteral("C-%1").arg(i / 3), QStringLiteral("WIFUSDT"), Side::Buy,
                                    i % 3 == 0 ? OrderStatus::Accepted : OrderStatus::PartiallyFilled, i);
                store->saveOrder(o);
                expected << QStringLiteral("order:%1:%2").arg(o.clientId, engine::toString(o.status));
            }
        }
        // No flush: the callbacks must come on their own.
        QTRY_COMPARE_WITH_TIMEOUT(sink.events().size(), expected.size(), 20000);
        QCOMPARE(sink.events(), expected);
        QCOMPARE(sink.notCommitted(), QStringList());
        QCOMPARE(sink.errors(), QStringList());
        store->flush();
        RawDb raw(path);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM signals")).toInt(), 30);
        store->setStoreSink(nullptr);
    }

    void sameFillTwiceIsStoredOnce()
    {
        const QString path = newDbPath();
        auto store = openStore(path);
        QVERIFY(store);
        RecordingSink sink;
        store->setStoreSink(&sink);
        Fill f = makeFill(QStringLiteral("F-dup"), QStringLiteral("BONKUSDT"), Side::Sell, 5000);
        store->saveFill(f);
        Fill replay = f;
        replay.price = Decimal::fromString("999"); // a replay never rewrites history
        store->saveFill(replay);
        store->flush();
        const engine::JournalSnapshot s = snapshotOf(*store);
        QCOMPARE(s.fillCount, 1);
        QCOMPARE(s.recentFills.size(), 1);
        QCOMPARE(s.recentFills[0].price, f.price);
        QCOMPARE(sink.errors(), QStringList());
        // Both saves are durable (the fill is in the journal), so both are acknowledged.
        QCOMPARE(sink.events(), (QStringList{QStringLiteral("fill:F-dup"), QStringLiteral("fill:F-dup")}));
        store->setStoreSink(nullptr);
    }

    void snapshotRestoresEverythingAfterReopen()
    {
        const QString path = newDbPath();
        auto store = openStore(path);
        QVERIFY(store);
        for (int i = 0; i < 505; ++i) {
            const auto status = i % 100 == 7 ? OrderStatus::PartiallyFilled : i % 100 == 8 ? OrderStatus::Unknown : OrderStatus::Filled;
            store->saveOrder(makeOrder(QStringLiteral("C-%1").arg(i), QStringLiteral("PEPEUSDT"), Side::Buy, status, 1000 + i));
            store->saveFill(makeFill(QStringLiteral("F-%1").arg(i), QStringLiteral("PEPEUSDT"), Side::Buy, 1000 + i));
        }
        for (int i = 0; i < 510; ++i) {
            engine::Signal sig;
            sig.tsMs = 10'000 + i;
            sig.symbol = QStringLiteral("SIG%1").arg(i);
            sig.price = Decimal::fromString("0.00001234");
            sig.score = 0.75;
            sig.action = QStringLiteral("BUY");
            sig.momentum = 0.0123;
            sig.rsi = 71.5;
            sig.volumeZ = 2.5;
            sig.mentionVelocity = 3.25;
            sig.sentiment = -0.125;
            sig.uniqueAuthors = 42;
            sig.liquidityChange = -0.5;
            sig.liquidityPulled = true;
            sig.explanation = QStringLiteral("mentions x3.25, RSI 71.5");
            store->saveSignal(sig);
        }
        for (int i = 0; i < 5003; ++i)
            store->saveEquity({100'000 + i, Decimal::fromInt(10'000 + i), Decimal::fromString("5000.5")});
        engine::Position open;
        open.symbol = QStringLiteral("PEPEUSDT");
        open.qty = Decimal::fromString("1500000");
        open.avgPrice = Decimal::fromString("0.0000123");
        open.lastPrice = Decimal::fromString("0.0000130");
        open.peakPrice = Decimal::fromString("0.0000140");
        open.fees = Decimal::fromString("0.02");
        open.openedMs = 777;
        engine::Position closed;
        closed.symbol = QStringLiteral("DOGEUSDT");
        closed.realizedPnl = Decimal::fromString("12.5");
        store->savePortfolio({open, closed}, {{QStringLiteral("USDT"), Decimal::fromString("8000")},
                                              {QStringLiteral("PEPE"), Decimal::fromString("1500000")}});
        store->savePortfolio({open}, {{QStringLiteral("USDT"), Decimal::fromString("7999.5")}});
        store->saveSetting(QStringLiteral("ui.theme"), QStringLiteral("light"));
        store->saveSetting(QStringLiteral("ui.theme"), QStringLiteral("dark"));
        store->saveSetting(QStringLiteral("risk.maxOpenPositions"), QStringLiteral("5"));
        store->flush();
        store.reset();

        store = openStore(path);
        QVERIFY(store);
        RecordingSink sink;
        store->setStoreSink(&sink);
        const engine::JournalSnapshot s = snapshotOf(*store);
        QCOMPARE(sink.errors(), QStringList());
        QCOMPARE(s.openOrders.size(), 10);
        for (const Order &o : s.openOrders)
            QVERIFY(!engine::isTerminal(o.status));
        QCOMPARE(s.openOrders.first().clientId, QStringLiteral("C-7"));
        QCOMPARE(s.recentOrders.size(), 500);
        QCOMPARE(s.recentOrders.first().clientId, QStringLiteral("C-504"));
        QCOMPARE(s.recentOrders.last().clientId, QStringLiteral("C-5"));
        QCOMPARE(s.recentFills.size(), 500);
        QCOMPARE(s.recentFills.first().fillId, QStringLiteral("F-504"));
        QCOMPARE(s.fillCount, 505);
        QCOMPARE(s.recentSignals.size(), 500);
        QCOMPARE(s.recentSignals.first().symbol, QStringLiteral("SIG509"));
        QCOMPARE(s.recentSignals.last().symbol, QStringLiteral("SIG10"));
        const engine::Signal &sig = s.recentSignals.first();
        QCOMPARE(sig.tsMs, 10'509);
        QCOMPARE(sig.price, Decimal::fromString("0.00001234"));
        QCOMPARE(sig.score, 0.75);
        QCOMPARE(sig.action, QStringLiteral("BUY"));
        QCOMPARE(sig.momentum, 0.0123);
        QCOMPARE(sig.rsi, 71.5);
        QCOMPARE(sig.volumeZ, 2.5);
        QCOMPARE(sig.mentionVelocity, 3.25);
        QCOMPARE(sig.sentiment, -0.125);
        QCOMPARE(sig.uniqueAuthors, 42);
        QCOMPARE(sig.liquidityChange, -0.5);
        QCOMPARE(sig.liquidityPulled, true);
        QCOMPARE(sig.explanation, QStringLiteral("mentions x3.25, RSI 71.5"));
        QCOMPARE(s.equity.size(), 5000);
        QCOMPARE(s.equity.first().tsMs, 100'003);
        QCOMPARE(s.equity.last().tsMs, 105'002);
        QCOMPARE(s.equity.last().equity, Decimal::fromInt(15'002));
        QCOMPARE(s.equity.last().cash, Decimal::fromString("5000.5"));
        QCOMPARE(s.positions.size(), 2); // every symbol ever traded, open or not
        const auto &pepe = s.positions[0].symbol == QLatin1String("PEPEUSDT") ? s.positions[0] : s.positions[1];
        QCOMPARE(pepe.qty, open.qty);
        QCOMPARE(pepe.avgPrice, open.avgPrice);
        QCOMPARE(pepe.lastPrice, open.lastPrice);
        QCOMPARE(pepe.peakPrice, open.peakPrice);
        QCOMPARE(pepe.fees, open.fees);
        QCOMPARE(pepe.openedMs, 777);
        QCOMPARE(s.balances.size(), 2);
        QCOMPARE(s.balances.value(QStringLiteral("USDT")), Decimal::fromString("7999.5"));
        QCOMPARE(s.balances.value(QStringLiteral("PEPE")), Decimal::fromString("1500000"));
        QCOMPARE(s.settings.value(QStringLiteral("ui.theme")), QStringLiteral("dark"));
        QCOMPARE(s.settings.value(QStringLiteral("risk.maxOpenPositions")), QStringLiteral("5"));
        store->setStoreSink(nullptr);
    }

    void historyPagesFilterAndCount()
    {
        const QString path = newDbPath();
        auto store = openStore(path);
        QVERIFY(store);
        for (int i = 0; i < 100; ++i) {
            const QString symbol = i % 2 ? QStringLiteral("AAAUSDT") : QStringLiteral("BBBUSDT");
            const Side side = (i / 2) % 2 ? Side::Sell : Side::Buy;
            store->saveFill(makeFill(QStringLiteral("F-%1").arg(i), symbol, side, 1000 + i));
            store->saveOrder(makeOrder(QStringLiteral("C-%1").arg(i), symbol, side, OrderStatus::Filled, 5000 + i));
        }
        engine::HistoryQuery q;
        q.kind = engine::HistoryQuery::Kind::Fills;
        q.limit = 1000;
        engine::HistoryPage page = runQuery(*store, q);
        QVERIFY2(!page.error, qPrintable(page.error ? page.error->message : QString()));
        QCOMPARE(page.total, 100);
        QCOMPARE(page.fills.size(), 100);
        QCOMPARE(page.fills.first().fillId, QStringLiteral("F-99"));

        // AAA (odd i) and SELL ((i/2) odd) → i % 4 == 3; 1010..1090 → i in 10..90 → 11, 15 ... 87.
        q.symbol = QStringLiteral("AAAUSDT");
        q.side = Side::Sell;
        q.fromMs = 1010;
        q.toMs = 1090;
        q.limit = 5;
        q.offset = 2;
        page = runQuery(*store, q);
        QVERIFY2(!page.error, qPrintable(page.error ? page.error->message : QString()));
        QCOMPARE(page.total, 20);
        QStringList ids;
        for (const Fill &f : page.fills)
            ids << f.fillId;
        QCOMPARE(ids, (QStringList{"F-79", "F-75", "F-71", "F-67", "F-63"}));
        QCOMPARE(page.query.offset, 2);

        q.offset = 18; // last page is short
        page = runQuery(*store, q);
        QCOMPARE(page.total, 20);
        QCOMPARE(page.fills.size(), 2);
        QCOMPARE(page.fills.last().fillId, QStringLiteral("F-11"));

        engine::HistoryQuery oq;
        oq.kind = engine::HistoryQuery::Kind::Orders;
        oq.symbol = QStringLiteral("BBBUSDT");
        oq.side = Side::Buy;
        oq.fromMs = 5050;
        oq.limit = 3;
        page = runQuery(*store, oq);
        QVERIFY2(!page.error, qPrintable(page.error ? page.error->message : QString()));
        QCOMPARE(page.total, 12); // i even, (i/2) even → i % 4 == 0, i in 52..96
        QCOMPARE(page.orders.size(), 3);
        QCOMPARE(page.orders[0].clientId, QStringLiteral("C-96"));
        QCOMPARE(page.orders[2].clientId, QStringLiteral("C-88"));
        QVERIFY(page.fills.isEmpty());
    }

    void historyOnUnopenedStoreReportsError()
    {
        SqliteTradeStore store(newDbPath());
        const engine::HistoryPage page = runQuery(store, engine::HistoryQuery{});
        QVERIFY(page.error.has_value());
        QCOMPARE(page.total, 0);
    }

    void corruptedDecimalRowStopsTheLoadAndNamesTheRow()
    {
        const QString path = newDbPath();
        auto store = openStore(path);
        QVERIFY(store);
        for (int i = 1; i <= 3; ++i)
            store->saveFill(makeFill(QStringLiteral("F-%1").arg(i), QStringLiteral("PEPEUSDT"), Side::Buy, i));
        store->flush();
        store.reset();
        {
            RawDb raw(path);
            QVERIFY(raw.exec(QStringLiteral("UPDATE fills SET price = '12.34.56' WHERE fill_id = 'F-2'")));
        }
        store = openStore(path);
        QVERIFY(store);
        // Never a shorter list: the whole load fails, naming the row, the column and the value.
        const auto loaded = store->loadSnapshot();
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, QLatin1String(engine::errors::kJournalUnreadable));
        const QString error = loaded.error().message;
        QVERIFY2(error.contains(QLatin1String("F-2")) && error.contains(QLatin1String("price"))
                     && error.contains(QLatin1String("12.34.56")),
                 qPrintable(error));
        const engine::HistoryPage page = runQuery(*store, engine::HistoryQuery{});
        QVERIFY2(page.error && page.error->message.contains(QLatin1String("F-2")), qPrintable(page.error ? page.error->message : QString()));
        QVERIFY(page.fills.isEmpty());
        // The replay for the audit stops at the same row.
        int seen = 0;
        QVERIFY(!store->replayFills([&seen](const Fill &) { ++seen; return true; }).ok());
        QCOMPARE(seen, 1);
    }

    void failedWriteIsReportedAndTheStoreKeepsWorking()
    {
        const QString path = newDbPath();
        auto store = openStore(path);
        QVERIFY(store);
        RecordingSink sink;
        store->setStoreSink(&sink);
        {
            RawDb raw(path); // someone breaks the schema under the running app
            QVERIFY(raw.exec(QStringLiteral("DROP TABLE signals")));
        }
        engine::Signal sig;
        sig.symbol = QStringLiteral("PEPEUSDT");
        store->saveSignal(sig);
        store->saveOrder(makeOrder(QStringLiteral("C-ok"), QStringLiteral("PEPEUSDT"), Side::Buy, OrderStatus::New, 1));
        store->flush();
        QCOMPARE(sink.events(), QStringList{QStringLiteral("order:C-ok:NEW")});
        const QString errors = sink.errors().join(QLatin1Char('\n'));
        QVERIFY2(errors.contains(QLatin1String("signal")) && errors.contains(QLatin1String("no such table")), qPrintable(errors));
        store->saveFill(makeFill(QStringLiteral("F-after"), QStringLiteral("PEPEUSDT"), Side::Buy, 2));
        store->flush();
        QCOMPARE(sink.events().last(), QStringLiteral("fill:F-after"));
        store->setStoreSink(nullptr);
    }

    void millionFillsStayQueryable()
    {
        const QString path = newDbPath();
        openStore(path).reset(); // creates the schema
        constexpr int kTotal = 1'000'000;
        constexpr int kChunk = 250'000;
        constexpr qint64 kBase = 1'700'000'000'000;
        QElapsedTimer timer;
        timer.start();
        {
            RawDb raw(path);
            for (int first = 1; first <= kTotal; first += kChunk) {
                QVERIFY(raw.exec(QStringLiteral("BEGIN")));
                QString error;
                const bool ok = raw.exec(
                    QStringLiteral(
                        "INSERT INTO fills (fill_id, client_id, symbol, side, price, qty, fee, fee_asset, is_maker, ts_ms)"
                        " WITH RECURSIVE seq(n) AS (SELECT %1 UNION ALL SELECT n + 1 FROM seq WHERE n < %2)"
                        " SELECT 'F' || n, 'C' || (n / 4), 'SYM' || (n % 10),"
                        " CASE WHEN (n / 10) % 2 = 0 THEN 'BUY' ELSE 'SELL' END,"
                        " '0.00000' || (1000 + n % 9000), (1 + n % 1000) || '.25', '0.001', 'USDT', n % 2,"
                        " %3 + n * 1000 FROM seq")
                        .arg(first)
                        .arg(first + kChunk - 1)
                        .arg(kBase),
                    &error);
                QVERIFY2(ok, qPrintable(error));
                QVERIFY(raw.exec(QStringLiteral("COMMIT")));
            }
            QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM fills")).toInt(), kTotal);
            // The page query must walk an index in time order, never sort a million rows.
            QSqlQuery plan(raw.db());
            QVERIFY(plan.exec(QStringLiteral("EXPLAIN QUERY PLAN SELECT fill_id FROM fills WHERE symbol = 'SYM3' AND"
                                             " side = 'SELL' AND ts_ms >= 1 AND ts_ms <= 2 ORDER BY ts_ms DESC,"
                                             " rowid DESC LIMIT 50 OFFSET 100")));
            QString planText;
            while (plan.next())
                planText += plan.value(3).toString() + QLatin1Char('\n');
            QVERIFY2(planText.contains(QLatin1String("INDEX")) && !planText.contains(QLatin1String("TEMP B-TREE")),
                     qPrintable(planText));
        }
        qInfo("inserted %d fills in %lld ms", kTotal, timer.restart());

        auto store = openStore(path);
        QVERIFY(store);
        engine::HistoryQuery q;
        q.symbol = QStringLiteral("SYM3");
        q.side = Side::Sell;
        q.fromMs = kBase + 200'000 * 1000LL;
        q.toMs = kBase + 800'000 * 1000LL;
        q.offset = 100;
        q.limit = 50;
        const engine::HistoryPage page = runQuery(*store, q);
        qInfo("filtered page over %d fills in %lld ms", kTotal, timer.restart());
        QVERIFY2(!page.error, qPrintable(page.error ? page.error->message : QString()));

        QList<int> matching; // newest first, computed independently of SQL
        for (int n = 800'000; n >= 200'000; --n) {
            if (n % 10 == 3 && (n / 10) % 2 == 1)
                matching << n;
        }
        QCOMPARE(page.total, matching.size());
        QCOMPARE(page.fills.size(), 50);
        for (int i = 0; i < 50; ++i) {
            const int n = matching[100 + i];
            const Fill &f = page.fills[i];
            QCOMPARE(f.fillId, QStringLiteral("F%1").arg(n));
            QCOMPARE(f.symbol, QStringLiteral("SYM3"));
            QVERIFY(f.side == Side::Sell);
            QCOMPARE(f.tsMs, kBase + n * 1000LL);
            QCOMPARE(f.price, Decimal::fromString(QStringLiteral("0.00000%1").arg(1000 + n % 9000)));
            QCOMPARE(f.qty, Decimal::fromString(QStringLiteral("%1.25").arg(1 + n % 1000)));
        }
        const engine::JournalSnapshot s = snapshotOf(*store);
        QCOMPARE(s.fillCount, kTotal);
        QCOMPARE(s.recentFills.first().fillId, QStringLiteral("F1000000"));
        qInfo("snapshot with %d fills in %lld ms", kTotal, timer.restart());
    }
};

QTEST_GUILESS_MAIN(TestSqliteTradeStore)
#include "test_sqlitetradestore.moc"
