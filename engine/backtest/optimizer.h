#pragma once

#include "engine/backtest/backtester.h"
#include "engine/backtest/searchspace.h"

#include <QList>
#include <QMap>

#include <atomic>
#include <functional>
#include <optional>

namespace engine {

//! A parameter search over one strategy (docs/backtesting.md, "Parameter search").
struct OptimizeConfig {
    enum class Method { Grid, Random };
    QString strategy;
    SearchSpace space;
    Method method = Method::Grid;
    int samples = 100;   // Random: combinations drawn (without repeats)
    quint64 seed = 1;    // Random: the same seed draws the same combinations
    QString objective = QStringLiteral("sharpe"); // what is maximised, a metric name of the JSON
    BacktestConfig backtest;
    //! Without walk-forward: the last part of the bars held out for the out-of-sample figures.
    double outOfSample = 0.3;
    //! Walk-forward: the bars cut into folds + 1 equal slices; fold k searches on slice k and is
    //! tested on slice k + 1. 0 = one in-sample / out-of-sample split.
    int walkForward = 0;
    int threads = 0; // 0 = every core
    int keep = 20;   // best combinations reported (each also run out of sample)
};

struct OptimizeEntry {
    QMap<QString, double> params;
    BacktestMetrics inSample;
    std::optional<BacktestMetrics> outOfSample;
    double score = 0; // the objective in sample (-inf when it has no value)
};

struct WalkForwardFold {
    qint64 inFromMs = 0, inToMs = 0, outFromMs = 0, outToMs = 0;
    QMap<QString, double> params; // the best in sample
    BacktestMetrics inSample;
    BacktestMetrics outOfSample;
};

struct OptimizeResult {
    QList<OptimizeEntry> best; // best first
    QList<WalkForwardFold> folds;
    qint64 inFromMs = 0, inToMs = 0, outFromMs = 0, outToMs = 0; // the split, without walk-forward
    qint64 evaluated = 0; // backtests run
    int threads = 0;
    double seconds = 0;
    bool cancelled = false;
};

//! Runs the combinations on all cores, each a full backtest over bars held in memory (read once,
//! shared by the threads). Deterministic: the same inputs give the same ranking, however many
//! threads ran it.
class Optimizer {
public:
    explicit Optimizer(OptimizeConfig config);
    //! From the calling thread, about every 200 ms: combinations done of all, seconds so far and left.
    using Progress = std::function<void(qint64 done, qint64 total, double elapsed, double remaining)>;
    Result<OptimizeResult> run(const QList<Candle> &bars, const Progress &progress = {},
                               const std::atomic<bool> *cancel = nullptr);

    //! The objective's value in a run's metrics; nullopt when it has none (no trades, …).
    static std::optional<double> objective(const BacktestMetrics &m, const QString &name);
    [[nodiscard]] static QStringList objectives();

private:
    OptimizeConfig m_config;
};

} // namespace engine
