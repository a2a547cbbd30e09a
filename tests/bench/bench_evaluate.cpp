#include "tests/bench/bench_evaluate.h"

#include "adapters/demo/evaluation/parallelrun.h"

#include <QThread>

QJsonObject benchEvaluate(int seeds, int hours, int draws)
{
    adapters::demo::evaluation::EvaluationSettings s;
    for (int i = 1; i <= seeds; ++i)
        s.seeds.append(quint64(i));
    s.hours = hours;
    s.randomDraws = draws;
    const adapters::demo::evaluation::ParallelRun run = adapters::demo::evaluation::runSeeds(s, QThread::idealThreadCount(), nullptr, {});
    int trades = 0;
    for (const auto &r : run.results)
        trades += r.strategy.trades;
    const double simHours = double(run.results.size()) * hours;
    return {{QStringLiteral("seeds"), seeds},
            {QStringLiteral("hours_per_seed"), hours},
            {QStringLiteral("random_draws"), draws},
            {QStringLiteral("threads"), run.threads},
            {QStringLiteral("seconds"), run.seconds},
            {QStringLiteral("simulated_hours_per_second"), run.seconds > 0 ? simHours / run.seconds : 0.0},
            {QStringLiteral("strategy_entries"), trades}};
}
