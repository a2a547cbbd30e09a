// The paper venue: fills against the book, fees, balances, rejections, idempotency,
// queries, cancels and exact tiny-price arithmetic. Expected values are hand-computed.
#include "adapters/paper/paperexecutionclient.h"

#include <QtTest>

#include <mutex>
#include <thread>
#include <utility>

using adapters::paper::PaperConfig;
using adapters::paper::PaperExecutionClient;
using engine::BookLevel;
using engine::BookUpdate;
using engine::Decimal;
using engine::ExecutionReport;
using engine::Fill;
using engine::OrderRequest;
using engine::OrderStatus;
using engine::OrderType;
using engine::Side;

namespace engine {
// Lets QCOMPARE print Decimals on failure (found by argument-dependent lookup).
char *toString(const Decimal &d) { return qstrdup(d.toString().toUtf8().constData()); }
} // namespace engine

namespace {

Decimal D(const char *text) { return Decimal::fromString(text); }
QString st(OrderStatus s) { return engine::toString(s); }

class RecordingSink : public engine::ExecutionSink {
public:
    void onExecutionReport(const ExecutionReport &r) override { std::lock_guard l(m_mutex); reports.append(r); }
    void onFill(const Fill &f) override { std::lock_guard l(m_mutex); fills.append(f); }
    void onBalances(const QHash<QString, Decimal> &b) override { std::lock_guard l(m_mutex); balances.append(b); }
    void onExecutionError(const engine::AdapterError &e) override { std::lock_guard l(m_mutex); errors.append(e); }

    QList<ExecutionReport> reportsFor(const QString &id) const
    {
        QList<ExecutionReport> out;
        for (const auto &r : reports)
            if (r.clientId == id)
                out.append(r);
        return out;
    }
    QList<Fill> fillsFor(const QString &id) const
    {
        QList<Fill> out;
        for (const auto &f : fills)
            if (f.clientId == id)
                out.append(f);
        return out;
    }
    QHash<QString, Decimal> lastBalances() const { return balances.isEmpty() ? QHash<QString, Decimal>() : balances.last(); }

    QList<ExecutionReport> reports;
    QList<Fill> fills;
    QList<QHash<QString, Decimal>> balances;
    QList<engine::AdapterError> errors;

private:
    std::mutex m_mutex;
};

engine::Instrument instrument(const QString &base, const char *tick, const char *step, const char *minNotional)
{
    return {base + QStringLiteral("USDT"), base, QStringLiteral("USDT"), D(tick), D(step), D(minNotional)};
}

QList<BookLevel> levels(std::initializer_list<std::pair<const char *, const char *>> l)
{
    QList<BookLevel> out;
    for (const auto &[p, q] : l)
        out.append({D(p), D(q)});
    return out;
}

BookUpdate book(const QString &symbol, QList<BookLevel> bids, QList<BookLevel> asks)
{
    BookUpdate b;
    b.symbol = symbol;
    b.bids = std::move(bids);
    b.asks = std::move(asks);
    return b;
}

OrderRequest market(const QString &id, Side side, const char *qty, const QString &symbol = QStringLiteral("MEMEUSDT"))
{
    OrderRequest r;
    r.clientId = id;
    r.symbol = symbol;
    r.side = side;
    r.type = OrderType::Market;
    r.qty = D(qty);
    return r;
}

OrderRequest limit(const QString &id, Side side, const char *qty, const char *price,
                   const QString &symbol = QStringLiteral("MEMEUSDT"))
{
    OrderRequest r = market(id, side, qty, symbol);
    r.type = OrderType::Limit;
    r.limitPrice = D(price);
    return r;
}

PaperConfig baseConfig()
{
    PaperConfig c;
    c.initialBalances.insert(QStringLiteral("USDT"), D("10000"));
    c.idTag = QStringLiteral("T");
    return c;
}

//! A paper venue with MEMEUSDT (tick 0.0001, step 0.1, min notional 5) and
//! TINYUSDT (tick 1e-8, step 1, min notional 1), reporting to a recording sink.
struct Venue {
    explicit Venue(const PaperConfig &config = baseConfig()) : client(config)
    {
        client.setExecutionSink(&sink);
        client.onInstruments({instrument(QStringLiteral("MEME"), "0.0001", "0.1", "5"),
                              instrument(QStringLiteral("TINY"), "0.00000001", "1", "1")});
    }
    Decimal balance(const char *asset) const { return sink.lastBalances().value(QString::fromLatin1(asset)); }

    RecordingSink sink;
    PaperExecutionClient client;
};

const QString kMeme = QStringLiteral("MEMEUSDT");
const QString kTiny = QStringLiteral("TINYUSDT");

} // namespace

class TestPaperExecution : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void marketBuyWalksLevels();
    void partialFillCompletesOnLaterBook();
    void marketRemainderExpires();
    void marketWaitsForFirstBook();
    void limitRestsThenFillsAsMaker();
    void rejections();
    void idempotentResubmit();
    void queryKnownAndUnknown();
    void cancelWorkingAndTerminal();
    void roundTripBalances();
    void tinyPricesStayExact();
    void restoreBalances();
    void badMarketData();
    void concurrentBooksAndOrders();
    void sinkMayCallBack();
};

void TestPaperExecution::marketBuyWalksLevels()
{
    Venue v;
    v.client.onBook(book(kMeme, levels({{"0.999", "100"}}), levels({{"1.0000", "100"}, {"1.0010", "200"}, {"1.0020", "300"}})));
    v.client.submit(market(QStringLiteral("c1"), Side::Buy, "450"));

    const auto reports = v.sink.reportsFor(QStringLiteral("c1"));
    QCOMPARE(reports.size(), 2);
    QCOMPARE(st(reports[0].status), st(OrderStatus::Accepted));
    QVERIFY(!reports[0].venueOrderId.isEmpty());
    QCOMPARE(st(reports[1].status), st(OrderStatus::Filled));
    QCOMPARE(reports[1].filledQty, D("450"));
    QCOMPARE(reports[1].venueOrderId, reports[0].venueOrderId);

    // Each level's price x (1 + 5 bps); fee 0.1 % of each notional, in USDT.
    const auto fills = v.sink.fillsFor(QStringLiteral("c1"));
    QCOMPARE(fills.size(), 3);
    const char *prices[] = {"1.0005", "1.0015005", "1.002501"};
    const char *qtys[] = {"100", "200", "150"};
    const char *fees[] = {"0.10005", "0.2003001", "0.15037515"};
    Decimal notional;
    QSet<QString> ids;
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(fills[i].price, D(prices[i]));
        QCOMPARE(fills[i].qty, D(qtys[i]));
        QCOMPARE(fills[i].fee, D(fees[i]));
        QCOMPARE(fills[i].feeAsset, QStringLiteral("USDT"));
        QVERIFY(!fills[i].isMaker);
        QVERIFY(fills[i].side == Side::Buy);
        ids.insert(fills[i].fillId);
        notional += fills[i].price * fills[i].qty;
    }
    QCOMPARE(ids.size(), 3);
    QCOMPARE(notional, D("450.72525"));
    QCOMPARE(notional / D("450"), D("1.001611666666666667")); // VWAP, half-even at 1e-18

    // 10000 - 450.72525 - 0.45072525
    QCOMPARE(v.balance("USDT"), D("9548.82402475"));
    QCOMPARE(v.balance("MEME"), D("450"));

    // The liquidity taken is gone until the next book: 150 left at 1.0020.
    v.client.submit(market(QStringLiteral("c2"), Side::Buy, "200"));
    const auto r2 = v.sink.reportsFor(QStringLiteral("c2"));
    QCOMPARE(r2.size(), 2);
    QCOMPARE(st(r2[1].status), st(OrderStatus::PartiallyFilled));
    QCOMPARE(r2[1].filledQty, D("150"));
    QVERIFY(!ids.contains(v.sink.fillsFor(QStringLiteral("c2")).first().fillId));
}

void TestPaperExecution::partialFillCompletesOnLaterBook()
{
    Venue v;
    v.client.onBook(book(kMeme, {}, levels({{"1.0000", "100"}, {"1.0010", "100"}})));
    v.client.submit(market(QStringLiteral("c1"), Side::Buy, "300"));
    auto reports = v.sink.reportsFor(QStringLiteral("c1"));
    QCOMPARE(reports.size(), 2);
    QCOMPARE(st(reports[1].status), st(OrderStatus::PartiallyFilled));
    QCOMPARE(reports[1].filledQty, D("200"));
    QCOMPARE(v.balance("MEME"), D("200"));

    v.client.onBook(book(kMeme, {}, levels({{"1.0020", "500"}})));
    reports = v.sink.reportsFor(QStringLiteral("c1"));
    QCOMPARE(reports.size(), 3);
    QCOMPARE(st(reports[2].status), st(OrderStatus::Filled));
    QCOMPARE(reports[2].filledQty, D("300"));
    const auto fills = v.sink.fillsFor(QStringLiteral("c1"));
    QCOMPARE(fills.size(), 3);
    QCOMPARE(fills[2].price, D("1.002501"));
    QCOMPARE(fills[2].qty, D("100"));
    // notional 100.05 + 100.15005 + 100.2501 = 300.45015, fee 0.30045015
    QCOMPARE(v.balance("USDT"), D("9699.24939985"));
    QCOMPARE(v.balance("MEME"), D("300"));

    // Filled is terminal: later books change nothing.
    v.client.onBook(book(kMeme, {}, levels({{"1.0020", "500"}})));
    QCOMPARE(v.sink.reportsFor(QStringLiteral("c1")).size(), 3);
}

void TestPaperExecution::marketRemainderExpires()
{
    Venue v; // default expiry: 20 book updates
    v.client.onBook(book(kMeme, levels({{"0.99", "10"}}), levels({{"1.0000", "10"}})));
    v.client.submit(market(QStringLiteral("c1"), Side::Buy, "1000"));
    QCOMPARE(v.sink.reportsFor(QStringLiteral("c1")).last().filledQty, D("10"));

    const BookUpdate noAsks = book(kMeme, levels({{"0.99", "10"}}), {});
    for (int i = 0; i < 19; ++i)
        v.client.onBook(noAsks);
    QCOMPARE(st(v.sink.reportsFor(QStringLiteral("c1")).last().status), st(OrderStatus::PartiallyFilled));

    v.client.onBook(noAsks);
    const auto last = v.sink.reportsFor(QStringLiteral("c1")).last();
    QCOMPARE(st(last.status), st(OrderStatus::Expired));
    QCOMPARE(last.filledQty, D("10"));
    QVERIFY2(last.message.contains(QStringLiteral("20 book updates")), qPrintable(last.message));
    QVERIFY2(last.message.contains(QStringLiteral("990 of 1000 unfilled")), qPrintable(last.message));

    const qsizetype count = v.sink.reports.size();
    v.client.onBook(book(kMeme, {}, levels({{"1.0000", "5000"}})));
    QCOMPARE(v.sink.reports.size(), count);
    QCOMPARE(v.balance("MEME"), D("10"));
}

void TestPaperExecution::marketWaitsForFirstBook()
{
    PaperConfig config = baseConfig();
    config.marketExpiryBooks = 3;
    Venue v(config);
    v.client.submit(market(QStringLiteral("c1"), Side::Buy, "100"));
    auto reports = v.sink.reportsFor(QStringLiteral("c1"));
    QCOMPARE(reports.size(), 1);
    QCOMPARE(st(reports[0].status), st(OrderStatus::Accepted));
    QVERIFY(reports[0].message.contains(QStringLiteral("first book")));
    QVERIFY(v.sink.fills.isEmpty());

    v.client.onBook(book(kMeme, {}, levels({{"2.0000", "1000"}})));
    reports = v.sink.reportsFor(QStringLiteral("c1"));
    QCOMPARE(st(reports.last().status), st(OrderStatus::Filled));
    QCOMPARE(v.sink.fillsFor(QStringLiteral("c1")).first().price, D("2.001"));

    // Below the minimum notional at the first price (1 x 0.5 < 1): expired, nothing filled.
    v.client.submit(market(QStringLiteral("c2"), Side::Buy, "1", kTiny));
    v.client.onBook(book(kTiny, {}, levels({{"0.5", "100"}})));
    auto r2 = v.sink.reportsFor(QStringLiteral("c2"));
    QCOMPARE(st(r2.last().status), st(OrderStatus::Expired));
    QVERIFY2(r2.last().message.contains(QStringLiteral("below the minimum")), qPrintable(r2.last().message));

    // A book that never shows asks: expired after the configured number of updates.
    v.client.onBook(book(kTiny, levels({{"0.4", "100"}}), {}));
    v.client.submit(market(QStringLiteral("c3"), Side::Buy, "1000", kTiny));
    for (int i = 0; i < 3; ++i)
        v.client.onBook(book(kTiny, levels({{"0.4", "100"}}), {}));
    const auto r3 = v.sink.reportsFor(QStringLiteral("c3"));
    QCOMPARE(st(r3.last().status), st(OrderStatus::Expired));
    QCOMPARE(r3.last().filledQty, Decimal());
    QVERIFY(v.sink.fillsFor(QStringLiteral("c3")).isEmpty());
}

void TestPaperExecution::limitRestsThenFillsAsMaker()
{
    PaperConfig config = baseConfig();
    config.makerFee = D("0.0005");
    Venue v(config);
    v.client.onBook(book(kMeme, levels({{"0.9900", "1000"}}), levels({{"1.0100", "1000"}})));
    v.client.submit(limit(QStringLiteral("c1"), Side::Buy, "100", "1.00005")); // tick 0.0001: buy rounds down to 1.0000
    QCOMPARE(v.sink.reportsFor(QStringLiteral("c1")).size(), 1);
    QVERIFY(v.sink.fills.isEmpty());
    // Held back: 100 x 1.0000 x (1 + larger fee 0.001)
    QCOMPARE(v.balance("USDT"), D("9899.9"));

    // Asks at 0.9990 and 0.9995 cross the limit; 1.0005 does not. A resting order trades at its price.
    v.client.onBook(book(kMeme, levels({{"0.9980", "100"}}), levels({{"0.9990", "60"}, {"0.9995", "100"}, {"1.0005", "500"}})));
    const auto fills = v.sink.fillsFor(QStringLiteral("c1"));
    QCOMPARE(fills.size(), 2);
    QCOMPARE(fills[0].qty, D("60"));
    QCOMPARE(fills[1].qty, D("40"));
    for (const Fill &f : fills) {
        QVERIFY(f.isMaker);
        QCOMPARE(f.price, D("1.0000"));
    }
    QCOMPARE(fills[0].fee, D("0.03"));
    QCOMPARE(fills[1].fee, D("0.02"));
    const auto reports = v.sink.reportsFor(QStringLiteral("c1"));
    QCOMPARE(st(reports.last().status), st(OrderStatus::Filled));
    QCOMPARE(reports.last().filledQty, D("100"));
    QCOMPARE(v.balance("USDT"), D("9899.95")); // reserve released, paid 100 + 0.05
    QCOMPARE(v.balance("MEME"), D("100"));

    // A limit sell that crosses on arrival takes at the level price (better than its limit), as taker.
    v.client.submit(limit(QStringLiteral("c2"), Side::Sell, "50", "0.9900"));
    const auto sells = v.sink.fillsFor(QStringLiteral("c2"));
    QCOMPARE(sells.size(), 1);
    QVERIFY(!sells[0].isMaker);
    QCOMPARE(sells[0].price, D("0.9980"));
    QCOMPARE(sells[0].fee, D("0.0499"));
    QCOMPARE(v.balance("USDT"), D("9949.8001"));
    QCOMPARE(v.balance("MEME"), D("50"));
}

void TestPaperExecution::rejections()
{
    Venue v;
    v.client.onBook(book(kMeme, levels({{"0.9990", "100"}}), levels({{"1.0000", "100"}})));

    struct Case {
        OrderRequest request;
        QString message;
    };
    OrderRequest noId = limit(QString(), Side::Buy, "10", "1");
    const QList<Case> cases = {
        {limit(QStringLiteral("r1"), Side::Buy, "20000", "1"), QStringLiteral("insufficient balance: need 20020 USDT, have 10000")},
        {limit(QStringLiteral("r2"), Side::Sell, "10", "1"), QStringLiteral("insufficient balance: need 10 MEME, have 0")},
        // estimate: 100 at 1.0005, the rest at the worst displayed price; x 1.001
        {market(QStringLiteral("r3"), Side::Buy, "20000"), QStringLiteral("insufficient balance: need 20030.01 USDT, have 10000")},
        {limit(QStringLiteral("r4"), Side::Buy, "4", "1"), QStringLiteral("notional 4 USDT is below the minimum 5 USDT for MEMEUSDT")},
        {market(QStringLiteral("r5"), Side::Buy, "4"), QStringLiteral("notional 4 USDT is below the minimum 5 USDT for MEMEUSDT")},
        {limit(QStringLiteral("r6"), Side::Buy, "0.05", "1"), QStringLiteral("quantity 0.05 rounds to zero at step size 0.1")},
        {market(QStringLiteral("r7"), Side::Buy, "10", QStringLiteral("NOPEUSDT")), QStringLiteral("unknown symbol 'NOPEUSDT'")},
        {limit(QStringLiteral("r8"), Side::Buy, "10", "0"), QStringLiteral("limit price must be positive, got 0")},
        {limit(QStringLiteral("r9"), Side::Buy, "10", "0.00001"), QStringLiteral("limit price 0.00001 rounds to zero at tick size 0.0001")},
        {market(QStringLiteral("r10"), Side::Buy, "-3"), QStringLiteral("quantity must be positive, got -3")},
        {noId, QStringLiteral("missing client order id")},
    };
    for (const Case &c : cases) {
        v.sink.reports.clear();
        v.client.submit(c.request);
        QCOMPARE(v.sink.reports.size(), 1);
        QCOMPARE(v.sink.reports[0].clientId, c.request.clientId);
        QCOMPARE(st(v.sink.reports[0].status), st(OrderStatus::Rejected));
        QCOMPARE(v.sink.reports[0].message, c.message);
    }
    QVERIFY(v.sink.fills.isEmpty());
    QVERIFY(v.sink.balances.isEmpty()); // nothing moved
    v.client.requestBalances();
    QCOMPARE(v.balance("USDT"), D("10000"));
}

void TestPaperExecution::idempotentResubmit()
{
    Venue v;
    v.client.onBook(book(kMeme, {}, levels({{"1.0000", "1000"}})));
    v.client.submit(market(QStringLiteral("c1"), Side::Buy, "100"));
    const QString venueId = v.sink.reportsFor(QStringLiteral("c1")).first().venueOrderId;
    const Decimal usdt = v.balance("USDT");
    const qsizetype fills = v.sink.fills.size();

    v.sink.reports.clear();
    v.client.submit(market(QStringLiteral("c1"), Side::Buy, "500")); // a retry, even with other fields
    QCOMPARE(v.sink.reports.size(), 1);
    QCOMPARE(st(v.sink.reports[0].status), st(OrderStatus::Filled));
    QCOMPARE(v.sink.reports[0].filledQty, D("100"));
    QCOMPARE(v.sink.reports[0].venueOrderId, venueId);
    QCOMPARE(v.sink.fills.size(), fills);
    QCOMPARE(v.balance("USDT"), usdt);

    // A resting order answers with its working status and is not duplicated.
    v.client.submit(limit(QStringLiteral("c2"), Side::Buy, "10", "0.5"));
    v.sink.reports.clear();
    v.client.submit(limit(QStringLiteral("c2"), Side::Buy, "10", "0.5"));
    QCOMPARE(v.sink.reports.size(), 1);
    QCOMPARE(st(v.sink.reports[0].status), st(OrderStatus::Accepted));
    QCOMPARE(v.balance("USDT"), usdt - D("5.005")); // held back once

    // A rejected id stays rejected, even if it would now pass.
    v.client.submit(market(QStringLiteral("c3"), Side::Buy, "1"));
    v.sink.reports.clear();
    v.client.submit(market(QStringLiteral("c3"), Side::Buy, "100"));
    QCOMPARE(v.sink.reports.size(), 1);
    QCOMPARE(st(v.sink.reports[0].status), st(OrderStatus::Rejected));
    QVERIFY(v.sink.reports[0].message.contains(QStringLiteral("below the minimum")));
}

void TestPaperExecution::queryKnownAndUnknown()
{
    Venue v;
    v.client.onBook(book(kMeme, {}, levels({{"1.0000", "50"}})));
    v.client.submit(market(QStringLiteral("c1"), Side::Buy, "80"));
    v.sink.reports.clear();

    v.client.query(QStringLiteral("c1"));
    QCOMPARE(v.sink.reports.size(), 1);
    QCOMPARE(st(v.sink.reports[0].status), st(OrderStatus::PartiallyFilled));
    QCOMPARE(v.sink.reports[0].filledQty, D("50"));
    QVERIFY(!v.sink.reports[0].notFound);
    QVERIFY(!v.sink.reports[0].venueOrderId.isEmpty());

    // Unknown (e.g. lost in a restart): notFound, terminal EXPIRED, nothing filled here.
    v.client.query(QStringLiteral("ghost"));
    QCOMPARE(v.sink.reports.size(), 2);
    const ExecutionReport &r = v.sink.reports[1];
    QCOMPARE(r.clientId, QStringLiteral("ghost"));
    QVERIFY(r.notFound);
    QCOMPARE(st(r.status), st(OrderStatus::Expired));
    QCOMPARE(r.filledQty, Decimal());
}

void TestPaperExecution::cancelWorkingAndTerminal()
{
    Venue v;
    v.client.onBook(book(kMeme, levels({{"0.9", "1000"}}), levels({{"1.0000", "50"}})));
    v.client.submit(limit(QStringLiteral("rest"), Side::Buy, "100", "0.5"));
    QCOMPARE(v.balance("USDT"), D("9949.95"));
    v.client.cancel(QStringLiteral("rest"));
    auto last = v.sink.reportsFor(QStringLiteral("rest")).last();
    QCOMPARE(st(last.status), st(OrderStatus::Cancelled));
    QCOMPARE(v.balance("USDT"), D("10000")); // reserve released

    // Cancel again: the terminal status with a message, nothing else.
    v.client.cancel(QStringLiteral("rest"));
    last = v.sink.reportsFor(QStringLiteral("rest")).last();
    QCOMPARE(st(last.status), st(OrderStatus::Cancelled));
    QVERIFY(last.message.contains(QStringLiteral("already CANCELLED")));

    // A partly filled market order keeps its fills when cancelled.
    v.client.submit(market(QStringLiteral("mkt"), Side::Buy, "80"));
    v.client.cancel(QStringLiteral("mkt"));
    last = v.sink.reportsFor(QStringLiteral("mkt")).last();
    QCOMPARE(st(last.status), st(OrderStatus::Cancelled));
    QCOMPARE(last.filledQty, D("50"));
    v.client.onBook(book(kMeme, {}, levels({{"1.0000", "500"}})));
    QCOMPARE(v.sink.fillsFor(QStringLiteral("mkt")).size(), 1);

    v.client.submit(market(QStringLiteral("done"), Side::Buy, "10"));
    v.client.cancel(QStringLiteral("done"));
    last = v.sink.reportsFor(QStringLiteral("done")).last();
    QCOMPARE(st(last.status), st(OrderStatus::Filled));
    QVERIFY(last.message.contains(QStringLiteral("already FILLED")));

    v.client.cancel(QStringLiteral("ghost"));
    last = v.sink.reportsFor(QStringLiteral("ghost")).last();
    QVERIFY(last.notFound);
    QCOMPARE(st(last.status), st(OrderStatus::Expired));
}

void TestPaperExecution::roundTripBalances()
{
    Venue v;
    v.client.onBook(book(kMeme, levels({{"1.9900", "10000"}}), levels({{"2.0000", "10000"}})));
    v.client.submit(market(QStringLiteral("buy"), Side::Buy, "1000"));
    // 1000 x 2.001 = 2001, fee 2.001
    QCOMPARE(v.balance("USDT"), D("7996.999"));
    QCOMPARE(v.balance("MEME"), D("1000"));

    v.client.submit(market(QStringLiteral("sell"), Side::Sell, "1000"));
    const Fill sell = v.sink.fillsFor(QStringLiteral("sell")).first();
    QCOMPARE(sell.price, D("1.989005")); // 1.99 x (1 - 5 bps)
    QCOMPARE(sell.fee, D("1.989005"));
    // 7996.999 + 1989.005 - 1.989005
    QCOMPARE(v.balance("USDT"), D("9984.014995"));
    QCOMPARE(v.balance("MEME"), D("0"));

    v.sink.balances.clear();
    v.client.requestBalances();
    QCOMPARE(v.sink.balances.size(), 1);
    QCOMPARE(v.balance("USDT"), D("9984.014995"));
}

void TestPaperExecution::tinyPricesStayExact()
{
    Venue v;
    v.client.onBook(book(kTiny, levels({{"0.00000122", "10000000000"}}),
                         levels({{"0.00000123", "5000000000"}, {"0.00000124", "3000000000"}})));
    v.client.submit(market(QStringLiteral("buy"), Side::Buy, "6000000000.7", kTiny)); // step 1
    const auto fills = v.sink.fillsFor(QStringLiteral("buy"));
    QCOMPARE(fills.size(), 2);
    QCOMPARE(fills[0].price, D("0.000001230615"));
    QCOMPARE(fills[0].qty, D("5000000000"));
    QCOMPARE(fills[0].fee, D("6.153075"));
    QCOMPARE(fills[1].price, D("0.00000124062"));
    QCOMPARE(fills[1].qty, D("1000000000"));
    QCOMPARE(fills[1].fee, D("1.24062"));
    QCOMPARE(v.sink.reportsFor(QStringLiteral("buy")).last().filledQty, D("6000000000"));
    // 10000 - (6153.075 + 1240.62) - 7.393695
    QCOMPARE(v.balance("USDT"), D("2598.911305"));
    QCOMPARE(v.balance("TINY"), D("6000000000"));

    // A sell limit at 0.000001255 rounds up to the 1e-8 tick; it rests, then bids cross it.
    v.client.submit(limit(QStringLiteral("sell"), Side::Sell, "6000000000", "0.000001255", kTiny));
    QCOMPARE(v.balance("TINY"), D("0"));
    v.client.onBook(book(kTiny, levels({{"0.00000127", "4000000000"}, {"0.00000126", "5000000000"}}),
                         levels({{"0.00000128", "1000"}})));
    const auto sells = v.sink.fillsFor(QStringLiteral("sell"));
    QCOMPARE(sells.size(), 2);
    QCOMPARE(sells[0].price, D("0.00000126"));
    QCOMPARE(sells[0].qty, D("4000000000"));
    QCOMPARE(sells[1].qty, D("2000000000"));
    QCOMPARE(sells[0].fee + sells[1].fee, D("7.56"));
    // 2598.911305 + 7560 - 7.56
    QCOMPARE(v.balance("USDT"), D("10151.351305"));
    QCOMPARE(v.balance("TINY"), D("0"));
}

void TestPaperExecution::restoreBalances()
{
    Venue v;
    v.client.restoreBalances({{QStringLiteral("USDT"), D("50")}, {QStringLiteral("MEME"), D("7.5")}});
    v.client.requestBalances();
    QCOMPARE(v.balance("USDT"), D("50"));
    QCOMPARE(v.balance("MEME"), D("7.5"));
    v.client.submit(limit(QStringLiteral("c1"), Side::Buy, "100", "1"));
    QCOMPARE(v.sink.reportsFor(QStringLiteral("c1")).last().message,
             QStringLiteral("insufficient balance: need 100.1 USDT, have 50"));

    // A market buy accepted before any book is capped by the balance when it fills:
    // 50 / (1.0005 x 1.001) -> 49.9 lots of 0.1 (49.92495 + 0.04992495 <= 50), then expired.
    v.client.submit(market(QStringLiteral("c2"), Side::Buy, "200"));
    v.client.onBook(book(kMeme, {}, levels({{"1.0000", "1000"}})));
    QCOMPARE(v.sink.fillsFor(QStringLiteral("c2")).first().qty, D("49.9"));
    const auto last = v.sink.reportsFor(QStringLiteral("c2")).last();
    QCOMPARE(st(last.status), st(OrderStatus::Expired));
    QCOMPARE(last.filledQty, D("49.9"));
    QCOMPARE(last.message, QStringLiteral("insufficient balance: need 200.3001 USDT, have 50"));
    QCOMPARE(v.balance("USDT"), D("0.02512505"));
    QCOMPARE(v.balance("MEME"), D("57.4"));
}

void TestPaperExecution::badMarketData()
{
    Venue v;
    v.client.onInstruments({instrument(QStringLiteral("BAD"), "0", "1", "1")});
    QCOMPARE(v.sink.errors.size(), 1);
    QVERIFY(v.sink.errors[0].message.contains(QStringLiteral("BADUSDT")));
    v.client.submit(market(QStringLiteral("c0"), Side::Buy, "1", QStringLiteral("BADUSDT")));
    QCOMPARE(st(v.sink.reports.last().status), st(OrderStatus::Rejected));

    // A crossed book is ignored (reported once), and cannot fill the resting order.
    v.client.submit(limit(QStringLiteral("c1"), Side::Buy, "10", "1"));
    const BookUpdate crossed = book(kMeme, levels({{"1.2", "10"}}), levels({{"0.9", "10"}}));
    v.client.onBook(crossed);
    v.client.onBook(crossed);
    QCOMPARE(v.sink.errors.size(), 2);
    QCOMPARE(v.sink.errors[1].code, QStringLiteral("crossed_book"));
    QVERIFY(v.sink.fills.isEmpty());
    // Levels with zero quantity or price are dropped; unsorted levels are sorted.
    v.client.onBook(book(kMeme, {}, levels({{"0.99", "5"}, {"0", "100"}, {"0.95", "0"}, {"0.98", "5"}})));
    const auto fills = v.sink.fillsFor(QStringLiteral("c1"));
    QCOMPARE(fills.size(), 2);
    QCOMPARE(fills[0].qty, D("5"));
    QCOMPARE(fills[1].qty, D("5"));
}

void TestPaperExecution::concurrentBooksAndOrders()
{
    Venue v;
    v.client.onBook(book(kMeme, levels({{"0.9", "100"}}), levels({{"1.0000", "7"}})));
    std::thread marketThread([&] {
        for (int i = 0; i < 300; ++i)
            v.client.onBook(book(kMeme, levels({{"0.9", "100"}}), levels({{"1.0000", "7"}, {"1.0010", "7"}})));
    });
    std::thread engineThread([&] {
        for (int i = 0; i < 200; ++i) {
            const QString id = QStringLiteral("o%1").arg(i);
            v.client.submit(market(id, Side::Buy, "10"));
            if (i % 3 == 0)
                v.client.cancel(id);
        }
    });
    marketThread.join();
    engineThread.join();
    v.client.requestBalances();

    // Whatever interleaving happened, the books balance exactly and every order began with ACCEPTED.
    Decimal spent, bought;
    for (const Fill &f : v.sink.fills) {
        spent += f.price * f.qty + f.fee;
        bought += f.qty;
    }
    QVERIFY(bought.isPositive());
    QCOMPARE(v.balance("USDT"), D("10000") - spent);
    QCOMPARE(v.balance("MEME"), bought);
    for (int i = 0; i < 200; ++i) {
        const auto reports = v.sink.reportsFor(QStringLiteral("o%1").arg(i));
        QVERIFY(!reports.isEmpty());
        QCOMPARE(st(reports.first().status), st(OrderStatus::Accepted));
        Decimal filled;
        for (const Fill &f : v.sink.fillsFor(QStringLiteral("o%1").arg(i)))
            filled += f.qty;
        QCOMPARE(reports.last().filledQty, filled);
    }
}

void TestPaperExecution::sinkMayCallBack()
{
    // The engine's sink may call the venue from inside a callback: no deadlock, order kept.
    struct CallbackSink : RecordingSink {
        void onExecutionReport(const ExecutionReport &r) override
        {
            RecordingSink::onExecutionReport(r);
            if (r.status == OrderStatus::Filled && !std::exchange(asked, true))
                client->query(r.clientId);
        }
        PaperExecutionClient *client = nullptr;
        bool asked = false;
    } sink;
    PaperExecutionClient client(baseConfig());
    sink.client = &client;
    client.setExecutionSink(&sink);
    client.onInstruments({instrument(QStringLiteral("MEME"), "0.0001", "0.1", "5")});
    client.onBook(book(kMeme, {}, levels({{"1", "100"}})));
    client.submit(market(QStringLiteral("c1"), Side::Buy, "10"));
    QCOMPARE(sink.reports.size(), 3);
    QCOMPARE(st(sink.reports[0].status), st(OrderStatus::Accepted));
    QCOMPARE(st(sink.reports[1].status), st(OrderStatus::Filled));
    QCOMPARE(st(sink.reports[2].status), st(OrderStatus::Filled)); // the query's answer, after
    QCOMPARE(sink.fills.size(), 1);
    QCOMPARE(sink.balances.size(), 1);
}

QTEST_GUILESS_MAIN(TestPaperExecution)
#include "test_paperexecution.moc"
