#include "adapters/demo/evaluation/evaluationservice.h"

#include "adapters/demo/evaluation/evaluationreport.h"
#include "adapters/demo/evaluation/parallelrun.h"

#include <QPointer>
#include <QThread>

namespace adapters::demo::evaluation {

namespace {
template<typename F> void post(const QPointer<QObject> &context, F &&fn)
{
    if (context)
        QMetaObject::invokeMethod(context.data(), std::forward<F>(fn), Qt::QueuedConnection);
}
} // namespace

EvaluationService::~EvaluationService()
{
    m_cancel = true;
    if (m_worker.joinable())
        m_worker.join();
}

void EvaluationService::run(const engine::EvaluationRequest &request, QObject *context, std::function<void(double)> progress,
                            std::function<void(const engine::Result<QJsonObject> &)> done)
{
    const QPointer<QObject> ctx(context);
    const auto fail = [&](const QString &code, const QString &message) {
        const engine::Result<QJsonObject> error = engine::Error{code, message};
        post(ctx, [ctx, done, error] { if (ctx) done(error); });
    };
    QStringList problems = request.config.validate();
    if (request.lastSeed < request.firstSeed || request.lastSeed - request.firstSeed >= kMaxSeeds)
        problems << QStringLiteral("seeds must run from a first to a last seed, at most %1 of them").arg(kMaxSeeds);
    if (request.hours < 1 || request.hours > EvaluationSettings::kMaxHours)
        problems << QStringLiteral("hours must be between 1 and %1").arg(EvaluationSettings::kMaxHours);
    if (request.randomDraws < 0 || request.randomDraws > EvaluationSettings::kMaxDraws)
        problems << QStringLiteral("random draws must be between 0 and %1").arg(EvaluationSettings::kMaxDraws);
    if (request.latencyMs < 0 || request.latencyMs > EvaluationSettings::kMaxLatencyMs)
        problems << QStringLiteral("latency must be between 0 and %1 ms").arg(EvaluationSettings::kMaxLatencyMs);
    if (!problems.isEmpty())
        return fail(QStringLiteral("EVALUATION_INVALID"), problems.join(QStringLiteral("; ")));
    if (m_running.exchange(true))
        return fail(QStringLiteral("EVALUATION_BUSY"), QStringLiteral("an evaluation is running"));
    if (m_worker.joinable())
        m_worker.join(); // the previous run's thread has finished its work
    m_cancel = false;
    EvaluationSettings settings;
    for (quint64 s = request.firstSeed; s <= request.lastSeed; ++s)
        settings.seeds.append(s);
    settings.hours = request.hours;
    settings.randomDraws = request.randomDraws;
    settings.latencyMs = request.latencyMs;
    settings.config = request.config;
    m_worker = std::thread([this, settings, ctx, progress, done] {
        std::atomic<double> lastSent{-1};
        const ParallelRun run = runSeeds(settings, QThread::idealThreadCount(), &m_cancel, [&](double f, int) {
            if (f - lastSent.load() < 0.005 && f < 1)
                return; // about two hundred updates in all
            lastSent = f;
            post(ctx, [ctx, progress, f] { if (ctx && progress) progress(f); });
        });
        engine::Result<QJsonObject> result = engine::Error{QStringLiteral("EVALUATION_CANCELLED"),
                                                           QStringLiteral("cancelled before any seed finished")};
        if (!run.results.isEmpty()) {
            EvaluationSettings reported = settings;
            reported.seeds = run.seeds;
            result = evaluationToJson(reported, run.results);
        }
        m_running = false;
        post(ctx, [ctx, done, result] { if (ctx) done(result); });
    });
}

} // namespace adapters::demo::evaluation
