#pragma once

#include "engine/backtest/backtestrun.h"

#include <QList>
#include <QPointer>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

class QObject;

namespace engine {

//! Runs backtests one at a time on a worker thread of its own (never on the engine's), keeps the
//! session's runs for the view to show and compare, and can cancel the one running.
class BacktestService {
public:
    BacktestService() = default;
    ~BacktestService();
    BacktestService(const BacktestService &) = delete;
    BacktestService &operator=(const BacktestService &) = delete;

    using RunPtr = BacktestRunPtr;
    //! Starts a run; `progress` (0..1) and `done` are called on `context`'s thread. BACKTEST_BUSY
    //! when one is running.
    void run(const BacktestRequest &request, QObject *context, std::function<void(double)> progress,
             std::function<void(const Result<RunPtr> &)> done);
    void cancel() { m_cancel = true; }
    //! Keeps every finished run as a JSON file in `dir` (created if needed) and loads the newest
    //! kKept already there, so past runs survive a restart (without their candles, which stay in
    //! the file they came from). Unreadable files are skipped and named in the returned list.
    QStringList setStoreDir(const QString &dir);
    //! This session's runs, oldest first (the last kKept).
    [[nodiscard]] QList<RunPtr> runs() const;

    static constexpr int kKept = 20;

private:
    Result<RunPtr> execute(const BacktestRequest &request, const std::function<void(double)> &progress);

    mutable std::mutex m_lock;
    QList<RunPtr> m_runs;
    int m_nextId = 1;
    QString m_storeDir;
    std::atomic<bool> m_running{false};
    std::atomic<bool> m_cancel{false};
    std::thread m_worker;
};

} // namespace engine
