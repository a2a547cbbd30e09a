#include "engine/backtest/optimizer.h"

#include "engine/backtest/barstrategies.h"
#include "engine/backtest/memorybars.h"

#include <QElapsedTimer>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>
#include <mutex>
#include <random>
#include <thread>

namespace engine {

namespace {

constexpr double kNoScore = -std::numeric_limits<double>::infinity();

struct Slice {
    qsizetype from = 0;
    qsizetype to = 0;
};

//! The indexes of the grid to try.
QList<qint64> candidates(const OptimizeConfig &c)
{
    const qint64 size = c.space.size();
    QList<qint64> out;
    if (c.method == OptimizeConfig::Method::Grid || c.samples >= size) {
        out.reserve(size);
        for (qint64 i = 0; i < size; ++i)
            out << i;
        return out;
    }
    std::mt19937_64 rng(c.seed);
    std::uniform_int_distribution<qint64> pick(0, size - 1);
    QSet<qint64> seen;
    while (out.size() < c.samples) {
        const qint64 i = pick(rng);
        if (!seen.contains(i)) {
            seen.insert(i);
            out << i;
        }
    }
    return out;
}

// The index of the first bar at or after time t (bars are in time order).
qsizetype indexAt(const QList<Candle> &bars, qint64 t)
{
    return std::lower_bound(bars.cbegin(), bars.cend(), t, [](const Candle &c, qint64 v) { return c.openTimeMs < v; })
           - bars.cbegin();
}

} // namespace

QStringList Optimizer::objectives()
{
    return {QStringLiteral("sharpe"), QStringLiteral("sortino"), QStringLiteral("calmar"), QStringLiteral("total_return"),
            QStringLiteral("cagr"), QStringLiteral("profit_factor"), QStringLiteral("win_rate")};
}

std::optional<double> Optimizer::objective(const BacktestMetrics &m, const QString &name)
{
    if (name == QLatin1String("sharpe"))
        return m.sharpe;
    if (name == QLatin1String("sortino"))
        return m.sortino;
    if (name == QLatin1String("calmar"))
        return m.calmar;
    if (name == QLatin1String("total_return"))
        return m.totalReturn;
    if (name == QLatin1String("cagr"))
        return m.cagr;
    if (name == QLatin1String("profit_factor"))
        return m.profitFactor;
    if (name == QLatin1String("win_rate"))
        return m.winRate;
    return std::nullopt;
}

Optimizer::Optimizer(OptimizeConfig config) : m_config(std::move(config)) {}

Result<OptimizeResult> Optimizer::run(const QList<Candle> &bars, const Progress &progress, const std::atomic<bool> *cancel)
{
    const OptimizeConfig &c = m_config;
    if (!objectives().contains(c.objective))
        return Error{QStringLiteral("OBJECTIVE_UNKNOWN"),
                     QStringLiteral("no objective '%1' (there are: %2)").arg(c.objective, objectives().join(QStringLiteral(", ")))};
    if (bars.size() < 2)
        return Error{QStringLiteral("BAR_DATA_INVALID"), QStringLiteral("a search needs bars")};
    if (c.walkForward < 0 || c.walkForward > 100 || !(c.outOfSample >= 0 && c.outOfSample < 1))
        return Error{QStringLiteral("OPTIMIZE_INVALID"), QStringLiteral("walk-forward folds 0..100 and an out-of-sample share from 0 to below 1")};
    // Every combination must make a strategy; the first that cannot says why, before anything runs.
    const QList<qint64> tried = candidates(c);
    for (qint64 i : tried) {
        if (auto made = makeBarStrategy(c.strategy, c.space.at(i)); !made)
            return made.error();
    }

    // The windows: one split, or the walk-forward slices (by time, on bar boundaries).
    const qint64 first = bars.first().openTimeMs;
    const qint64 last = bars.last().openTimeMs;
    QList<Slice> searchOn;
    QList<Slice> testOn;
    const int folds = c.walkForward;
    if (folds == 0) {
        const qint64 cut = c.outOfSample > 0 ? first + qint64(double(last - first) * (1.0 - c.outOfSample)) : last + 1;
        const qsizetype cutAt = indexAt(bars, cut);
        searchOn << Slice{0, cutAt};
        testOn << Slice{cutAt, bars.size()};
    } else {
        const qint64 width = (last - first + 1) / (folds + 1);
        for (int k = 0; k < folds; ++k) {
            const qsizetype a = indexAt(bars, first + width * k);
            const qsizetype b = indexAt(bars, first + width * (k + 1));
            const qsizetype e = k + 1 == folds ? bars.size() : indexAt(bars, first + width * (k + 2));
            searchOn << Slice{a, b};
            testOn << Slice{b, e};
        }
    }

    // Every (window, combination) backtest, spread over the threads.
    const qint64 perWindow = tried.size();
    const qint64 total = perWindow * searchOn.size();
    std::vector<OptimizeEntry> results(static_cast<std::size_t>(total));
    std::atomic<qint64> next{0};
    std::atomic<qint64> done{0};
    std::atomic<bool> stop{false};
    std::mutex errorLock;
    std::optional<Error> failure;
    const auto runOne = [&](const QMap<QString, double> &params, Slice s) -> Result<BacktestMetrics> {
        auto strategy = makeBarStrategy(c.strategy, params);
        if (!strategy)
            return strategy.error();
        MemoryBars replay(bars, s.from, s.to);
        const Result<BacktestResult> r = Backtester(c.backtest, *strategy.value()).run(replay);
        if (!r)
            return r.error();
        return r->metrics;
    };
    const auto worker = [&] {
        while (!stop.load()) {
            const qint64 job = next.fetch_add(1);
            if (job >= total)
                return;
            const qint64 window = job / perWindow;
            OptimizeEntry &e = results[std::size_t(job)];
            e.params = c.space.at(tried.at(job % perWindow));
            const Result<BacktestMetrics> m = runOne(e.params, searchOn.at(window));
            if (!m) {
                std::lock_guard lock(errorLock);
                failure = m.error();
                stop = true;
                return;
            }
            e.inSample = m.value();
            e.score = objective(e.inSample, c.objective).value_or(kNoScore);
            done.fetch_add(1);
        }
    };
    OptimizeResult out;
    out.threads = int(std::clamp<qint64>(c.threads > 0 ? c.threads : std::max(1u, std::thread::hardware_concurrency()), 1, total));
    QElapsedTimer clock;
    clock.start();
    std::vector<std::thread> pool;
    for (int t = 0; t < out.threads; ++t)
        pool.emplace_back(worker);
    while (done.load() < total && !stop.load()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        if (cancel && cancel->load()) {
            stop = true;
            out.cancelled = true;
        }
        if (progress) {
            const double elapsed = double(clock.nsecsElapsed()) / 1e9;
            const qint64 d = done.load();
            progress(d, total, elapsed, d > 0 ? elapsed * double(total - d) / double(d) : 0);
        }
    }
    for (std::thread &t : pool)
        t.join();
    if (failure)
        return *failure;
    out.evaluated = done.load();

    // Ranking: the objective, ties by the order tried, so the threads' timing never shows.
    const auto ranked = [&](qint64 window) {
        std::vector<qint64> order;
        for (qint64 i = 0; i < perWindow; ++i)
            order.push_back(window * perWindow + i);
        std::stable_sort(order.begin(), order.end(), [&](qint64 a, qint64 b) {
            return results[std::size_t(a)].score > results[std::size_t(b)].score;
        });
        return order;
    };
    if (!out.cancelled) {
        if (folds == 0) {
            out.inFromMs = first;
            out.inToMs = searchOn.first().to > 0 ? bars.at(searchOn.first().to - 1).openTimeMs : first;
            const bool holdout = testOn.first().to > testOn.first().from;
            if (holdout) {
                out.outFromMs = bars.at(testOn.first().from).openTimeMs;
                out.outToMs = last;
            }
            const std::vector<qint64> order = ranked(0);
            for (std::size_t i = 0; i < order.size() && int(i) < c.keep; ++i) {
                OptimizeEntry e = results[std::size_t(order[i])];
                if (holdout) {
                    const Result<BacktestMetrics> oos = runOne(e.params, testOn.first());
                    if (oos)
                        e.outOfSample = oos.value();
                }
                out.best << e;
            }
        } else {
            for (int k = 0; k < folds; ++k) {
                const OptimizeEntry &winner = results[std::size_t(ranked(k).front())];
                WalkForwardFold f;
                f.params = winner.params;
                f.inSample = winner.inSample;
                const Slice in = searchOn.at(k);
                const Slice test = testOn.at(k);
                f.inFromMs = in.to > in.from ? bars.at(in.from).openTimeMs : 0;
                f.inToMs = in.to > in.from ? bars.at(in.to - 1).openTimeMs : 0;
                f.outFromMs = test.to > test.from ? bars.at(test.from).openTimeMs : 0;
                f.outToMs = test.to > test.from ? bars.at(test.to - 1).openTimeMs : 0;
                if (const Result<BacktestMetrics> oos = runOne(f.params, test); oos)
                    f.outOfSample = oos.value();
                out.folds << f;
            }
        }
    }
    out.seconds = double(clock.nsecsElapsed()) / 1e9;
    return out;
}

} // namespace engine
