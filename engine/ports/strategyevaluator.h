#pragma once

#include "engine/api/botconfig.h"
#include "engine/core/result.h"

#include <QJsonObject>
#include <QObject>

#include <functional>

namespace engine {

//! What the Evaluation tab asks for: the engine's strategy, with the given configuration, on the
//! simulated market over seeds firstSeed..lastSeed, next to random entries and buy-and-hold.
struct EvaluationRequest {
    quint64 firstSeed = 1;
    quint64 lastSeed = 10;
    int hours = 24;
    int randomDraws = 20;
    qint64 latencyMs = 250;
    BotConfig config;
};

//! Runs strategy evaluations (adapters/demo/evaluation implements it with the demo market). The report
//! is the same JSON `memedesk evaluate --json` prints (docs/strategy.md).
class StrategyEvaluator {
public:
    virtual ~StrategyEvaluator() = default;
    //! Starts a run on worker threads; `progress` (0..1) and `done` run on `context`'s thread.
    //! EVALUATION_BUSY while one runs; EVALUATION_CANCELLED after cancel() with nothing finished.
    virtual void run(const EvaluationRequest &request, QObject *context, std::function<void(double)> progress,
                     std::function<void(const Result<QJsonObject> &)> done) = 0;
    virtual void cancel() = 0;
};

} // namespace engine
