#pragma once

#include "adapters/demo/marketsimulator.h"
#include "adapters/demo/tokentruth.h"

#include "engine/ports/chainclient.h"
#include "engine/ports/marketdataclient.h"
#include "engine/ports/socialsource.h"

#include <QList>
#include <QObject>
#include <QThread>

#include <functional>

namespace adapters::demo {

class DemoMarketWorker;

//! The embedded simulated meme market as a live venue: market data (CEX pairs
//! "<SYM>USDT"), the "demo" social feed and the "demo" chain, all from one
//! MarketSimulator running on its own thread at 1x..100x.
//!
//! Add sinks, then startMarketData(): the sinks get onInstruments, the warm-up's
//! candles and posts as history, onMarketConnection(true), then live events in
//! simulated time (timestamps are simulated ms; drive an engine::EventClock from
//! them). Sinks are called on the demo thread and must outlive this object.
class DemoMarket final : public QObject,
                         public engine::MarketDataClient,
                         public engine::SocialSource,
                         public engine::ChainClient {
    Q_OBJECT
public:
    static constexpr double kMinSpeed = 1;
    static constexpr double kMaxSpeed = 100;

    //! startMs: simulated time at which live streaming begins (0 = now); the
    //! warm-up covers the `warmUpMinutes` before it. speed is clamped to 1..100.
    explicit DemoMarket(quint64 seed = MarketSimulator::kDefaultSeed, double speed = 1.0, int warmUpMinutes = 60,
                        qint64 startMs = 0, QObject *parent = nullptr);
    ~DemoMarket() override;

    // engine::MarketDataClient
    [[nodiscard]] QString venue() const override;
    void addMarketSink(engine::MarketDataSink *sink) override;
    //! Asynchronous and idempotent; after a stop it resumes the same timeline
    //! (instruments and connection are re-sent, history is not).
    void startMarketData() override;
    //! Stops the clock of the market and reports the disconnection.
    void stopMarketData() override;

    // engine::SocialSource
    [[nodiscard]] QString sourceName() const override;
    void addSocialSink(engine::SocialSink *sink) override;

    // engine::ChainClient
    [[nodiscard]] QString chainName() const override;
    void addChainSink(engine::ChainSink *sink) override;

    //! Simulated seconds per wall second, clamped to 1..100. Thread-safe.
    void setSpeed(double speed);
    [[nodiscard]] double speed() const;
    [[nodiscard]] quint64 seed() const { return m_seed; }
    //! Simulated time at which live streaming begins (end of the warm-up).
    [[nodiscard]] qint64 startMs() const { return m_startMs; }
    [[nodiscard]] int warmUpMinutes() const { return m_warmUpMinutes; }
    //! Start of the next simulated second. Thread-safe.
    [[nodiscard]] qint64 simTimeMs() const;
    [[nodiscard]] bool isRunning() const;

    //! Longest stretch of simulated time a resume replays second by second (about 0.2 s of work);
    //! further away, the market jumps to the resume point instead (see DemoMarketWorker).
    static constexpr qint64 kMaxReplayMs = 2LL * 60 * 60 * 1000;

    //! Continues an earlier session (same seed, startMs and warm-up) at simMs,
    //! e.g. the last simTimeMs() saved before a restart. Call before the first
    //! startMarketData(). Within kMaxReplayMs of the start the same timeline is
    //! replayed; beyond it the market jumps.
    void resumeAt(qint64 simMs);

    //! Lock step with the consumer: before each simulated second the market waits until
    //! `settled()` (called on the demo thread) says everything sent so far has been handled and
    //! acted on — the engine's inbox says so (EngineInbox::isSettled). Orders decided during a
    //! second then always meet the books of that second, so a seed gives the same trades at any
    //! speed. Call before the first startMarketData(); `settled` must stay callable until this
    //! object is destroyed.
    void setStepGate(std::function<bool()> settled);

    //! Runs `f` with the simulator while it is not stepping (nullptr before the
    //! first start). For tests and diagnostics. Thread-safe.
    void inspect(const std::function<void(const MarketSimulator *)> &f) const;
    //! Ground truth of every token (tests only). Thread-safe.
    [[nodiscard]] QList<TokenTruth> groundTruth() const;

private:
    const quint64 m_seed;
    const int m_warmUpMinutes;
    const qint64 m_startMs;
    QThread m_thread;
    DemoMarketWorker *m_worker; // lives on m_thread, deleted there when the thread finishes
};

} // namespace adapters::demo
