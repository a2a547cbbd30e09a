#pragma once

#include "engine/ports/strategyevaluator.h"

#include <atomic>
#include <thread>

namespace adapters::demo::evaluation {

//! The StrategyEvaluator behind the Evaluation tab: the same runs and report as `memedesk
//! evaluate`, on a worker thread that spreads the seeds over the cores.
class EvaluationService final : public engine::StrategyEvaluator {
public:
    EvaluationService() = default;
    ~EvaluationService() override;
    EvaluationService(const EvaluationService &) = delete;
    EvaluationService &operator=(const EvaluationService &) = delete;

    void run(const engine::EvaluationRequest &request, QObject *context, std::function<void(double)> progress,
             std::function<void(const engine::Result<QJsonObject> &)> done) override;
    void cancel() override { m_cancel = true; }

    //! Largest number of seeds one request may ask for.
    static constexpr quint64 kMaxSeeds = 1000;

private:
    std::atomic<bool> m_running{false};
    std::atomic<bool> m_cancel{false};
    std::thread m_worker;
};

} // namespace adapters::demo::evaluation
