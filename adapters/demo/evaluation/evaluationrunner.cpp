#include "adapters/demo/evaluation/evaluationrunner.h"

#include "adapters/demo/evaluation/baselineaccount.h"
#include "adapters/demo/evaluation/latencyvenue.h"
#include "adapters/demo/evaluation/researchjournal.h"

#include "adapters/demo/marketsimulator.h"
#include "adapters/demo/rng.h"

#include "engine/kernel/engineobserver.h"
#include "engine/kernel/tradingengine.h"

#include <algorithm>

namespace adapters::demo::evaluation {

namespace {

using engine::Decimal;
constexpr qint64 kMinuteMs = 60'000;

QString tokenOf(const QString &pair) { return pair.endsWith(QLatin1String("USDT")) ? pair.chopped(4) : pair; }

QString regimeNow(const MarketSimulator &sim, const QString &pair)
{
    const std::optional<TokenTruth> truth = sim.groundTruth(tokenOf(pair));
    return truth ? toString(truth->regime) : QStringLiteral("delisted");
}

engine::SimVenueConfig venueConfig(const EvaluationSettings &s, const QString &name)
{
    engine::SimVenueConfig c;
    c.initialBalances.insert(QStringLiteral("USDT"), s.config.startingCash);
    c.venueName = name;
    c.idTag = QStringLiteral("eval");
    return c;
}

class SilentObserver final : public engine::EngineObserver {
public:
    void onEngineEvent(const engine::BotEvent &) override {}
    void onSnapshot(const engine::EngineSnapshot &) override {}
};

//! Hands the venue's and the journal's answers straight to the engine (one thread, in order),
//! and records each fill with the ground truth of its moment.
class DirectSink final : public engine::ExecutionSink, public engine::TradeStoreSink {
public:
    DirectSink(engine::TradingEngine &engine, const MarketSimulator &sim, AccountRecord &record)
        : m_engine(engine), m_sim(sim), m_record(record)
    {
    }
    void onExecutionReport(const engine::ExecutionReport &r) override
    {
        m_engine.guarded("report", [&] { m_engine.handleExecutionReport(r); });
    }
    void onFill(const engine::Fill &f) override
    {
        const engine::Position *p = m_engine.portfolio().position(f.symbol);
        const bool opening = f.side == engine::Side::Buy && !(p && p->isOpen());
        m_record.onFill(f, opening ? regimeNow(m_sim, f.symbol) : QString());
        m_engine.guarded("fill", [&] { m_engine.handleFill(f); });
    }
    void onBalances(const QHash<QString, Decimal> &b) override { m_engine.guarded("balances", [&] { m_engine.handleBalances(b); }); }
    void onExecutionError(const engine::AdapterError &e) override { m_engine.guarded("error", [&] { m_engine.handleAdapterError(e); }); }
    void onOpenOrders(const QList<engine::Order> &o) override { m_engine.guarded("open orders", [&] { m_engine.handleOpenOrders(o); }); }
    void onOrderDurable(const engine::Order &o) override { m_engine.guarded("durable", [&] { m_engine.handleOrderDurable(o); }); }
    void onFillDurable(const engine::Fill &f) override { m_engine.guarded("durable", [&] { m_engine.handleFillDurable(f); }); }
    void onOrderNotDurable(const engine::Order &o, const QString &m) override { m_engine.handleOrderNotDurable(o, m); }
    void onFillNotDurable(const engine::Fill &f, const QString &m) override { m_engine.handleFillNotDurable(f, m); }
    void onStoreError(const QString &m) override { m_engine.handleStoreError(m); }

private:
    engine::TradingEngine &m_engine;
    const MarketSimulator &m_sim;
    AccountRecord &m_record;
};

bool cancelled(const std::atomic<bool> *cancel) { return cancel && cancel->load(std::memory_order_relaxed); }

//! One seed's market as both passes replay it: no planted pump (it would flatter every strategy),
//! the warm-up's history, then `hours` of live seconds, the listings reported when they change.
class Replay {
public:
    Replay(quint64 seed, const EvaluationSettings &s)
        : sim(seed, s.startMs)
    {
        sim.setShowcase(false);
        history = sim.warmUp(s.warmUpMinutes);
        liveMs = sim.nowMs();
        endMs = liveMs + qint64(s.hours) * 60 * kMinuteMs;
        m_revision = sim.instrumentsRevision();
        listed = sim.instruments();
    }
    [[nodiscard]] bool running() const { return sim.nowMs() < endMs; }
    //! The next second's events; `listingsChanged` when `listed` was renewed by it.
    std::vector<DemoEvent> step(bool *listingsChanged)
    {
        std::vector<DemoEvent> events = sim.step();
        *listingsChanged = sim.instrumentsRevision() != m_revision;
        if (*listingsChanged) {
            m_revision = sim.instrumentsRevision();
            listed = sim.instruments();
        }
        return events;
    }
    //! A minute just closed: time to sample equity, report progress and look for a cancel.
    [[nodiscard]] bool minuteClosed() const { return sim.nowMs() % kMinuteMs == 0; }
    [[nodiscard]] double fraction() const { return double(sim.nowMs() - liveMs) / double(endMs - liveMs); }

    MarketSimulator sim;
    MarketSimulator::History history;
    qint64 liveMs = 0;
    qint64 endMs = 0;
    QList<engine::Instrument> listed; // the instruments listed now

private:
    int m_revision = 0;
};

//! Pass one: the strategy through the engine; its record.
AccountRecord runStrategy(quint64 seed, const EvaluationSettings &s, const std::atomic<bool> *cancel,
                          const std::function<void(double)> &progress, bool *stopped)
{
    Replay market(seed, s);
    engine::EventClock clock(market.liveMs - 1);
    ResearchJournal journal;
    LatencyVenue venue(venueConfig(s, QStringLiteral("evaluation")), &clock, s.latencyMs);
    SilentObserver observer;
    AccountRecord record(s.config.startingCash);
    engine::TradingEngine engine({&clock, &clock, &venue, &journal, &observer}, s.config);
    DirectSink sink(engine, market.sim, record);
    journal.setStoreSink(&sink);
    venue.setExecutionSink(&sink);
    const std::function<void()> drain = [&] {
        while (journal.deliver() || venue.deliver()) {
        }
    };
    (void)engine.restore(engine::JournalSnapshot{});
    venue.onInstruments(market.listed);
    engine.handleInstruments(market.listed);
    engine.handleCandleHistory(market.history.candles);
    engine.handlePostHistory(market.history.posts);
    engine.start();
    drain();

    struct Feed {
        engine::TradingEngine &engine;
        LatencyVenue &venue;
        const std::function<void()> &drain;
        void operator()(const engine::TradeTick &e) const { engine.guarded("trade", [&] { engine.handleTrade(e); }); }
        void operator()(const engine::BookUpdate &e) const
        {
            venue.onBook(e); // orders that have arrived by the book's time are worked on it
            drain();
            engine.guarded("book", [&] { engine.handleBook(e); });
        }
        void operator()(const engine::Candle &e) const { engine.guarded("candle", [&] { engine.handleCandle(e); }); }
        void operator()(const engine::SocialPost &e) const { engine.guarded("post", [&] { engine.handlePost(e); }); }
        void operator()(const engine::ChainEvent &e) const { engine.guarded("chain", [&] { engine.handleChainEvent(e); }); }
    };
    const Feed feed{engine, venue, drain};
    while (market.running()) {
        bool listingsChanged = false;
        const std::vector<DemoEvent> events = market.step(&listingsChanged);
        if (listingsChanged) {
            venue.onInstruments(market.listed);
            engine.handleInstruments(market.listed);
        }
        for (const DemoEvent &event : events) {
            std::visit(feed, event);
            drain();
        }
        if (market.minuteClosed()) {
            record.sample(market.sim.nowMs(), engine.portfolio().equity(), engine.portfolio().openPositionCount() > 0);
            if (progress)
                progress(market.fraction());
            if (cancelled(cancel)) {
                *stopped = true;
                break;
            }
        }
    }
    QHash<QString, Decimal> marks;
    for (const engine::Position &p : engine.portfolio().openPositions())
        marks.insert(p.symbol, p.lastPrice);
    record.finish(marks);
    return record;
}

//! Pass two: the baselines on the same market. Each random draw makes as many entries as the
//! strategy and holds each for one of the strategy's holding times (shuffled), unless a protective
//! exit comes first.
void runBaselines(quint64 seed, const EvaluationSettings &s, const std::vector<qint64> &holds, SeedResult &result,
                  const std::atomic<bool> *cancel, const std::function<void(double)> &progress)
{
    Replay market(seed, s);
    const qint64 liveMs = market.liveMs;
    const qint64 endMs = market.endMs;
    const auto regimeOf = [&market](const QString &pair) { return regimeNow(market.sim, pair); };

    std::vector<std::unique_ptr<BaselineAccount>> randoms;
    const int entries = int(holds.size());
    std::vector<std::vector<qint64>> schedule; // entry times per draw, latest first
    std::vector<std::vector<qint64>> holding;  // holding times per draw, in the order they are used
    std::vector<Rng> pickers;
    for (int d = 0; d < s.randomDraws; ++d) {
        randoms.push_back(std::make_unique<BaselineAccount>(QStringLiteral("random%1").arg(d), venueConfig(s, QStringLiteral("random")),
                                                            s.latencyMs, s.config.risk, true, regimeOf));
        Rng rng = Rng::derive(seed, 0xBA5E + quint64(d));
        std::vector<qint64> times;
        for (int i = 0; i < entries; ++i)
            times.push_back(liveMs + qint64(rng.uniform() * double(endMs - liveMs)) / 1000 * 1000);
        std::sort(times.begin(), times.end(), std::greater<>());
        schedule.push_back(std::move(times));
        std::vector<qint64> shuffled = holds;
        for (int i = int(shuffled.size()) - 1; i > 0; --i)
            std::swap(shuffled[std::size_t(i)], shuffled[std::size_t(rng.uniformInt(0, i))]);
        holding.push_back(std::move(shuffled));
        pickers.push_back(Rng::derive(seed, 0x51C + quint64(d)));
    }
    BaselineAccount hold(QStringLiteral("hold"), venueConfig(s, QStringLiteral("hold")), s.latencyMs, s.config.risk, false, regimeOf);
    const QList<engine::Instrument> initial = market.listed;
    const auto allAccounts = [&](const std::function<void(BaselineAccount &)> &f) {
        for (auto &a : randoms)
            f(*a);
        f(hold);
    };
    allAccounts([&](BaselineAccount &a) { a.onInstruments(initial); });
    bool holdBought = false;
    while (market.running()) {
        bool listingsChanged = false;
        const std::vector<DemoEvent> events = market.step(&listingsChanged);
        if (listingsChanged)
            allAccounts([&](BaselineAccount &a) { a.onInstruments(market.listed); });
        for (const DemoEvent &event : events) {
            if (const auto *book = std::get_if<engine::BookUpdate>(&event))
                allAccounts([&](BaselineAccount &a) { a.onBook(*book); });
        }
        const qint64 now = market.sim.nowMs();
        if (!holdBought) {
            // Buy-and-hold puts the capital the strategy may have at risk at once into every token
            // listed at the start, equally, and keeps it to the end.
            holdBought = true;
            const Decimal capital = s.config.strategy.orderNotional * Decimal::fromInt(s.config.risk.maxOpenPositions);
            const Decimal each = capital / Decimal::fromInt(std::max<qsizetype>(1, initial.size()));
            for (const engine::Instrument &i : initial)
                (void)hold.buy(i.symbol, each);
        }
        const QList<engine::Instrument> &listed = market.listed;
        for (std::size_t d = 0; d < randoms.size(); ++d) {
            std::vector<qint64> &times = schedule[d];
            while (!times.empty() && times.back() <= now) {
                times.pop_back();
                const qint64 hold = holding[d].empty() ? 0 : holding[d].back();
                if (!holding[d].empty())
                    holding[d].pop_back();
                BaselineAccount &a = *randoms[d];
                if (a.openPositions() >= s.config.risk.maxOpenPositions || listed.isEmpty())
                    continue; // the strategy could not have entered either
                for (int attempt = 0; attempt < 8; ++attempt) {
                    const engine::Instrument &pick = listed.at(pickers[d].uniformInt(0, int(listed.size()) - 1));
                    if (a.buy(pick.symbol, s.config.strategy.orderNotional, hold))
                        break;
                }
            }
        }
        if (market.minuteClosed()) {
            allAccounts([&](BaselineAccount &a) { a.sample(now); });
            if (progress)
                progress(market.fraction());
            if (cancelled(cancel)) {
                result.cancelled = true;
                break;
            }
        }
    }
    allAccounts([&](BaselineAccount &a) { a.finish(); });
    for (auto &a : randoms)
        result.random.push_back(accountMetrics(a->record()));
    result.buyAndHold = accountMetrics(hold.record());
}

} // namespace

QStringList evaluationStrategies() { return {QStringLiteral("momentum_social")}; }

SeedResult runSeed(quint64 seed, const EvaluationSettings &settings, const std::atomic<bool> *cancel,
                   const std::function<void(double)> &progress)
{
    SeedResult result;
    result.seed = seed;
    result.simulatedSeconds = qint64(settings.hours) * 3600;
    bool stopped = false;
    const AccountRecord strategy = runStrategy(seed, settings, cancel, [&](double f) { if (progress) progress(0.5 * f); }, &stopped);
    result.strategy = accountMetrics(strategy);
    if (stopped) {
        result.cancelled = true;
        return result;
    }
    // How long the strategy held each position (to the end of the run when still open).
    std::vector<qint64> holds;
    const qint64 endMs = settings.startMs + qint64(settings.warmUpMinutes + settings.hours * 60) * kMinuteMs;
    for (const AccountRecord::Trip &t : strategy.trips())
        holds.push_back(std::max<qint64>(1000, (t.exitMs >= 0 ? t.exitMs : endMs) - t.entryMs));
    runBaselines(seed, settings, holds, result, cancel, [&](double f) { if (progress) progress(0.5 + 0.5 * f); });
    return result;
}

} // namespace adapters::demo::evaluation
