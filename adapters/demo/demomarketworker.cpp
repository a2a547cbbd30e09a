#include "adapters/demo/demomarketworker.h"

#include "adapters/demo/demomarket.h"

#include <QMutexLocker>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace adapters::demo {

namespace {
constexpr int kTickMs = 50;
// A stalled thread must not turn into a burst of thousands of steps.
constexpr int kMaxStepsPerTick = 200;
constexpr qint64 kMinuteMs = 60'000;

double clampSpeed(double speed) { return std::isfinite(speed) ? std::clamp(speed, 1.0, 100.0) : 1.0; }
} // namespace

DemoMarketWorker::DemoMarketWorker(quint64 seed, qint64 liveStartMs, int warmUpMinutes, double speed)
    : m_seed(seed)
    , m_liveStartMs(liveStartMs)
    , m_warmUpMinutes(std::max(0, warmUpMinutes))
    , m_speed(clampSpeed(speed))
    , m_simTimeMs(liveStartMs)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(kTickMs);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, [this] { tick(); });
}

DemoMarketWorker::~DemoMarketWorker() = default;

void DemoMarketWorker::addMarketSink(engine::MarketDataSink *sink)
{
    QMutexLocker lock(&m_sinkMutex);
    if (sink && std::find(m_marketSinks.begin(), m_marketSinks.end(), sink) == m_marketSinks.end())
        m_marketSinks.push_back(sink);
}

void DemoMarketWorker::addSocialSink(engine::SocialSink *sink)
{
    QMutexLocker lock(&m_sinkMutex);
    if (sink && std::find(m_socialSinks.begin(), m_socialSinks.end(), sink) == m_socialSinks.end())
        m_socialSinks.push_back(sink);
}

void DemoMarketWorker::addChainSink(engine::ChainSink *sink)
{
    QMutexLocker lock(&m_sinkMutex);
    if (sink && std::find(m_chainSinks.begin(), m_chainSinks.end(), sink) == m_chainSinks.end())
        m_chainSinks.push_back(sink);
}

void DemoMarketWorker::setSpeed(double speed) { m_speed.store(clampSpeed(speed)); }

void DemoMarketWorker::setResumeAt(qint64 simMs)
{
    QMutexLocker lock(&m_simMutex);
    if (!m_sim) {
        m_resumeAtMs = simMs;
        m_simTimeMs.store(std::max(simMs, m_liveStartMs));
    }
}

void DemoMarketWorker::inspect(const std::function<void(const MarketSimulator *)> &f) const
{
    QMutexLocker lock(&m_simMutex);
    f(m_sim.get());
}

QString DemoMarketWorker::connectionDetail() const
{
    return QStringLiteral("demo market seed %1 at %2x").arg(m_seed).arg(speed());
}

MarketSimulator::History DemoMarketWorker::createSimulator()
{
    const qint64 warmUpMs = m_warmUpMinutes * kMinuteMs;
    QMutexLocker lock(&m_simMutex);
    if (m_resumeAtMs - m_liveStartMs > DemoMarket::kMaxReplayMs) {
        // Long away: replaying every simulated second since the session began would cost time
        // that grows without bound (and block quitting). The market jumps instead: a timeline of
        // the same seed that starts one warm-up before the resume point, so the clock, the seed
        // and the established tokens carry on, and the same data folder always resumes alike.
        m_sim = std::make_unique<MarketSimulator>(m_seed, m_resumeAtMs - warmUpMs);
        MarketSimulator::History history = m_sim->warmUp(m_warmUpMinutes);
        m_simTimeMs.store(m_sim->nowMs());
        return history;
    }
    m_sim = std::make_unique<MarketSimulator>(m_seed, m_liveStartMs - warmUpMs);
    MarketSimulator::History history = m_sim->warmUp(m_warmUpMinutes);
    if (m_resumeAtMs > m_sim->nowMs()) {
        // Same timeline as the earlier session; the history is the last warm-up
        // window before the resume point.
        const qint64 fromMs = m_resumeAtMs - warmUpMs;
        history.candles.removeIf([fromMs](const engine::Candle &c) { return c.openTimeMs < fromMs; });
        history.posts.removeIf([fromMs](const engine::SocialPost &p) { return p.tsMs < fromMs; });
        m_sim->fastForwardTo(fromMs);
        MarketSimulator::History rest = m_sim->historyTo(m_resumeAtMs);
        history.candles.append(rest.candles);
        history.posts.append(rest.posts);
    }
    m_simTimeMs.store(m_sim->nowMs());
    return history;
}

void DemoMarketWorker::start()
{
    if (m_running.load())
        return;
    const bool first = !m_sim;
    MarketSimulator::History history;
    if (first)
        history = createSimulator();
    QList<engine::Instrument> instruments;
    {
        QMutexLocker lock(&m_simMutex);
        instruments = m_sim->instruments();
        m_sentRevision = m_sim->instrumentsRevision();
    }

    std::vector<engine::MarketDataSink *> market;
    std::vector<engine::SocialSink *> social;
    {
        QMutexLocker lock(&m_sinkMutex);
        market = m_marketSinks;
        social = m_socialSinks;
    }
    for (engine::MarketDataSink *sink : market) {
        sink->onInstruments(instruments);
        if (first)
            sink->onCandleHistory(history.candles);
    }
    if (first) {
        for (engine::SocialSink *sink : social)
            sink->onPostHistory(history.posts);
    }
    const QString detail = connectionDetail();
    for (engine::MarketDataSink *sink : market)
        sink->onMarketConnection(true, detail);

    m_accumulatedMs = 0;
    m_wall.start();
    m_timer->start();
    m_running.store(true);
}

void DemoMarketWorker::stop()
{
    if (!m_running.load())
        return;
    m_timer->stop();
    m_running.store(false);
    std::vector<engine::MarketDataSink *> market;
    {
        QMutexLocker lock(&m_sinkMutex);
        market = m_marketSinks;
    }
    const QString detail = QStringLiteral("demo market stopped");
    for (engine::MarketDataSink *sink : market)
        sink->onMarketConnection(false, detail);
}

void DemoMarketWorker::tick()
{
    m_accumulatedMs += double(m_wall.restart()) * speed();
    int steps = static_cast<int>(m_accumulatedMs / 1000);
    if (steps > kMaxStepsPerTick) {
        steps = kMaxStepsPerTick;
        m_accumulatedMs = 0; // drop the backlog instead of catching up
    } else {
        m_accumulatedMs -= steps * 1000.0;
    }
    QElapsedTimer budget;
    budget.start();
    for (int i = 0; i < steps && m_running.load(); ++i) {
        if (m_gate && !waitForGate(budget)) {
            // The consumer is still busy with the last second: the rest waits for the next tick
            // (at most a second of it, so a slow consumer slows the market instead of bursting it).
            m_accumulatedMs = std::min(m_accumulatedMs + double(steps - i) * 1000.0, 1000.0);
            break;
        }
        std::vector<DemoEvent> events;
        QList<engine::Instrument> instruments;
        bool listed = false;
        {
            QMutexLocker lock(&m_simMutex);
            events = m_sim->step();
            if (m_sim->instrumentsRevision() != m_sentRevision) {
                m_sentRevision = m_sim->instrumentsRevision();
                instruments = m_sim->instruments();
                listed = true;
            }
            m_simTimeMs.store(m_sim->nowMs());
        }
        dispatch(events, listed ? &instruments : nullptr);
    }
}

bool DemoMarketWorker::waitForGate(const QElapsedTimer &budget) const
{
    while (!m_gate()) {
        if (budget.elapsed() >= kTickMs / 2)
            return false;
        QThread::usleep(100);
    }
    return true;
}

void DemoMarketWorker::dispatch(const std::vector<DemoEvent> &events, const QList<engine::Instrument> *instruments)
{
    std::vector<engine::MarketDataSink *> market;
    std::vector<engine::SocialSink *> social;
    std::vector<engine::ChainSink *> chain;
    {
        QMutexLocker lock(&m_sinkMutex);
        market = m_marketSinks;
        social = m_socialSinks;
        chain = m_chainSinks;
    }
    // A new listing is announced before its first trades.
    if (instruments) {
        for (engine::MarketDataSink *sink : market)
            sink->onInstruments(*instruments);
    }
    for (const DemoEvent &event : events) {
        if (const auto *trade = std::get_if<engine::TradeTick>(&event)) {
            for (engine::MarketDataSink *sink : market)
                sink->onTrade(*trade);
        } else if (const auto *book = std::get_if<engine::BookUpdate>(&event)) {
            for (engine::MarketDataSink *sink : market)
                sink->onBook(*book);
        } else if (const auto *candle = std::get_if<engine::Candle>(&event)) {
            for (engine::MarketDataSink *sink : market)
                sink->onCandle(*candle);
        } else if (const auto *post = std::get_if<engine::SocialPost>(&event)) {
            for (engine::SocialSink *sink : social)
                sink->onPost(*post);
        } else if (const auto *chainEvent = std::get_if<engine::ChainEvent>(&event)) {
            for (engine::ChainSink *sink : chain)
                sink->onChainEvent(*chainEvent);
        }
    }
}

} // namespace adapters::demo
