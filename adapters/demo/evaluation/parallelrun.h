#pragma once

#include "adapters/demo/evaluation/evaluationrunner.h"

#include <atomic>
#include <functional>

namespace adapters::demo::evaluation {

//! Runs every seed of `settings` on `threads` worker threads (one seed at a time each) and returns
//! the finished ones in seed order, whatever order they finished in. `progress` (0..1 over all
//! seeds) is called from the workers, at most once a simulated minute per seed; `cancel` stops
//! them at the next simulated minute (the unfinished seeds are left out).
struct ParallelRun {
    QList<SeedResult> results; // finished seeds, in the order of settings.seeds
    QList<quint64> seeds;      // their seeds
    double seconds = 0;        // wall time
    int threads = 1;
    bool cancelled = false;
};

[[nodiscard]] ParallelRun runSeeds(const EvaluationSettings &settings, int threads, const std::atomic<bool> *cancel,
                                   const std::function<void(double fraction, int seedsDone)> &progress);

} // namespace adapters::demo::evaluation
