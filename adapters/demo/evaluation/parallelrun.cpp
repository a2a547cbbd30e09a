#include "adapters/demo/evaluation/parallelrun.h"

#include <QElapsedTimer>

#include <algorithm>
#include <mutex>
#include <thread>
#include <vector>

namespace adapters::demo::evaluation {

ParallelRun runSeeds(const EvaluationSettings &settings, int threads, const std::atomic<bool> *cancel,
                     const std::function<void(double, int)> &progress)
{
    const int n = int(settings.seeds.size());
    ParallelRun run;
    run.threads = std::max(1, std::min(threads, n));
    std::vector<SeedResult> results(std::size_t(std::max(0, n)));
    std::vector<char> finished(std::size_t(std::max(0, n)), 0);
    std::vector<double> fraction(std::size_t(std::max(0, n)), 0);
    std::mutex lock;
    std::atomic<int> next{0};
    int done = 0;
    const auto report = [&](int index, double f) {
        double sum = 0;
        int seedsDone = 0;
        {
            std::lock_guard guard(lock);
            fraction[std::size_t(index)] = f;
            for (double x : fraction)
                sum += x;
            seedsDone = done;
        }
        if (progress)
            progress(sum / std::max(1, n), seedsDone);
    };
    QElapsedTimer wall;
    wall.start();
    std::vector<std::thread> workers;
    for (int t = 0; t < run.threads; ++t) {
        workers.emplace_back([&] {
            for (int i = next++; i < n && !(cancel && cancel->load()); i = next++) {
                SeedResult r = runSeed(settings.seeds.at(i), settings, cancel, [&, i](double f) { report(i, f); });
                {
                    std::lock_guard guard(lock);
                    finished[std::size_t(i)] = r.cancelled ? 0 : 1;
                    results[std::size_t(i)] = std::move(r);
                    done += finished[std::size_t(i)];
                }
                report(i, 1);
            }
        });
    }
    for (std::thread &w : workers)
        w.join();
    run.seconds = double(wall.elapsed()) / 1000;
    for (int i = 0; i < n; ++i) {
        if (finished[std::size_t(i)]) {
            run.results.append(results[std::size_t(i)]);
            run.seeds.append(settings.seeds.at(i));
        } else {
            run.cancelled = true;
        }
    }
    return run;
}

} // namespace adapters::demo::evaluation
