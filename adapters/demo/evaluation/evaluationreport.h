#pragma once

#include "adapters/demo/evaluation/evaluationrunner.h"

#include <QJsonObject>
#include <QString>

namespace adapters::demo::evaluation {

//! A mean over seeds with its 95 % confidence interval (Student's t).
struct Estimate {
    double mean = 0;
    double low = 0;
    double high = 0;
    int n = 0;
};

[[nodiscard]] Estimate estimate(const std::vector<double> &values);

//! The evaluation's report: per seed and in aggregate, the strategy next to random entries (the
//! mean of the draws on each seed) and buy-and-hold, the paired differences, and the strategy's
//! entries and PnL by the simulator's ground-truth regime. Results are in seed order, so the same
//! inputs give byte-identical JSON however the seeds were scheduled.
[[nodiscard]] QJsonObject evaluationToJson(const EvaluationSettings &settings, const QList<SeedResult> &results);
//! The same for a person: a table of the aggregate and the regimes.
[[nodiscard]] QString evaluationToText(const EvaluationSettings &settings, const QList<SeedResult> &results);

} // namespace adapters::demo::evaluation
