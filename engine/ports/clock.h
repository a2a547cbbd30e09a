#pragma once

#include <QtGlobal>

#include <atomic>

namespace engine {

//! All engine time goes through a Clock, so a backtest or the demo market can run
//! the same code on simulated time.
class Clock {
public:
    virtual ~Clock() = default;
    //! Milliseconds since the Unix epoch.
    [[nodiscard]] virtual qint64 nowMs() const = 0;
};

//! The real time of the machine.
class WallClock final : public Clock {
public:
    [[nodiscard]] qint64 nowMs() const override;
};

//! Time taken from the events themselves (demo market, backtest replay): it only
//! moves forward, to the newest event timestamp seen. Thread-safe.
class EventClock final : public Clock {
public:
    explicit EventClock(qint64 startMs = 0) : m_now(startMs) {}
    [[nodiscard]] qint64 nowMs() const override { return m_now.load(std::memory_order_relaxed); }
    void advanceTo(qint64 tsMs);

private:
    std::atomic<qint64> m_now;
};

} // namespace engine
