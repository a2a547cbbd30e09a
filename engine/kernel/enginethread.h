#pragma once

#include <QThread>

#include <functional>

namespace engine {

class TradingEngine;

//! Owns the engine thread. The TradingEngine is moved onto it; everything the
//! engine does afterwards happens there.
class EngineThread {
public:
    explicit EngineThread(TradingEngine *engine);
    //! Stops the thread after the engine's last queued work; deletes the engine.
    ~EngineThread();
    EngineThread(const EngineThread &) = delete;
    EngineThread &operator=(const EngineThread &) = delete;

    void start();
    //! Runs `fn` on the engine thread and waits for it (startup, tests, shutdown only).
    void runBlocking(const std::function<void()> &fn);
    [[nodiscard]] TradingEngine *engine() const { return m_engine; }

private:
    QThread m_thread;
    TradingEngine *m_engine;
};

} // namespace engine
