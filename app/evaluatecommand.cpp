#include "app/evaluatecommand.h"

#include "app/quitsignals.h"

#include "adapters/demo/evaluation/evaluationreport.h"
#include "adapters/demo/evaluation/parallelrun.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSaveFile>
#include <QThread>

#include <atomic>
#include <cstdio>
#include <memory>

namespace app {

namespace {

constexpr int kUsage = 2;
constexpr int kCancelled = 3;
constexpr int kMaxSeeds = 100'000;

//! "1-50", "3", "1,4,9-12".
std::optional<QList<quint64>> parseSeeds(const QString &text, QString *error)
{
    QList<quint64> seeds;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList range = part.trimmed().split(QLatin1Char('-'));
        bool okA = false, okB = true;
        const quint64 a = range.value(0).toULongLong(&okA);
        const quint64 b = range.size() == 2 ? range.value(1).toULongLong(&okB) : a;
        if (range.size() > 2 || !okA || !okB || b < a || b - a >= kMaxSeeds) {
            *error = QStringLiteral("--seeds: \"%1\" is not a seed or a range like 1-50").arg(part);
            return std::nullopt;
        }
        for (quint64 s = a; s <= b; ++s) {
            if (!seeds.contains(s))
                seeds.append(s);
        }
        if (seeds.size() > kMaxSeeds) {
            *error = QStringLiteral("--seeds: at most %1 seeds").arg(kMaxSeeds);
            return std::nullopt;
        }
    }
    if (seeds.isEmpty())
        *error = QStringLiteral("--seeds: no seed given");
    return seeds.isEmpty() ? std::nullopt : std::optional(seeds);
}

//! key=value pairs applied to the Trading Config's JSON (strategy and risk keys), validated as a whole.
std::optional<engine::BotConfig> parseParams(const QStringList &params, QString *error)
{
    const engine::BotConfig base;
    const QJsonObject json = base.toJson();
    QJsonObject strategy = json[QStringLiteral("strategy")].toObject();
    QJsonObject risk = json[QStringLiteral("risk")].toObject();
    QJsonObject top;
    for (const QString &p : params) {
        const qsizetype eq = p.indexOf(QLatin1Char('='));
        const QString key = p.left(eq).trimmed();
        const QString value = p.mid(eq + 1).trimmed();
        if (eq <= 0 || value.isEmpty()) {
            *error = QStringLiteral("--param: \"%1\" is not key=value").arg(p);
            return std::nullopt;
        }
        QJsonObject *target = strategy.contains(key) ? &strategy : risk.contains(key) ? &risk : nullptr;
        const QJsonValue old = target ? target->value(key) : json.value(key);
        if (!target && key != QLatin1String("startingCash")) {
            *error = QStringLiteral("--param: unknown key \"%1\"; the keys are those of the Trading Config: %2, %3, startingCash")
                         .arg(key, QStringList(strategy.keys()).join(QStringLiteral(", ")), QStringList(risk.keys()).join(QStringLiteral(", ")));
            return std::nullopt;
        }
        bool ok = true;
        const QJsonValue v = old.isString() ? QJsonValue(value) : QJsonValue(value.toDouble(&ok));
        if (!ok) {
            *error = QStringLiteral("--param %1: \"%2\" is not a number").arg(key, value);
            return std::nullopt;
        }
        (target ? *target : top).insert(key, v);
    }
    top.insert(QStringLiteral("strategy"), strategy);
    top.insert(QStringLiteral("risk"), risk);
    QStringList errors;
    const engine::BotConfig config = engine::BotConfig::fromJson(top, base, &errors);
    errors += config.validate();
    if (!errors.isEmpty()) {
        *error = QStringLiteral("--param: %1").arg(errors.join(QStringLiteral("; ")));
        return std::nullopt;
    }
    return config;
}

} // namespace

int runEvaluateCommand(const QStringList &arguments)
{
    QuitSignals::install();
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Evaluates a strategy on the simulated meme market against random entries and buy-and-hold."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("evaluate"), QStringLiteral("the command"));
    const QCommandLineOption seedsOpt(QStringLiteral("seeds"), QStringLiteral("Seeds: 1-50, or 1,4,9-12."), QStringLiteral("list"), QStringLiteral("1-50"));
    const QCommandLineOption hoursOpt(QStringLiteral("hours"), QStringLiteral("Simulated hours per seed (1..720)."), QStringLiteral("n"), QStringLiteral("24"));
    const QCommandLineOption strategyOpt(QStringLiteral("strategy"), QStringLiteral("Strategy to evaluate."), QStringLiteral("name"),
                                         QStringLiteral("momentum_social"));
    const QCommandLineOption paramOpt(QStringLiteral("param"), QStringLiteral("A Trading Config value, e.g. entryScore=0.6 (repeatable)."),
                                      QStringLiteral("key=value"));
    const QCommandLineOption drawsOpt(QStringLiteral("draws"), QStringLiteral("Random-entry accounts per seed (0..200)."), QStringLiteral("n"),
                                      QStringLiteral("20"));
    const QCommandLineOption latencyOpt(QStringLiteral("latency-ms"), QStringLiteral("Simulated order latency (0..60000 ms)."), QStringLiteral("ms"),
                                        QStringLiteral("250"));
    const QCommandLineOption threadsOpt(QStringLiteral("threads"), QStringLiteral("Worker threads (default: all cores)."), QStringLiteral("n"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("Print the report as JSON."));
    const QCommandLineOption outputOpt(QStringLiteral("output"), QStringLiteral("Also write the JSON report to this file."), QStringLiteral("file"));
    parser.addOptions({seedsOpt, hoursOpt, strategyOpt, paramOpt, drawsOpt, latencyOpt, threadsOpt, jsonOpt, outputOpt});
    if (!parser.parse(arguments)) {
        fprintf(stderr, "evaluate: %s\n", qPrintable(parser.errorText()));
        return kUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        fprintf(stdout, "%s", qPrintable(parser.helpText()));
        return 0;
    }
    const auto usage = [](const QString &message) {
        fprintf(stderr, "evaluate: %s\n", qPrintable(message));
        return kUsage;
    };
    adapters::demo::evaluation::EvaluationSettings s;
    QString error;
    const auto seeds = parseSeeds(parser.value(seedsOpt), &error);
    if (!seeds)
        return usage(error);
    s.seeds = *seeds;
    bool ok = false;
    s.hours = parser.value(hoursOpt).toInt(&ok);
    if (!ok || s.hours < 1 || s.hours > s.kMaxHours)
        return usage(QStringLiteral("--hours must be a whole number from 1 to %1").arg(s.kMaxHours));
    s.randomDraws = parser.value(drawsOpt).toInt(&ok);
    if (!ok || s.randomDraws < 0 || s.randomDraws > s.kMaxDraws)
        return usage(QStringLiteral("--draws must be a whole number from 0 to %1").arg(s.kMaxDraws));
    s.latencyMs = parser.value(latencyOpt).toLongLong(&ok);
    if (!ok || s.latencyMs < 0 || s.latencyMs > s.kMaxLatencyMs)
        return usage(QStringLiteral("--latency-ms must be a whole number from 0 to %1").arg(s.kMaxLatencyMs));
    s.strategy = parser.value(strategyOpt);
    if (!adapters::demo::evaluation::evaluationStrategies().contains(s.strategy))
        return usage(QStringLiteral("--strategy: \"%1\" cannot be evaluated on the live market; the strategies are: %2 "
                                    "(bar strategies are evaluated with memedesk backtest)")
                         .arg(s.strategy, adapters::demo::evaluation::evaluationStrategies().join(QStringLiteral(", "))));
    const auto config = parseParams(parser.values(paramOpt), &error);
    if (!config)
        return usage(error);
    s.config = *config;
    int threads = QThread::idealThreadCount();
    if (parser.isSet(threadsOpt)) {
        threads = parser.value(threadsOpt).toInt(&ok);
        if (!ok || threads < 1 || threads > 256)
            return usage(QStringLiteral("--threads must be a whole number from 1 to 256"));
    }

    // The seeds run on worker threads; this thread reports progress and watches for Ctrl-C.
    std::atomic<bool> cancel{false};
    std::atomic<double> fraction{0};
    std::atomic<int> done{0};
    adapters::demo::evaluation::ParallelRun run;
    std::unique_ptr<QThread> worker(QThread::create([&] {
        run = adapters::demo::evaluation::runSeeds(s, threads, &cancel, [&](double f, int seedsDone) {
            fraction = f;
            done = seedsDone;
        });
    }));
    worker->start();
    QElapsedTimer wall;
    wall.start();
    qint64 lastReport = 0;
    while (!worker->wait(100)) {
        if (QuitSignals::requested() && !cancel.exchange(true))
            fprintf(stderr, "evaluate: stopping; the seeds that finished are reported\n");
        if (wall.elapsed() - lastReport >= 2000) {
            lastReport = wall.elapsed();
            const double f = fraction.load();
            const double elapsed = double(wall.elapsed()) / 1000;
            fprintf(stderr, "evaluate: %d / %lld seeds done (%.0f %%), %.0f s, about %.0f s left\n", done.load(),
                    static_cast<long long>(s.seeds.size()), 100 * f, elapsed, f > 0.01 ? elapsed * (1 - f) / f : 0.0);
        }
    }
    adapters::demo::evaluation::EvaluationSettings reported = s;
    reported.seeds = run.seeds;
    const QList<adapters::demo::evaluation::SeedResult> &complete = run.results;
    fprintf(stderr, "evaluate: %lld seeds x %d simulated hours in %.1f s on %d threads (%.1f simulated hours per second)\n",
            static_cast<long long>(complete.size()), s.hours, run.seconds, run.threads,
            run.seconds > 0 ? double(complete.size()) * s.hours / run.seconds : 0.0);
    if (complete.isEmpty()) {
        fprintf(stderr, "evaluate: no seed finished\n");
        return cancel.load() ? kCancelled : 1;
    }
    const QByteArray json = QJsonDocument(adapters::demo::evaluation::evaluationToJson(reported, complete)).toJson(QJsonDocument::Indented);
    if (parser.isSet(outputOpt)) {
        QSaveFile file(parser.value(outputOpt));
        if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
            fprintf(stderr, "evaluate: cannot write %s: %s\n", qPrintable(parser.value(outputOpt)), qPrintable(file.errorString()));
            return 1;
        }
    }
    if (parser.isSet(jsonOpt))
        fwrite(json.constData(), 1, size_t(json.size()), stdout);
    else
        fprintf(stdout, "%s", qPrintable(adapters::demo::evaluation::evaluationToText(reported, complete)));
    return cancel.load() ? kCancelled : 0;
}

} // namespace app
