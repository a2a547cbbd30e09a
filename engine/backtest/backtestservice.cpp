#include "engine/backtest/backtestservice.h"

#include "engine/backtest/barstrategies.h"
#include "engine/backtest/csvbarreader.h"
#include "engine/backtest/mergedbars.h"

#include "engine/backtest/backtestjson.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>
#include <QMetaObject>
#include <QObject>

namespace engine {

namespace {

//! Passes bars through and keeps one symbol's candles for the chart.
class ChartTee final : public BarSource {
public:
    ChartTee(BarSource &inner, ChartBars &chart) : m_inner(inner), m_chart(chart) {}
    Result<bool> next(Candle &bar) override
    {
        Result<bool> got = m_inner.next(bar);
        if (got && got.value() && bar.symbol == m_chart.symbol) {
            m_chart.timeMs.append(bar.openTimeMs);
            m_chart.open.append(float(bar.open.toDouble()));
            m_chart.high.append(float(bar.high.toDouble()));
            m_chart.low.append(float(bar.low.toDouble()));
            m_chart.close.append(float(bar.close.toDouble()));
        }
        return got;
    }

private:
    BarSource &m_inner;
    ChartBars &m_chart;
};

} // namespace

BacktestService::~BacktestService()
{
    m_cancel = true;
    if (m_worker.joinable())
        m_worker.join();
}

QStringList BacktestService::setStoreDir(const QString &dir)
{
    QStringList skipped;
    QDir().mkpath(dir);
    QList<RunPtr> loaded;
    const QFileInfoList files = QDir(dir).entryInfoList({QStringLiteral("run-*.json")}, QDir::Files);
    for (const QFileInfo &info : files) {
        QFile f(info.filePath());
        const QJsonDocument doc = f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()) : QJsonDocument();
        Result<BacktestRun> run = doc.isObject() ? backtestRunFromJson(doc.object())
                                                 : Result<BacktestRun>(Error{QStringLiteral("BACKTEST_RUN_UNREADABLE"), QStringLiteral("not JSON")});
        if (!run) {
            skipped << QStringLiteral("%1: %2").arg(info.fileName(), run.error().message);
            continue;
        }
        loaded << std::make_shared<const BacktestRun>(std::move(run.value()));
    }
    std::sort(loaded.begin(), loaded.end(), [](const RunPtr &a, const RunPtr &b) { return a->id < b->id; });
    std::lock_guard lock(m_lock);
    m_storeDir = dir;
    m_runs = loaded.mid(std::max<qsizetype>(0, loaded.size() - kKept));
    if (!loaded.isEmpty())
        m_nextId = loaded.last()->id + 1;
    return skipped;
}

QList<BacktestService::RunPtr> BacktestService::runs() const
{
    std::lock_guard lock(m_lock);
    return m_runs;
}

void BacktestService::run(const BacktestRequest &request, QObject *context, std::function<void(double)> progress,
                          std::function<void(const Result<RunPtr> &)> done)
{
    QPointer<QObject> target(context);
    if (m_running.exchange(true)) {
        QMetaObject::invokeMethod(context, [done] { done(Error{QStringLiteral("BACKTEST_BUSY"), QStringLiteral("a backtest is already running")}); },
                                  Qt::QueuedConnection);
        return;
    }
    if (m_worker.joinable())
        m_worker.join(); // the previous run's thread, already finished
    m_cancel = false;
    m_worker = std::thread([this, request, target, progress = std::move(progress), done = std::move(done)] {
        const auto report = [target, progress](double fraction) {
            if (target && progress)
                QMetaObject::invokeMethod(target.data(), [progress, fraction] { progress(fraction); }, Qt::QueuedConnection);
        };
        const Result<RunPtr> result = execute(request, report);
        m_running = false;
        if (target)
            QMetaObject::invokeMethod(target.data(), [done, result] { done(result); }, Qt::QueuedConnection);
    });
}

Result<BacktestService::RunPtr> BacktestService::execute(const BacktestRequest &request, const std::function<void(double)> &progress)
{
    if (request.symbols.isEmpty())
        return Error{QStringLiteral("BACKTEST_INVALID"), QStringLiteral("pick at least one symbol")};
    auto strategy = makeBarStrategy(request.strategy, request.params);
    if (!strategy)
        return strategy.error();
    std::vector<std::unique_ptr<BarSource>> sources;
    const CsvBarReader *first = nullptr;
    for (const QString &s : request.symbols) {
        auto reader = std::make_unique<CsvBarReader>(request.dataPath, s, request.fromMs, request.toMs);
        if (!first)
            first = reader.get();
        sources.push_back(std::move(reader));
    }
    MergedBars merged(std::move(sources));
    auto run = std::make_shared<BacktestRun>();
    run->request = request;
    run->chart.symbol = request.symbols.first();
    ChartTee bars(merged, run->chart);
    QElapsedTimer clock;
    clock.start();
    // Progress by how far the first symbol's reader is through the file.
    const auto onProgress = [&](qint64) {
        if (first && first->fileSize() > 0)
            progress(double(first->bytesRead()) / double(first->fileSize()));
        return !m_cancel.load();
    };
    Result<BacktestResult> result = Backtester(request.config, *strategy.value()).run(bars, onProgress, 20'000);
    if (!result)
        return result.error();
    if (result->cancelled)
        return Error{QStringLiteral("BACKTEST_CANCELLED"), QStringLiteral("the backtest was cancelled")};
    run->result = std::move(result.value());
    run->seconds = double(clock.nsecsElapsed()) / 1e9;
    progress(1.0);
    std::lock_guard lock(m_lock);
    run->id = m_nextId++;
    m_runs << run;
    while (m_runs.size() > kKept)
        m_runs.removeFirst();
    if (!m_storeDir.isEmpty()) {
        QSaveFile f(QDir(m_storeDir).filePath(QStringLiteral("run-%1.json").arg(run->id, 6, 10, QLatin1Char('0'))));
        if (f.open(QIODevice::WriteOnly)) {
            f.write(QJsonDocument(backtestRunToJson(*run)).toJson(QJsonDocument::Compact));
            f.commit(); // a run that cannot be kept is still shown; it only will not come back
        }
    }
    return RunPtr(run);
}

} // namespace engine
