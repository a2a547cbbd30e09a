#pragma once

#include "adapters/demo/demoevent.h"
#include "adapters/demo/marketsimulator.h"
#include "adapters/demo/tokentruth.h"

#include "engine/ports/chainclient.h"
#include "engine/ports/marketdataclient.h"
#include "engine/ports/socialsource.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QObject>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

class QTimer;

namespace adapters::demo {

//! Runs a MarketSimulator on DemoMarket's thread: warm-up, then `speed` simulated
//! seconds per wall second from a timer, fanning every event out to the sinks.
//! start()/stop() run on the worker's thread; the rest is callable from anywhere.
class DemoMarketWorker final : public QObject {
public:
    DemoMarketWorker(quint64 seed, qint64 liveStartMs, int warmUpMinutes, double speed);
    ~DemoMarketWorker() override;

    void addMarketSink(engine::MarketDataSink *sink);
    void addSocialSink(engine::SocialSink *sink);
    void addChainSink(engine::ChainSink *sink);

    //! Clamped to [1, 100].
    void setSpeed(double speed);
    [[nodiscard]] double speed() const { return m_speed.load(); }
    [[nodiscard]] qint64 simTimeMs() const { return m_simTimeMs.load(); }
    [[nodiscard]] bool isRunning() const { return m_running.load(); }
    //! Lock step: before each simulated second the worker waits (within its tick) until `settled`
    //! says the consumer has handled everything sent so far. Set before start().
    void setStepGate(std::function<bool()> settled) { m_gate = std::move(settled); }
    //! Continue an earlier session at simMs; only before the first start().
    void setResumeAt(qint64 simMs);
    //! Runs `f` on the caller's thread while the simulator is not stepping.
    //! `f` sees nullptr before the first start().
    void inspect(const std::function<void(const MarketSimulator *)> &f) const;

    // Worker thread only.
    void start();
    void stop();

private:
    void tick();
    MarketSimulator::History createSimulator();
    //! Waits for the gate until `budget` has run for half a tick; false when it stayed shut.
    bool waitForGate(const QElapsedTimer &budget) const;
    void dispatch(const std::vector<DemoEvent> &events, const QList<engine::Instrument> *instruments);
    [[nodiscard]] QString connectionDetail() const;

    const quint64 m_seed;
    const qint64 m_liveStartMs;
    const int m_warmUpMinutes;
    qint64 m_resumeAtMs = 0;

    mutable QMutex m_simMutex; // guards m_sim
    std::unique_ptr<MarketSimulator> m_sim;

    mutable QMutex m_sinkMutex; // guards the sink lists
    std::vector<engine::MarketDataSink *> m_marketSinks;
    std::vector<engine::SocialSink *> m_socialSinks;
    std::vector<engine::ChainSink *> m_chainSinks;

    std::atomic<double> m_speed;
    std::atomic<qint64> m_simTimeMs;
    std::atomic<bool> m_running{false};
    QTimer *m_timer;
    QElapsedTimer m_wall;
    double m_accumulatedMs = 0;
    int m_sentRevision = 0;
    std::function<bool()> m_gate;
};

} // namespace adapters::demo
