// Binance Spot as a whole venue (REST + combined streams + WebSocket API user stream, on its own
// I/O thread) against the fake exchange on 127.0.0.1, which checks signatures, timestamps,
// filters and funds as Binance does. Each case asserts that nothing is lost or duplicated:
// start-up (rules, history, live data), a gap after a stream drop filled once and in order, an
// order's whole life (FULL answer and user stream carrying the same fills), partial fills, a
// cancel and a fill after it, a 503 on an accepted order (exactly one order), a local filter
// refusal, a restart that finds fills made while away, a 429 storm, and a clock 3 s off.
#include "tests/support/fakebinance/fakeexchange.h"
#include "tests/support/testsupport.h"
#include "tests/unit/net/nettestsupport.h"

#include "adapters/binance/binancevenue.h"

#include <QMutex>
#include <QTest>

using engine::Decimal;
using namespace adapters::binance;

namespace {

const QByteArray kKey = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
const QByteArray kSecret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
const QString kPepe = QStringLiteral("PEPEUSDT");
constexpr int kWait = 15000;

Decimal d(const char *text) { return Decimal::fromString(text); }

//! Records what the venue delivers, from its I/O thread.
class Recorder final : public engine::MarketDataSink, public engine::ExecutionSink {
public:
    void onInstruments(const QList<engine::Instrument> &list) override { lock([&] { instruments << list; }); }
    void onCandleHistory(const QList<engine::Candle> &c) override { lock([&] { history << c; }); }
    void onTrade(const engine::TradeTick &t) override { lock([&] { trades << t; }); }
    void onBook(const engine::BookUpdate &b) override { lock([&] { books << b; }); }
    void onCandle(const engine::Candle &c) override { lock([&] { candles << c; }); }
    void onMarketConnection(bool up, const QString &) override { lock([&] { connections << up; }); }
    void onMarketError(const engine::AdapterError &e) override { lock([&] { marketErrors << e.code; }); }
    void onVenueHealth(const engine::VenueHealth &h) override { lock([&] { health << h; }); }
    void onTicker(const engine::Ticker24h &t) override { lock([&] { tickers << t; }); }
    void onExecutionReport(const engine::ExecutionReport &r) override { lock([&] { reports << r; }); }
    void onFill(const engine::Fill &f) override { lock([&] { fills << f; }); }
    void onBalances(const QHash<QString, Decimal> &b) override { lock([&] { balances << b; }); }
    void onExecutionError(const engine::AdapterError &e) override { lock([&] { executionErrors << e.code; }); }

    template<class T>
    T read(const T &field)
    {
        QMutexLocker l(&m_mutex);
        return field;
    }
    QList<engine::ExecutionReport> reportsOf(const QString &id)
    {
        QMutexLocker l(&m_mutex);
        QList<engine::ExecutionReport> out;
        for (const auto &r : reports)
            if (r.clientId == id)
                out << r;
        return out;
    }
    QList<engine::Fill> fillsOf(const QString &id)
    {
        QMutexLocker l(&m_mutex);
        QList<engine::Fill> out;
        for (const auto &f : fills)
            if (f.clientId == id)
                out << f;
        return out;
    }
    bool lastStatusIs(const QString &id, engine::OrderStatus s)
    {
        const auto list = reportsOf(id);
        return !list.isEmpty() && list.last().status == s;
    }

    QList<engine::Instrument> instruments;
    QList<engine::Candle> history;
    QList<engine::TradeTick> trades;
    QList<engine::BookUpdate> books;
    QList<engine::Candle> candles;
    QList<bool> connections;
    QStringList marketErrors;
    QList<engine::VenueHealth> health;
    QList<engine::Ticker24h> tickers;
    QList<engine::ExecutionReport> reports;
    QList<engine::Fill> fills;
    QList<QHash<QString, Decimal>> balances;
    QStringList executionErrors;

private:
    template<class F>
    void lock(F f)
    {
        QMutexLocker l(&m_mutex);
        f();
    }
    QMutex m_mutex;
};

engine::OrderRequest order(const QString &id, engine::Side side, engine::OrderType type, const char *qty, const char *price = "0")
{
    engine::OrderRequest r;
    r.clientId = id;
    r.symbol = kPepe;
    r.side = side;
    r.type = type;
    r.qty = d(qty);
    r.limitPrice = d(price);
    return r;
}

binancetest::FakeBar bar(qint64 openMs, const char *close)
{
    binancetest::FakeBar b;
    b.openTimeMs = openMs;
    b.open = b.high = b.low = b.close = d(close);
    b.volume = d("1000000");
    return b;
}

} // namespace

class TestBinanceVenue : public QObject {
    Q_OBJECT

    static QString exchangeInfoPath() { return testsupport::testDataDir() + QStringLiteral("/binance/exchangeInfo.json"); }

    static BinanceSettings settingsFor(const binancetest::FakeExchange &ex, bool keys)
    {
        BinanceSettings s;
        s.restUrl = ex.restUrl();
        s.streamUrl = ex.streamUrl();
        s.wsApiUrl = ex.wsApiUrl();
        s.symbols = {kPepe};
        s.backfillMinutes = 10;
        s.socketOptions = nettest::fastOptions();
        if (keys) {
            s.apiKey = kKey;
            s.apiSecret = kSecret;
        }
        return s;
    }

    //! A venue with keys, started, its user stream subscribed and a price to trade at.
    static std::unique_ptr<BinanceVenue> liveVenue(binancetest::FakeExchange &ex, Recorder &rec)
    {
        ex.setPrice(kPepe, d("0.00001000"));
        const int users = ex.userSubscriptions;
        const int streams = ex.streamSubscriptions();
        auto venue = std::make_unique<BinanceVenue>(settingsFor(ex, true));
        venue->addMarketSink(&rec);
        venue->setExecutionSink(&rec);
        venue->startMarketData();
        if (!QTest::qWaitFor([&] { return ex.userSubscriptions > users && ex.streamSubscriptions() > streams; }, kWait))
            return nullptr;
        ex.setPrice(kPepe, d("0.00001000")); // a book for the router's reference price
        if (!QTest::qWaitFor([&] { return !rec.read(rec.books).isEmpty(); }, kWait))
            return nullptr;
        return venue;
    }

private Q_SLOTS:
    void startsWithRulesHistoryThenLiveData()
    {
        binancetest::FakeExchange ex(kKey, kSecret, exchangeInfoPath());
        const qint64 minute = (QDateTime::currentMSecsSinceEpoch() / 60000 - 5) * 60000;
        for (int i = 0; i < 4; ++i)
            ex.addBar(kPepe, bar(minute + i * 60000, "0.00001000"), false);
        BinanceSettings s = settingsFor(ex, false);
        s.symbols = {kPepe, QStringLiteral("WIFUSDT"), QStringLiteral("NOPEUSDT")};
        BinanceVenue venue(s);
        QVERIFY(venue.setupError().isEmpty());
        Recorder rec;
        venue.addMarketSink(&rec);
        venue.startMarketData();
        QTRY_COMPARE_WITH_TIMEOUT(rec.read(rec.connections), QList<bool>{true}, kWait);
        const auto instruments = rec.read(rec.instruments);
        QCOMPARE(instruments.size(), 2); // PEPE trades, WIF is halted (watched, orders refused), NOPE does not exist
        QCOMPARE(instruments.at(0).tickSize, d("0.00000001"));
        QVERIFY(rec.read(rec.marketErrors).contains(QStringLiteral("SYMBOL_UNKNOWN")));
        QVERIFY(rec.read(rec.marketErrors).contains(QStringLiteral("SYMBOL_NOT_TRADING")));
        QCOMPARE(rec.read(rec.history).size(), 4);
        QTRY_COMPARE_WITH_TIMEOUT(ex.streamSubscriptions(), 10, kWait); // PEPE and WIF, five streams each
        ex.setPrice(kPepe, d("0.00001100"));
        QTRY_VERIFY_WITH_TIMEOUT(!rec.read(rec.books).isEmpty() && !rec.read(rec.trades).isEmpty(), kWait);
        QCOMPARE(rec.read(rec.books).last().bestAsk(), d("0.00001101"));
        QCOMPARE(rec.read(rec.trades).last().price, d("0.00001100"));
        QTRY_VERIFY_WITH_TIMEOUT(!rec.read(rec.tickers).isEmpty(), kWait); // the 24 h mini ticker
        QCOMPARE(rec.read(rec.tickers).last().last, d("0.00001100"));
        // Connection health every 2 s: the stream, the last REST round trip and the weight Binance reported.
        QTRY_VERIFY_WITH_TIMEOUT(!rec.read(rec.health).isEmpty(), kWait);
        const engine::VenueHealth h = rec.read(rec.health).last();
        QCOMPARE(h.venue, QStringLiteral("binance"));
        QVERIFY(h.streamConnected);
        QVERIFY(h.restLatencyMs >= 0);
        QVERIFY(h.lastMessageAgeMs >= 0);
        QVERIFY2(h.weightUsed == 12 || h.weightUsed == 17, qPrintable(QString::number(h.weightUsed))); // the last answer's X-MBX-USED-WEIGHT-1M
        QCOMPARE(h.userStream, -1);  // no keys, no account stream
        // Without keys every order is refused and nothing is sent.
        venue.setExecutionSink(&rec);
        venue.submit(order(QStringLiteral("k1"), engine::Side::Buy, engine::OrderType::Market, "1000000"));
        QTRY_VERIFY_WITH_TIMEOUT(rec.lastStatusIs(QStringLiteral("k1"), engine::OrderStatus::Rejected), kWait);
        QVERIFY(rec.reportsOf(QStringLiteral("k1")).last().message.startsWith(QLatin1String("NO_API_KEY")));
        QCOMPARE(ex.orderPosts, 0);
    }

    void aGapAfterAStreamDropIsFilledOnceAndInOrder()
    {
        binancetest::FakeExchange ex(kKey, kSecret, exchangeInfoPath());
        const qint64 base = (QDateTime::currentMSecsSinceEpoch() / 60000 - 8) * 60000;
        ex.addBar(kPepe, bar(base, "0.00001000"), false);
        BinanceVenue venue(settingsFor(ex, false));
        Recorder rec;
        venue.addMarketSink(&rec);
        venue.startMarketData();
        QTRY_COMPARE_WITH_TIMEOUT(rec.read(rec.connections), QList<bool>{true}, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(ex.streamSubscriptions(), 5, kWait);
        ex.addBar(kPepe, bar(base + 60000, "0.00001010"), true); // live
        QTRY_COMPARE_WITH_TIMEOUT(rec.read(rec.candles).size(), 1, kWait);
        ex.streams().dropClients();
        QTRY_VERIFY_WITH_TIMEOUT(rec.read(rec.connections).size() >= 2, kWait);
        ex.addBar(kPepe, bar(base + 120000, "0.00001020"), false); // while down: only REST has them
        ex.addBar(kPepe, bar(base + 180000, "0.00001030"), false);
        QTRY_VERIFY_WITH_TIMEOUT(rec.read(rec.connections).size() >= 3 && rec.read(rec.connections).last(), kWait);
        QTRY_COMPARE_WITH_TIMEOUT(ex.streamSubscriptions(), 10, kWait); // both connections' subscriptions
        QTest::qWait(300); // the gap request is on its way
        ex.addBar(kPepe, bar(base + 240000, "0.00001040"), true);
        QTRY_COMPARE_WITH_TIMEOUT(rec.read(rec.candles).size(), 4, kWait);
        const auto candles = rec.read(rec.candles);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(candles.at(i).openTimeMs, base + (i + 1) * 60000);
        QTest::qWait(300);
        QCOMPARE(rec.read(rec.candles).size(), 4); // nothing twice
    }

    void streamsDroppedEveryFewFramesLoseNoBar()
    {
        binancetest::FakeExchange ex(kKey, kSecret, exchangeInfoPath());
        // No bar in the 10-minute history window: the window's start anchors the gap fill.
        const qint64 base = (QDateTime::currentMSecsSinceEpoch() / 60000 - 11) * 60000;
        ex.addBar(kPepe, bar(base - 3600'000, "0.00001000"), false);
        BinanceVenue venue(settingsFor(ex, false));
        Recorder rec;
        venue.addMarketSink(&rec);
        venue.startMarketData();
        QTRY_COMPARE_WITH_TIMEOUT(ex.streamSubscriptions(), 5, kWait);
        QVERIFY(rec.read(rec.history).isEmpty());
        ex.dropStreamsEvery = 4; // the connection dies after every 4th frame sent
        for (int i = 1; i <= 10; ++i) {
            ex.addBar(kPepe, bar(base + i * 60000, "0.00001000"), true);
            ex.setPrice(kPepe, d("0.00001000"));
            QTest::qWait(30);
        }
        // Every bar exactly once and in order: live ones, and the rest fetched after each reconnect.
        QTRY_COMPARE_WITH_TIMEOUT(rec.read(rec.candles).size(), 10, 30000);
        const auto candles = rec.read(rec.candles);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(candles.at(i).openTimeMs, base + (i + 1) * 60000);
        QVERIFY(ex.streams().handshakes() > 3);
    }

    void theLocalOrderBookFollowsDepthAndResyncsAfterAGap()
    {
        binancetest::FakeExchange ex(kKey, kSecret, exchangeInfoPath());
        ex.setPrice(kPepe, d("0.00001000"));
        BinanceVenue venue(settingsFor(ex, false));
        Recorder rec;
        venue.addMarketSink(&rec);
        venue.startMarketData();
        QTRY_COMPARE_WITH_TIMEOUT(ex.streamSubscriptions(), 5, kWait);
        QTRY_VERIFY_WITH_TIMEOUT(ex.depthSnapshots >= 1, kWait);
        const auto deepBook = [&rec](const char *bestBid) {
            const auto books = rec.read(rec.books);
            return !books.isEmpty() && books.last().bids.size() == 5 && books.last().asks.size() == 5
                   && books.last().bestBid() == d(bestBid);
        };
        ex.setPrice(kPepe, d("0.00001100")); // a diff on top of the snapshot
        QTRY_VERIFY_WITH_TIMEOUT(deepBook("0.00001099"), kWait);
        QCOMPARE(rec.read(rec.books).last().asks.at(4).price, d("0.00001105"));
        QCOMPARE(rec.read(rec.books).last().asks.at(4).qty, d("5000000"));
        // One diff lost on the way: the book notices the gap, fetches a new snapshot and goes on.
        const int snapshots = ex.depthSnapshots;
        ex.skipNextDepthUpdate = true;
        ex.setPrice(kPepe, d("0.00001200"));
        ex.setPrice(kPepe, d("0.00001300"));
        QTRY_VERIFY_WITH_TIMEOUT(ex.depthSnapshots > snapshots, kWait);
        QTRY_VERIFY_WITH_TIMEOUT(rec.read(rec.marketErrors).contains(QStringLiteral("DEPTH_GAP")), kWait);
        ex.setPrice(kPepe, d("0.00001400"));
        QTRY_VERIFY_WITH_TIMEOUT(deepBook("0.00001399"), kWait);
        // Never a book from the gap: every book published is a consistent five-level book.
        for (const engine::BookUpdate &b : rec.read(rec.books))
            QVERIFY(b.isValid());
    }

    void theWatchlistChangesWhileRunning()
    {
        binancetest::FakeExchange ex(kKey, kSecret, exchangeInfoPath());
        const qint64 minute = (QDateTime::currentMSecsSinceEpoch() / 60000 - 3) * 60000;
        ex.addBar(QStringLiteral("WIFUSDT"), bar(minute, "2.500"), false);
        BinanceVenue venue(settingsFor(ex, false));
        Recorder rec;
        venue.addMarketSink(&rec);
        venue.startMarketData();
        QTRY_COMPARE_WITH_TIMEOUT(ex.streamSubscriptions(), 5, kWait);
        // Add WIF: its instrument, its recent candles, and one SUBSCRIBE for its five streams.
        venue.setSymbols({kPepe, QStringLiteral("WIFUSDT")});
        QTRY_COMPARE_WITH_TIMEOUT(ex.streamSubscriptions(), 10, kWait);
        QTRY_VERIFY_WITH_TIMEOUT(rec.read(rec.instruments).size() == 2, kWait);
        QCOMPARE(rec.read(rec.instruments).last().symbol, QStringLiteral("WIFUSDT"));
        QTRY_VERIFY_WITH_TIMEOUT(!rec.read(rec.history).isEmpty() && rec.read(rec.history).last().symbol == QLatin1String("WIFUSDT"), kWait);
        // Drop PEPE: one UNSUBSCRIBE; its frames no longer reach the engine.
        venue.setSymbols({QStringLiteral("WIFUSDT")});
        QTRY_COMPARE_WITH_TIMEOUT(ex.streamSubscriptions(), 5, kWait);
        const qsizetype tradesBefore = rec.read(rec.trades).size();
        ex.setPrice(kPepe, d("0.00001000"));
        ex.setPrice(QStringLiteral("WIFUSDT"), d("2.600"));
        QTRY_VERIFY_WITH_TIMEOUT(rec.read(rec.trades).size() > tradesBefore, kWait);
        for (const engine::TradeTick &t : rec.read(rec.trades).mid(tradesBefore))
            QCOMPARE(t.symbol, QStringLiteral("WIFUSDT"));
    }

    void malformedAndTruncatedFramesChangeNothing()
    {
        binancetest::FakeExchange ex(kKey, kSecret, exchangeInfoPath());
        BinanceVenue venue(settingsFor(ex, false));
        Recorder rec;
        venue.addMarketSink(&rec);
        venue.startMarketData();
        QTRY_COMPARE_WITH_TIMEOUT(ex.streamSubscriptions(), 5, kWait);
        for (const QByteArray &bad : {QByteArray("{\"stream\":\"pepeusdt@trade\",\"data\":{\"e\":\"trade\",\"s\":\"PEPEUSDT\",\"p\":\"1e999\"}}"),
                                      QByteArray("{\"stream\":\"pepeusdt@bookTicker\",\"data\":{\"s\":\"PEPEUSDT\",\"b\":"),
                                      QByteArray("not json at all"), QByteArray("{\"stream\":\"pepeusdt@trade\",\"data\":[1,2]}")})
            ex.streams().sendText(bad);
        QTRY_VERIFY_WITH_TIMEOUT(rec.read(rec.marketErrors).count(QStringLiteral("MALFORMED_FRAME")) >= 3, kWait);
        QVERIFY(rec.read(rec.trades).isEmpty());
        QVERIFY(rec.read(rec.books).isEmpty());
        ex.setPrice(kPepe, d("0.00001000")); // and the stream goes on
        QTRY_VERIFY_WITH_TIMEOUT(!rec.read(rec.books).isEmpty(), kWait);
    }

    void anOrdersWholeLifeArrivesOnceEach()
    {
        binancetest::FakeExchange ex(kKey, kSecret, exchangeInfoPath());
        Recorder rec;
        auto venue = liveVenue(ex, rec);
        QVERIFY(venue);
        // MARKET: the FULL answer and the user stream both carry the trade; it is booked once.
        venue->submit(order(QStringLiteral("m1"), engine::Side::Buy, engine::OrderType::Market, "1000000"));
        QTRY_VERIFY_WITH_TIMEOUT(rec.lastStatusIs(QStringLiteral("m1"), engine::OrderStatus::Filled), kWait);
        QTest::qWait(300);
        QCOMPARE(rec.fillsOf(QStringLiteral("m1")).size(), 1);
        QCOMPARE(rec.fillsOf(QStringLiteral("m1")).first().fee, d("0.01")); // 0.1 % of 10 USDT, in USDT
        QCOMPARE(ex.free.value(QStringLiteral("PEPE")), d("1000000"));
        // LIMIT resting, then filled in two trades as the price crosses it.
        ex.limitFillParts = 2;
        venue->submit(order(QStringLiteral("l1"), engine::Side::Sell, engine::OrderType::Limit, "1000000", "0.00001200"));
        QTRY_VERIFY_WITH_TIMEOUT(rec.lastStatusIs(QStringLiteral("l1"), engine::OrderStatus::Accepted), kWait);
        ex.setPrice(kPepe, d("0.00001250"));
        QTRY_VERIFY_WITH_TIMEOUT(rec.lastStatusIs(QStringLiteral("l1"), engine::OrderStatus::Filled), kWait);
        QCOMPARE(rec.fillsOf(QStringLiteral("l1")).size(), 2);
        QVERIFY(!rec.reportsOf(QStringLiteral("l1")).isEmpty());
        bool sawPartial = false;
        for (const auto &r : rec.reportsOf(QStringLiteral("l1")))
            sawPartial = sawPartial || r.status == engine::OrderStatus::PartiallyFilled;
        QVERIFY(sawPartial);
        // Cancel, then a trade the exchange matched before the cancel took effect.
        venue->submit(order(QStringLiteral("c1"), engine::Side::Buy, engine::OrderType::Limit, "1000000", "0.00001000"));
        QTRY_VERIFY_WITH_TIMEOUT(rec.lastStatusIs(QStringLiteral("c1"), engine::OrderStatus::Accepted), kWait);
        venue->cancel(QStringLiteral("c1"), kPepe);
        QTRY_VERIFY_WITH_TIMEOUT(rec.lastStatusIs(QStringLiteral("c1"), engine::OrderStatus::Cancelled), kWait);
        ex.trade(QStringLiteral("c1"), d("400000"), d("0.00001000"));
        QTRY_COMPARE_WITH_TIMEOUT(rec.fillsOf(QStringLiteral("c1")).size(), 1, kWait);
        QCOMPARE(rec.fillsOf(QStringLiteral("c1")).first().qty, d("400000"));
        // Balances follow the account's own updates.
        QTRY_VERIFY_WITH_TIMEOUT(!rec.read(rec.balances).isEmpty(), kWait);
        QCOMPARE(ex.orders.size(), 3);
        QCOMPARE(ex.wsOrderPosts, 3); // over the open WebSocket API connection, not a new HTTP exchange
        QCOMPARE(ex.trades.size(), 4);
        QCOMPARE(rec.read(rec.fills).size(), 4);
    }

    void aMarketOrderByAmountIsSentAsQuoteOrderQty()
    {
        binancetest::FakeExchange ex(kKey, kSecret, exchangeInfoPath());
        Recorder rec;
        auto venue = liveVenue(ex, rec);
        QVERIFY(venue);
        // 12.345678901 USDT: down to USDT's 8 decimals, and Binance sizes it at 0.00001 (step 1).
        engine::OrderRequest buy = order(QStringLiteral("q1"), engine::Side::Buy, engine::OrderType::Market, "0");
        buy.quoteQty = d("12.345678901");
        venue->submit(buy);
        QTRY_VERIFY_WITH_TIMEOUT(rec.lastStatusIs(QStringLiteral("q1"), engine::OrderStatus::Filled), kWait);
        const binancetest::FakeOrder placed = ex.orders.value(QStringLiteral("q1"));
        QCOMPARE(placed.origQuoteQty, d("12.3456789"));
        QCOMPARE(placed.origQty, d("1234567"));
        QCOMPARE(rec.reportsOf(QStringLiteral("q1")).last().filledQty, d("1234567"));
        QTest::qWait(300);
        QCOMPARE(rec.fillsOf(QStringLiteral("q1")).size(), 1);
        QCOMPARE(rec.fillsOf(QStringLiteral("q1")).first().qty, d("1234567"));
        // Selling for an amount over REST works the same way.
        ex.wsApi().setAnswerHandshake(false);
        ex.wsApi().dropClients();
        QTRY_VERIFY_WITH_TIMEOUT(rec.read(rec.executionErrors).contains(QStringLiteral("USER_STREAM_DOWN")), kWait);
        engine::OrderRequest sell = order(QStringLiteral("q2"), engine::Side::Sell, engine::OrderType::Market, "0");
        sell.quoteQty = d("6");
        venue->submit(sell);
        QTRY_VERIFY_WITH_TIMEOUT(rec.lastStatusIs(QStringLiteral("q2"), engine::OrderStatus::Filled), kWait);
        QCOMPARE(ex.orders.value(QStringLiteral("q2")).origQty, d("600000"));
        QCOMPARE(ex.wsOrderPosts, 1);
        QCOMPARE(ex.orderPosts, 2);
        // An amount on a LIMIT order is refused before anything is sent.
        engine::OrderRequest limit = order(QStringLiteral("q3"), engine::Side::Buy, engine::OrderType::Limit, "0", "0.00001");
        limit.quoteQty = d("10");
        venue->submit(limit);
        QTRY_VERIFY_WITH_TIMEOUT(rec.lastStatusIs(QStringLiteral("q3"), engine::OrderStatus::Rejected), kWait);
        QCOMPARE(ex.orderPosts, 2);
    }

    void aFeePaidInBnbIsValuedAtBnbsPrice()
    {
        binancetest::FakeExchange ex(kKey, kSecret, exchangeInfoPath());
        ex.payFeesInBnb = true;
        ex.setPrice(QStringLiteral("BNBUSDT"), d("600"));
        ex.free.insert(QStringLiteral("BNB"), d("1"));
        Recorder rec;
        auto venue = liveVenue(ex, rec);
        QVERIFY(venue);
        venue->submit(order(QStringLiteral("b1"), engine::Side::Buy, engine::OrderType::Market, "1000000"));
        QTRY_COMPARE_WITH_TIMEOUT(rec.fillsOf(QStringLiteral("b1")).size(), 1, kWait);
        const engine::Fill f = rec.fillsOf(QStringLiteral("b1")).first();
        QCOMPARE(f.feeAsset, QStringLiteral("BNB"));
        QCOMPARE(f.fee, d("0.0000125"));   // 10 USDT x 0.1 % x 0.75, at 600 USDT per BNB
        QCOMPARE(f.feeValue, d("0.0075")); // what it cost, in USDT
        QVERIFY(f.feeInOtherAsset());
        QCOMPARE(ex.tickerRequests, 1);
        // The price is kept for a minute: the next fee does not ask again.
        venue->submit(order(QStringLiteral("b2"), engine::Side::Sell, engine::OrderType::Market, "500000"));
        QTRY_COMPARE_WITH_TIMEOUT(rec.fillsOf(QStringLiteral("b2")).size(), 1, kWait);
        QCOMPARE(rec.fillsOf(QStringLiteral("b2")).first().feeValue, d("0.00375"));
        QCOMPARE(ex.tickerRequests, 1);
        QVERIFY(!rec.read(rec.executionErrors).contains(QStringLiteral("FEE_OTHER_ASSET")));
    }

    void anAcceptedOrderAnswered503ExistsExactlyOnce()
    {
        binancetest::FakeExchange ex(kKey, kSecret, exchangeInfoPath());
        Recorder rec;
        auto venue = liveVenue(ex, rec);
        QVERIFY(venue);
        ex.acceptNextOrderThen503 = true;
        venue->submit(order(QStringLiteral("u1"), engine::Side::Buy, engine::OrderType::Market, "1000000"));
        QTRY_VERIFY_WITH_TIMEOUT(rec.read(rec.executionErrors).contains(QStringLiteral("ORDER_OUTCOME_UNKNOWN")), kWait);
        // The engine asks (here: the test, as the engine's ack timeout would); it never re-sends.
        venue->query(QStringLiteral("u1"), kPepe);
        QTRY_VERIFY_WITH_TIMEOUT(rec.lastStatusIs(QStringLiteral("u1"), engine::OrderStatus::Filled), kWait);
        QTest::qWait(300);
        QCOMPARE(ex.orderPosts, 1);
        QCOMPARE(ex.orders.size(), 1);
        QCOMPARE(rec.fillsOf(QStringLiteral("u1")).size(), 1); // user stream and myTrades: the same trade once
    }

    void withoutTheWebSocketApiOrdersGoOverRest()
    {
        binancetest::FakeExchange ex(kKey, kSecret, exchangeInfoPath());
        Recorder rec;
        auto venue = liveVenue(ex, rec);
        QVERIFY(venue);
        ex.wsApi().setAnswerHandshake(false); // it cannot come back for now
        ex.wsApi().dropClients();
        QTRY_VERIFY_WITH_TIMEOUT(rec.read(rec.executionErrors).contains(QStringLiteral("USER_STREAM_DOWN")), kWait);
        venue->submit(order(QStringLiteral("r1"), engine::Side::Buy, engine::OrderType::Market, "1000000"));
        QTRY_VERIFY_WITH_TIMEOUT(rec.lastStatusIs(QStringLiteral("r1"), engine::OrderStatus::Filled), kWait);
        QCOMPARE(ex.wsOrderPosts, 0);
        QCOMPARE(ex.orderPosts, 1);
        QCOMPARE(rec.fillsOf(QStringLiteral("r1")).size(), 1); // from the FULL answer, the stream being down
    }

    void aSymbolHaltedWhileRunningRefusesOrdersUntilItTradesAgain()
    {
        binancetest::FakeExchange ex(kKey, kSecret, exchangeInfoPath());
        Recorder rec;
        ex.setPrice(kPepe, d("0.00001000"));
        BinanceSettings s = settingsFor(ex, true);
        s.rulesRefreshMs = 300;
        auto venue = std::make_unique<BinanceVenue>(s);
        venue->addMarketSink(&rec);
        venue->setExecutionSink(&rec);
        venue->startMarketData();
        QTRY_VERIFY_WITH_TIMEOUT(ex.userSubscriptions > 0 && ex.streamSubscriptions() >= 5, kWait);
        ex.statusOverride.insert(kPepe, QStringLiteral("BREAK"));
        QTRY_VERIFY_WITH_TIMEOUT(rec.read(rec.marketErrors).contains(QStringLiteral("SYMBOL_STATUS_CHANGED")), kWait);
        venue->submit(order(QStringLiteral("h1"), engine::Side::Buy, engine::OrderType::Limit, "1000000", "0.00000900"));
        QTRY_VERIFY_WITH_TIMEOUT(rec.lastStatusIs(QStringLiteral("h1"), engine::OrderStatus::Rejected), kWait);
        QVERIFY(rec.reportsOf(QStringLiteral("h1")).last().message.startsWith(QLatin1String("SYMBOL_NOT_TRADING")));
        QCOMPARE(ex.orderPosts, 0);
        ex.statusOverride.insert(kPepe, QStringLiteral("TRADING"));
        QTRY_VERIFY_WITH_TIMEOUT(rec.read(rec.marketErrors).count(QStringLiteral("SYMBOL_STATUS_CHANGED")) >= 2, kWait);
        venue->submit(order(QStringLiteral("h2"), engine::Side::Buy, engine::OrderType::Limit, "1000000", "0.00000900"));
        QTRY_VERIFY_WITH_TIMEOUT(rec.lastStatusIs(QStringLiteral("h2"), engine::OrderStatus::Accepted), kWait);
    }

    void aFilterViolationIsRefusedBeforeAnythingIsSent()
    {
        binancetest::FakeExchange ex(kKey, kSecret, exchangeInfoPath());
        Recorder rec;
        auto venue = liveVenue(ex, rec);
        QVERIFY(venue);
        venue->submit(order(QStringLiteral("f1"), engine::Side::Buy, engine::OrderType::Limit, "1000", "0.00001000")); // 0.01 USDT < 5
        QTRY_VERIFY_WITH_TIMEOUT(rec.lastStatusIs(QStringLiteral("f1"), engine::OrderStatus::Rejected), kWait);
        QVERIFY2(rec.reportsOf(QStringLiteral("f1")).last().message.startsWith(QLatin1String("FILTER_NOTIONAL")),
                 qPrintable(rec.reportsOf(QStringLiteral("f1")).last().message));
        QCOMPARE(ex.orderPosts, 0);
    }

    void aRestartFindsFillsMadeWhileAway()
    {
        binancetest::FakeExchange ex(kKey, kSecret, exchangeInfoPath());
        {
            Recorder rec;
            auto venue = liveVenue(ex, rec);
            QVERIFY(venue);
            venue->submit(order(QStringLiteral("r1"), engine::Side::Buy, engine::OrderType::Limit, "1000000", "0.00000900"));
            QTRY_VERIFY_WITH_TIMEOUT(rec.lastStatusIs(QStringLiteral("r1"), engine::OrderStatus::Accepted), kWait);
        } // the app is gone
        ex.limitFillParts = 2;
        ex.setPrice(kPepe, d("0.00000850")); // filled in two trades while nobody listened
        QCOMPARE(ex.orders.value(QStringLiteral("r1")).status, QStringLiteral("FILLED"));
        Recorder rec;
        auto venue = liveVenue(ex, rec);
        QVERIFY(venue);
        venue->query(QStringLiteral("r1"), kPepe); // what the engine does for each open order at start
        QTRY_VERIFY_WITH_TIMEOUT(rec.lastStatusIs(QStringLiteral("r1"), engine::OrderStatus::Filled), kWait);
        const auto fills = rec.fillsOf(QStringLiteral("r1"));
        QCOMPARE(fills.size(), 2);
        QCOMPARE(fills.at(0).qty + fills.at(1).qty, d("1000000"));
        QCOMPARE(fills.at(0).price, d("0.00000900"));
    }

    void aRateLimitStormIsWaitedOutAndNeverBanned()
    {
        binancetest::FakeExchange ex(kKey, kSecret, exchangeInfoPath());
        Recorder rec;
        auto venue = liveVenue(ex, rec);
        QVERIFY(venue);
        ex.answer429ForNext = 3;
        for (int i = 0; i < 5; ++i)
            venue->requestBalances();
        QTRY_COMPARE_WITH_TIMEOUT(rec.read(rec.balances).size() >= 5, true, 30000);
        QCOMPARE(ex.answered429, 3);
        QCOMPARE(ex.answered418, 0);
    }

    void aClockThreeSecondsOffIsCorrected()
    {
        binancetest::FakeExchange ex(kKey, kSecret, exchangeInfoPath());
        ex.skewMs = 3000;
        Recorder rec;
        auto venue = liveVenue(ex, rec); // the user stream's signature must already use the synced clock
        QVERIFY(venue);
        venue->submit(order(QStringLiteral("t1"), engine::Side::Buy, engine::OrderType::Market, "1000000"));
        QTRY_VERIFY_WITH_TIMEOUT(rec.lastStatusIs(QStringLiteral("t1"), engine::OrderStatus::Filled), kWait);
        QVERIFY(!ex.errorsSent.contains(QStringLiteral("-1021")));
    }
};

QTEST_GUILESS_MAIN(TestBinanceVenue)
#include "test_binancevenue.moc"
