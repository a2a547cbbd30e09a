// memedesk_bench: prints figures as JSON. It never passes or fails on time, but it
// does fail (exit 1) when a measured path produced a wrong result.
//   memedesk_bench           full run (figures for docs/benchmarks.md)
//   memedesk_bench --quick   small sizes (the CTest smoke run)
#include "engine/api/botconfig.h"
#include "engine/core/decimal.h"
#include "engine/execution/journalaudit.h"
#include "adapters/binance/binancerestclient.h"
#include "adapters/binance/binanceuserstream.h"
#include "adapters/binance/requestsigning.h"
#include "adapters/binance/streamparser.h"
#include "tests/bench/bench_backtest.h"
#include "tests/bench/bench_evaluate.h"
#include "tests/bench/bench_rest.h"
#include "tests/support/fakebinance/fakeexchange.h"
#include "engine/kernel/engineinbox.h"
#include "engine/kernel/engineobserver.h"
#include "engine/kernel/tradingengine.h"
#include "engine/ports/clock.h"

#include "adapters/demo/marketsimulator.h"
#include "adapters/paper/paperexecutionclient.h"
#include "adapters/storage/sqlitetradestore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <future>

using namespace engine;

namespace {

QStringList g_failures;

// Records a functional failure of a measured path (never a timing).
void expect(bool ok, const QString &what)
{
    if (!ok)
        g_failures << what;
}

double perSecond(qint64 count, qint64 nanos) { return nanos > 0 ? double(count) * 1e9 / double(nanos) : 0; }


QJsonObject benchDecimal(int n)
{
    const Decimal price = Decimal::fromString("0.00000856");
    const Decimal qty = Decimal::fromString("58411214.953271");
    Decimal acc;
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < n; ++i)
        acc += price * qty;
    const qint64 mulNs = t.nsecsElapsed();
    t.restart();
    for (int i = 0; i < n; ++i)
        acc += qty / Decimal::fromInt(i % 97 + 1);
    const qint64 divNs = t.nsecsElapsed();
    t.restart();
    int parsed = 0;
    for (int i = 0; i < n; ++i)
        parsed += Decimal::parse(QStringLiteral("12345.678901234")).has_value() ? 1 : 0;
    const qint64 parseNs = t.nsecsElapsed();
    t.restart();
    qsizetype chars = 0;
    for (int i = 0; i < n; ++i)
        chars += (price * Decimal::fromInt(i)).toString().size();
    const qint64 fmtNs = t.nsecsElapsed();
    expect((price * qty).toString() == QStringLiteral("499.99999999999976"), QStringLiteral("decimal product is not exact"));
    expect(parsed == n, QStringLiteral("decimal parse failed"));
    return {{QStringLiteral("operations"), n},
            {QStringLiteral("mul_per_s"), perSecond(n, mulNs)},
            {QStringLiteral("div_per_s"), perSecond(n, divNs)},
            {QStringLiteral("parse_per_s"), perSecond(n, parseNs)},
            {QStringLiteral("format_per_s"), perSecond(n, fmtNs)},
            {QStringLiteral("checksum"), acc.toString(2) + QString::number(parsed + chars)}};
}

class NullObserver final : public EngineObserver {
public:
    void onEngineEvent(const BotEvent &) override { ++events; }
    void onSnapshot(const EngineSnapshot &) override {}
    qint64 events = 0;
};

QJsonObject benchPipeline(int simSeconds, const QString &dir)
{
    // Generate the demo market's events first, so only the engine is measured.
    adapters::demo::MarketSimulator sim(42, 1767225600000LL);
    const auto history = sim.warmUp(60);
    std::vector<adapters::demo::DemoEvent> events;
    for (int s = 0; s < simSeconds; ++s) {
        auto step = sim.step();
        std::move(step.begin(), step.end(), std::back_inserter(events));
    }
    adapters::storage::SqliteTradeStore store(dir + QStringLiteral("/bench-pipeline.sqlite"));
    if (const Result<void> opened = store.open(); !opened)
        qFatal("%s", qPrintable(opened.error().toString()));
    EventClock clock(1767225600000LL - 3600'000);
    adapters::paper::PaperConfig pc;
    pc.initialBalances.insert(QStringLiteral("USDT"), Decimal::fromInt(10000));
    adapters::paper::PaperExecutionClient paper(pc, &clock);
    NullObserver observer;
    BotConfig config;
    TradingEngine engine({&clock, &clock, &paper, &store, &observer}, config);
    const Result<JournalSnapshot> journal = store.loadSnapshot();
    if (!journal || !engine.restore(journal.value()))
        qFatal("cannot restore the bench journal");
    store.setStoreSink(&engine.inbox());
    paper.setExecutionSink(&engine.inbox());
    EngineInbox &inbox = engine.inbox();
    const auto instruments = sim.instruments();
    paper.onInstruments(instruments);
    inbox.onInstruments(instruments);
    inbox.onCandleHistory(history.candles);
    inbox.onPostHistory(history.posts);
    engine.start();
    QCoreApplication::processEvents();

    const qint64 rssBefore = rssKiB();
    const quint64 handledBefore = inbox.processed();
    QElapsedTimer t;
    t.start();
    struct Feed {
        EngineInbox &in;
        adapters::paper::PaperExecutionClient &paper;
        void operator()(const TradeTick &e) { in.onTrade(e); }
        void operator()(const BookUpdate &e) { paper.onBook(e); in.onBook(e); }
        void operator()(const Candle &e) { in.onCandle(e); }
        void operator()(const SocialPost &e) { in.onPost(e); }
        void operator()(const ChainEvent &e) { in.onChainEvent(e); }
    } feed{inbox, paper};
    const size_t chunk = 2000;
    for (size_t i = 0; i < events.size(); i += chunk) {
        for (size_t j = i; j < std::min(events.size(), i + chunk); ++j)
            std::visit(feed, events[j]);
        while (inbox.pending() > 0)
            QCoreApplication::processEvents();
    }
    const qint64 ns = t.nsecsElapsed();
    expect(!events.empty(), QStringLiteral("the demo market produced no events"));
    expect(inbox.processed() > handledBefore, QStringLiteral("the engine handled no messages"));
    expect(inbox.pending() == 0, QStringLiteral("the engine inbox was not drained"));
    store.flush();
    QCoreApplication::processEvents();
    const QJsonObject result{
        {QStringLiteral("simulated_seconds"), simSeconds},
        {QStringLiteral("events"), qint64(events.size())},
        {QStringLiteral("events_per_s"), perSecond(qint64(events.size()), ns)},
        // books of one symbol are conflated in the inbox, so fewer messages reach the engine
        {QStringLiteral("engine_messages"), qint64(inbox.processed() - handledBefore)},
        {QStringLiteral("engine_messages_per_s"), perSecond(qint64(inbox.processed() - handledBefore), ns)},
        {QStringLiteral("sim_seconds_per_wall_second"), perSecond(simSeconds, ns)},
        {QStringLiteral("fills"), engine.buildStatus().fillCount},
        {QStringLiteral("equity"), engine.portfolio().equity().toString(2)},
        {QStringLiteral("rss_growth_kib"), rssKiB() - rssBefore},
    };
    store.setStoreSink(nullptr);
    paper.setExecutionSink(nullptr);
    return result;
}

QJsonObject benchJournal(int n, const QString &dir)
{
    adapters::storage::SqliteTradeStore store(dir + QStringLiteral("/bench-journal.sqlite"));
    if (const Result<void> opened = store.open(); !opened)
        qFatal("%s", qPrintable(opened.error().toString()));
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < n; ++i) {
        Fill f;
        f.fillId = QStringLiteral("F%1").arg(i);
        f.clientId = QStringLiteral("C%1").arg(i / 2);
        f.symbol = QStringLiteral("PEPEUSDT");
        f.side = i % 2 ? Side::Sell : Side::Buy;
        f.price = Decimal::fromString("0.0000123");
        f.qty = Decimal::fromInt(1000000 + i);
        f.fee = Decimal::fromString("0.0123");
        f.feeAsset = QStringLiteral("USDT");
        f.tsMs = 1767225600000LL + i;
        store.saveFill(f);
    }
    store.flush();
    const qint64 fillNs = t.nsecsElapsed();
    t.restart();
    for (int i = 0; i < n; ++i) {
        Order o;
        o.clientId = QStringLiteral("O%1").arg(i % (n / 4 + 1));
        o.venueOrderId = QStringLiteral("V%1").arg(i);
        o.symbol = QStringLiteral("PEPEUSDT");
        o.qty = Decimal::fromInt(1000);
        o.status = i % 3 == 0 ? OrderStatus::Accepted : OrderStatus::PartiallyFilled;
        o.createdMs = o.updatedMs = 1767225600000LL + i;
        store.saveOrder(o);
    }
    store.flush();
    const qint64 orderNs = t.nsecsElapsed();
    t.restart();
    std::promise<HistoryPage> promise;
    HistoryQuery q;
    q.kind = HistoryQuery::Kind::Fills;
    q.symbol = QStringLiteral("PEPEUSDT");
    q.offset = n / 2;
    q.limit = 500;
    store.queryHistory(q, [&promise](HistoryPage p) { promise.set_value(std::move(p)); });
    const HistoryPage page = promise.get_future().get();
    const qint64 queryNs = t.nsecsElapsed();
    expect(!page.error, QStringLiteral("history query failed: ") + (page.error ? page.error->message : QString()));
    expect(page.total == n && page.fills.size() == 500,
           QStringLiteral("history page has %1 of %2 rows, expected 500 of %3").arg(page.fills.size()).arg(page.total).arg(n));
    return {{QStringLiteral("writes"), n},
            {QStringLiteral("fill_writes_per_s"), perSecond(n, fillNs)},
            {QStringLiteral("order_writes_per_s"), perSecond(n, orderNs)},
            {QStringLiteral("history_page_ms"), double(queryNs) / 1e6},
            {QStringLiteral("history_rows"), qint64(page.fills.size())}};
}

//! What every start pays for a trustworthy journal: open (SQLite quick_check, structure), load the
//! snapshot strictly, and re-derive cash and positions from every fill (the audit).
QJsonObject benchStartupAudit(int n, const QString &dir)
{
    const QString path = dir + QStringLiteral("/bench-audit.sqlite");
    {
        adapters::storage::SqliteTradeStore store(path);
        store.setBackupInterval(0);
        if (const Result<void> opened = store.open(); !opened)
            qFatal("%s", qPrintable(opened.error().toString()));
        store.saveSetting(QStringLiteral("portfolio.starting_equity"), QStringLiteral("1000000"));
        Portfolio portfolio(QStringLiteral("USDT"));
        portfolio.reset(Decimal::fromInt(1000000));
        const QStringList symbols{QStringLiteral("PEPEUSDT"), QStringLiteral("WIFUSDT"), QStringLiteral("BONKUSDT"),
                                  QStringLiteral("DOGEUSDT")};
        for (int i = 0; i < n; ++i) {
            Fill f;
            f.fillId = QStringLiteral("F%1").arg(i);
            f.clientId = QStringLiteral("C%1").arg(i);
            f.symbol = symbols.at(i % symbols.size());
            const Position *held = portfolio.position(f.symbol);
            f.side = held && held->isOpen() && (i / symbols.size()) % 2 ? Side::Sell : Side::Buy;
            f.price = Decimal::fromString("0.0000123") + Decimal::fromRaw(i);
            f.qty = f.side == Side::Sell ? held->qty : Decimal::fromInt(1000000 + i);
            f.fee = Decimal::fromString("0.0123");
            f.tsMs = 1767225600000LL + i;
            (void)portfolio.applyFill(f, f.tsMs);
            Order o;
            o.clientId = f.clientId;
            o.symbol = f.symbol;
            o.side = f.side;
            o.qty = o.filledQty = f.qty;
            o.status = OrderStatus::Filled;
            store.saveFillChange({f, o, portfolio.allPositions(), portfolio.balances({}), {}});
        }
        store.flush();
    }
    QElapsedTimer t;
    t.start();
    adapters::storage::SqliteTradeStore store(path);
    store.setBackupInterval(0);
    QStringList problems;
    const Result<void> opened = store.open();
    const QString error = opened ? QString() : opened.error().toString();
    bool ok = opened.ok();
    if (ok) {
        const Result<JournalSnapshot> journal = store.loadSnapshot();
        const Result<void> audit = journal ? JournalAudit::run(store, journal.value(), QStringLiteral("USDT"))
                                           : Result<void>(journal.error());
        ok = audit.ok();
        if (!ok)
            problems << audit.error().toString();
    }
    const qint64 ns = t.nsecsElapsed();
    expect(ok, QStringLiteral("the audit journal does not pass: %1 %2").arg(error, problems.join(QStringLiteral("; "))));
    return {{QStringLiteral("fills"), n},
            {QStringLiteral("open_load_audit_ms"), double(ns) / 1e6},
            {QStringLiteral("fills_audited_per_s"), perSecond(n, ns)}};
}

//! Binance market-stream frames parsed into engine events per second on one core, next to a plain
//! nlohmann_json DOM parse of the same frames (which only builds the tree, no decimals).
QJsonObject benchStreamParser(int n)
{
    const std::vector<std::string> frames{
        R"({"stream":"pepeusdt@trade","data":{"e":"trade","E":1672515782136,"s":"PEPEUSDT","t":12345,"p":"0.00001234","q":"1500000","T":1672515782136,"m":true,"M":true}})",
        R"({"stream":"pepeusdt@bookTicker","data":{"u":400900217,"s":"PEPEUSDT","b":"0.00001233","B":"31210000.00","a":"0.00001234","A":"40660000.00"}})",
        R"({"stream":"pepeusdt@aggTrade","data":{"e":"aggTrade","E":1672515782136,"s":"PEPEUSDT","a":12345,"p":"0.00001235","q":"250000","f":100,"l":105,"T":1672515782136,"m":false,"M":true}})",
        R"({"stream":"pepeusdt@kline_1m","data":{"e":"kline","E":1672515782136,"s":"PEPEUSDT","k":{"t":1672515780000,"T":1672515839999,"s":"PEPEUSDT","i":"1m","f":100,"L":200,"o":"0.00001230","c":"0.00001234","h":"0.00001240","l":"0.00001229","v":"98765432","n":100,"x":false,"q":"1219.5","V":"500","Q":"0.500","B":"0"}}})",
    };
    adapters::binance::StreamParser parser;
    qint64 events = 0;
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < n; ++i) {
        const auto r = parser.parse(frames[size_t(i) % frames.size()]);
        events += r.ok() && !std::holds_alternative<std::monostate>(r.value()) ? 1 : 0;
    }
    const qint64 ns = t.nsecsElapsed();
    expect(events == n, QStringLiteral("the stream parser delivered %1 of %2 events").arg(events).arg(n));
    t.restart();
    qint64 objects = 0;
    for (int i = 0; i < n; ++i) {
        const auto doc = nlohmann::json::parse(frames[size_t(i) % frames.size()]);
        objects += doc.is_object() ? 1 : 0;
    }
    const qint64 domNs = t.nsecsElapsed();
    expect(objects == n, QStringLiteral("nlohmann parsed %1 of %2 frames").arg(objects).arg(n));
    return {{QStringLiteral("frames"), n},
            {QStringLiteral("simdjson_events_per_s"), perSecond(n, ns)},
            {QStringLiteral("nlohmann_dom_frames_per_s"), perSecond(n, domNs)}};
}

//! Tick to order: from a Binance bookTicker frame arriving to the signed order request reaching the
//! fake exchange on 127.0.0.1 — parse, decide (a market buy of a fixed notional at the ask), check
//! against the exchange rules, sign (HMAC-SHA256), send, loopback TCP. `overWsApi`: as
//! `order.place` on the already open WebSocket API connection (what the adapter does while it is
//! up); otherwise as a REST POST through the HTTP client (its fallback). The engine's own hop (its
//! thread and the write-ahead journal) is measured by the pipeline figure.
QJsonObject benchTickToOrder(int n, bool overWsApi)
{
    const QByteArray key = "benchKeyvmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    const QByteArray secret = "benchSecretdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    binancetest::FakeExchange ex(key, secret, QStringLiteral(MEMEDESK_TEST_DATA) + QStringLiteral("/binance/exchangeInfo.json"));
    ex.free.insert(QStringLiteral("USDT"), Decimal::fromInt(1'000'000'000));
    ex.setPrice(QStringLiteral("PEPEUSDT"), Decimal::fromString("0.00001234"));
    adapters::binance::BinanceRestClient rest(ex.restUrl(), key, adapters::binance::BinanceSigner::hmac(secret).value());
    std::optional<Result<adapters::binance::ExchangeRules>> rules;
    rest.exchangeInfo([&rules](Result<adapters::binance::ExchangeRules> r) { rules.emplace(std::move(r)); });
    bool synced = false;
    rest.syncTime([&synced](Result<qint64> r) { synced = r.ok(); });
    QElapsedTimer wait;
    wait.start();
    while ((!rules || !synced) && wait.elapsed() < 10'000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    expect(rules && rules->ok() && synced, QStringLiteral("tick-to-order: the fake exchange did not answer"));
    if (!rules || !rules->ok())
        return {};
    const adapters::binance::SymbolRules &pepe = rules->value().symbols.value(QStringLiteral("PEPEUSDT"));
    adapters::net::WebSocketOptions wsOptions;
    wsOptions.maxMessagesPerWindow = 0; // no pacing: this measures latency, far faster than any venue allows orders
    wsOptions.pingIntervalMs = 0;
    adapters::binance::BinanceUserStream wsApi(ex.wsApiUrl(), key, &rest.signer(), [&rest] { return rest.serverNowMs(); },
                                               wsOptions);
    if (overWsApi) {
        wsApi.start();
        wait.restart();
        while (!wsApi.isSubscribed() && wait.elapsed() < 10'000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        expect(wsApi.isSubscribed(), QStringLiteral("tick-to-order: the WebSocket API did not open"));
    }
    adapters::binance::StreamParser parser;
    std::vector<qint64> latencies;
    std::vector<qint64> handedOver; // frame to the request handed to the HTTP client (this thread's work)
    latencies.reserve(size_t(n));
    handedOver.reserve(size_t(n));
    int answered = 0;
    for (int i = 0; i < n; ++i) {
        const std::string frame = R"({"stream":"pepeusdt@bookTicker","data":{"u":)" + std::to_string(400900217 + i)
                                  + R"(,"s":"PEPEUSDT","b":"0.00001233","B":"31210000.00","a":"0.0000123)" + std::to_string(4 + i % 5)
                                  + R"(","A":"40660000.00"}})";
        const int before = ex.orderPosts;
        const qint64 t0 = ex.httpNowNs();
        const Result<adapters::binance::StreamEvent> event = parser.parse(frame);
        const auto *book = event ? std::get_if<BookUpdate>(&event.value()) : nullptr;
        if (!book)
            break;
        OrderRequest r;
        r.clientId = QStringLiteral("bench-%1").arg(i);
        r.symbol = book->symbol;
        r.side = Side::Buy;
        r.type = OrderType::Market;
        r.qty = (Decimal::fromInt(10) / book->bestAsk()).quantized(Decimal::fromInt(1));
        const Result<adapters::binance::PreparedOrder> prepared = adapters::binance::prepareOrder(pepe, r, book->mid());
        if (!prepared)
            break;
        if (overWsApi) {
            const auto signedParams = adapters::binance::signedWsRequest(
                rest.signer(), adapters::binance::newOrderParams(prepared->request, r.clientId), key, rest.serverNowMs());
            if (!signedParams
                || !wsApi.request(QStringLiteral("order.place"), signedParams.value(),
                                  [&answered](int, const QJsonObject &, const QJsonObject &) { ++answered; }))
                break;
        } else {
            rest.placeOrder(prepared->request, r.clientId, [&answered](Result<adapters::binance::OrderState>) { ++answered; });
        }
        handedOver.push_back(ex.httpNowNs() - t0);
        wait.restart();
        while (ex.orderPosts == before && wait.elapsed() < 5'000)
            QCoreApplication::processEvents(QEventLoop::AllEvents);
        if (ex.orderPosts == before)
            break;
        latencies.push_back(ex.lastOrderPostNs - t0);
        // Let the answer come back before the next tick, so one order's reply does not sit in
        // the next one's measurement.
        while (answered < int(latencies.size()) && wait.elapsed() < 5'000)
            QCoreApplication::processEvents(QEventLoop::AllEvents);
    }
    wait.restart();
    while (answered < int(latencies.size()) && wait.elapsed() < 10'000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    expect(int(latencies.size()) == n, QStringLiteral("tick-to-order: %1 of %2 orders reached the exchange").arg(latencies.size()).arg(n));
    expect(int(ex.orders.size()) == n, QStringLiteral("tick-to-order: the exchange accepted %1 of %2 orders").arg(ex.orders.size()).arg(n));
    if (latencies.empty())
        return {};
    const auto pct = [](std::vector<qint64> v, double p) {
        std::sort(v.begin(), v.end());
        return double(v[std::min(v.size() - 1, size_t(p * double(v.size())))]) / 1000.0;
    };
    QJsonArray slowAt; // where the slow ones fall (a pattern points at a cause)
    for (size_t i = 0; i < latencies.size() && slowAt.size() < 12; ++i) {
        if (latencies[i] > 500'000)
            slowAt.append(qint64(i));
    }
    const auto slow = std::count_if(latencies.begin(), latencies.end(), [](qint64 ns) { return ns > 500'000; });
    return {{QStringLiteral("orders"), int(latencies.size())},
            {QStringLiteral("over_500us"), qint64(slow)},
            {QStringLiteral("first_slow_at"), slowAt},
            {QStringLiteral("p50_us"), pct(latencies, 0.50)},
            {QStringLiteral("p99_us"), pct(latencies, 0.99)},
            {QStringLiteral("max_us"), pct(latencies, 1.0)},
            {QStringLiteral("decide_sign_send_p50_us"), pct(handedOver, 0.50)},
            {QStringLiteral("decide_sign_send_p99_us"), pct(handedOver, 0.99)}};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    QTemporaryDir dir;
    QJsonObject out;
    if (app.arguments().contains(QStringLiteral("--backtest"))) { // one section alone, for profiling
        out.insert(QStringLiteral("backtest"), benchBacktest(quick ? 100'000 : 10'000'000, quick ? 2 : 20));
        printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Indented).constData());
        return g_failures.isEmpty() ? 0 : 1;
    }
    if (app.arguments().contains(QStringLiteral("--rest"))) { // one section alone
        out.insert(QStringLiteral("rest_api"), benchRest(quick ? 2 : 10));
        printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Indented).constData());
        return 0;
    }
    if (app.arguments().contains(QStringLiteral("--evaluate"))) { // one section alone
        out.insert(QStringLiteral("evaluate"), benchEvaluate(quick ? 2 : 8, quick ? 1 : 24, quick ? 2 : 20));
        fprintf(stdout, "%s\n", QJsonDocument(out).toJson().constData());
        return 0;
    }
    if (app.arguments().contains(QStringLiteral("--tick-to-order"))) { // one section alone, for profiling
        out.insert(QStringLiteral("binance_tick_to_order_ws_api"), benchTickToOrder(quick ? 200 : 5000, true));
        out.insert(QStringLiteral("binance_tick_to_order_rest"), benchTickToOrder(quick ? 200 : 5000, false));
        printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Indented).constData());
        return g_failures.isEmpty() ? 0 : 1;
    }
    out.insert(QStringLiteral("mode"), quick ? QStringLiteral("quick") : QStringLiteral("full"));
    out.insert(QStringLiteral("cores"), QThread::idealThreadCount());
    out.insert(QStringLiteral("decimal"), benchDecimal(quick ? 20000 : 2000000));
    out.insert(QStringLiteral("pipeline"), benchPipeline(quick ? 120 : 3600, dir.path()));
    out.insert(QStringLiteral("journal"), benchJournal(quick ? 2000 : 50000, dir.path()));
    out.insert(QStringLiteral("startup_audit"), benchStartupAudit(quick ? 1000 : 100000, dir.path()));
    out.insert(QStringLiteral("binance_stream_parse"), benchStreamParser(quick ? 10000 : 1000000));
    out.insert(QStringLiteral("binance_tick_to_order_ws_api"), benchTickToOrder(quick ? 200 : 5000, true));
    out.insert(QStringLiteral("binance_tick_to_order_rest"), benchTickToOrder(quick ? 200 : 5000, false));
    out.insert(QStringLiteral("backtest"), benchBacktest(quick ? 100'000 : 10'000'000, quick ? 2 : 20));
    out.insert(QStringLiteral("evaluate"), benchEvaluate(quick ? 2 : 8, quick ? 1 : 24, quick ? 2 : 20));
    out.insert(QStringLiteral("rest_api"), benchRest(quick ? 2 : 10));
    out.insert(QStringLiteral("rss_kib"), rssKiB());
    printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Indented).constData());
    for (const QString &f : g_failures)
        fprintf(stderr, "memedesk_bench: %s\n", qPrintable(f));
    return g_failures.isEmpty() ? 0 : 1;
}
