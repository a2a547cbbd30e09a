#include "app/optimizecommand.h"

#include "app/backtestoptions.h"
#include "app/datadir.h"

#include "engine/backtest/backtestjson.h"
#include "engine/backtest/memorybars.h"
#include "engine/backtest/optimizer.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QSaveFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace app {

namespace {

constexpr int kUsage = 2;

QJsonObject paramsJson(const QMap<QString, double> &p)
{
    QJsonObject o;
    for (auto it = p.cbegin(); it != p.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QString paramsText(const QMap<QString, double> &p)
{
    QStringList parts;
    for (auto it = p.cbegin(); it != p.cend(); ++it)
        parts << QStringLiteral("%1=%2").arg(it.key()).arg(it.value());
    return parts.join(QLatin1Char(' '));
}

QJsonObject window(qint64 from, qint64 to)
{
    return {{QStringLiteral("from"), engine::isoUtc(from)}, {QStringLiteral("to"), engine::isoUtc(to)}};
}

QString figure(const std::optional<double> &v) { return v ? QString::number(*v, 'f', 3) : QStringLiteral("—"); }

QJsonObject toJson(const engine::OptimizeResult &r, const engine::OptimizeConfig &c)
{
    QJsonArray best;
    for (const engine::OptimizeEntry &e : r.best)
        best.append(QJsonObject{{QStringLiteral("params"), paramsJson(e.params)},
                                {QStringLiteral("in_sample"), engine::metricsToJson(e.inSample)},
                                {QStringLiteral("out_of_sample"),
                                 e.outOfSample ? QJsonValue(engine::metricsToJson(*e.outOfSample)) : QJsonValue()}});
    QJsonArray folds;
    for (const engine::WalkForwardFold &f : r.folds) {
        QJsonObject in = window(f.inFromMs, f.inToMs);
        in.insert(QStringLiteral("metrics"), engine::metricsToJson(f.inSample));
        QJsonObject out = window(f.outFromMs, f.outToMs);
        out.insert(QStringLiteral("metrics"), engine::metricsToJson(f.outOfSample));
        folds.append(QJsonObject{{QStringLiteral("params"), paramsJson(f.params)},
                                 {QStringLiteral("in_sample"), in},
                                 {QStringLiteral("out_of_sample"), out}});
    }
    QJsonObject o{{QStringLiteral("strategy"), c.strategy},
                  {QStringLiteral("objective"), c.objective},
                  {QStringLiteral("method"), c.method == engine::OptimizeConfig::Method::Grid ? QStringLiteral("grid") : QStringLiteral("random")},
                  {QStringLiteral("evaluated"), r.evaluated},
                  {QStringLiteral("threads"), r.threads},
                  {QStringLiteral("seconds"), r.seconds},
                  {QStringLiteral("cancelled"), r.cancelled},
                  {QStringLiteral("best"), best},
                  {QStringLiteral("walk_forward"), folds}};
    if (r.folds.isEmpty()) {
        o.insert(QStringLiteral("in_sample"), window(r.inFromMs, r.inToMs));
        o.insert(QStringLiteral("out_of_sample"), r.outToMs > 0 ? QJsonValue(window(r.outFromMs, r.outToMs)) : QJsonValue());
    }
    return o;
}

void printText(const engine::OptimizeResult &r, const engine::OptimizeConfig &c)
{
    printf("%lld backtests on %d thread(s) in %.2f s\n", static_cast<long long>(r.evaluated), r.threads, r.seconds);
    if (r.folds.isEmpty()) {
        printf("in sample %s .. %s, out of sample %s\n", qPrintable(engine::isoUtc(r.inFromMs)), qPrintable(engine::isoUtc(r.inToMs)),
               r.outToMs > 0 ? qPrintable(engine::isoUtc(r.outFromMs) + QStringLiteral(" .. ") + engine::isoUtc(r.outToMs)) : "none");
        printf("%-32s %12s %12s %10s %10s %7s\n", "parameters", qPrintable(c.objective + QStringLiteral(" in")),
               qPrintable(c.objective + QStringLiteral(" out")), "return in", "return out", "trades");
        for (const engine::OptimizeEntry &e : r.best)
            printf("%-32s %12s %12s %9.2f%% %9s %7d\n", qPrintable(paramsText(e.params)),
                   qPrintable(figure(engine::Optimizer::objective(e.inSample, c.objective))),
                   qPrintable(e.outOfSample ? figure(engine::Optimizer::objective(*e.outOfSample, c.objective)) : QStringLiteral("—")),
                   e.inSample.totalReturn * 100.0,
                   qPrintable(e.outOfSample ? QString::number(e.outOfSample->totalReturn * 100.0, 'f', 2) + QLatin1Char('%') : QStringLiteral("—")),
                   e.inSample.numTrades);
        return;
    }
    for (const engine::WalkForwardFold &f : r.folds)
        printf("fold %s .. %s  best %-28s %s in %s, out (%s .. %s) %s\n", qPrintable(engine::isoUtc(f.inFromMs)),
               qPrintable(engine::isoUtc(f.inToMs)), qPrintable(paramsText(f.params)), qPrintable(c.objective),
               qPrintable(figure(engine::Optimizer::objective(f.inSample, c.objective))), qPrintable(engine::isoUtc(f.outFromMs)),
               qPrintable(engine::isoUtc(f.outToMs)), qPrintable(figure(engine::Optimizer::objective(f.outOfSample, c.objective))));
}

} // namespace

int runOptimizeCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Searches a strategy's parameters on historical bars (docs/backtesting.md)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("optimize"), QStringLiteral("the command"));
    BacktestOptions::addTo(parser);
    parser.addOptions({
        {QStringLiteral("param"), QStringLiteral("A parameter: k=v fixed, or k=lo:hi:step searched (repeatable)."), QStringLiteral("k=range")},
        {QStringLiteral("method"), QStringLiteral("grid (every combination, default) or random."), QStringLiteral("M"), QStringLiteral("grid")},
        {QStringLiteral("samples"), QStringLiteral("random: combinations to draw (default 100)."), QStringLiteral("N"), QStringLiteral("100")},
        {QStringLiteral("seed"), QStringLiteral("random: the seed (default 1)."), QStringLiteral("S"), QStringLiteral("1")},
        {QStringLiteral("objective"), QStringLiteral("Metric to maximise: %1 (default sharpe).").arg(engine::Optimizer::objectives().join(QStringLiteral(", "))),
         QStringLiteral("NAME"), QStringLiteral("sharpe")},
        {QStringLiteral("oos"), QStringLiteral("Share of the bars, at the end, held out of sample (default 0.3)."), QStringLiteral("F"),
         QStringLiteral("0.3")},
        {QStringLiteral("walk-forward"), QStringLiteral("Walk-forward folds instead of one split (0 = off)."), QStringLiteral("K"),
         QStringLiteral("0")},
        {QStringLiteral("threads"), QStringLiteral("Worker threads (default: every core)."), QStringLiteral("N"), QStringLiteral("0")},
        {QStringLiteral("top"), QStringLiteral("Best combinations to show (default 10)."), QStringLiteral("N"), QStringLiteral("10")},
    });
    if (!parser.parse(arguments))
        return commandFailed("optimize", kUsage, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    const engine::Result<BacktestOptions> options = BacktestOptions::read(parser);
    if (!options)
        return commandFailed("optimize", kUsage, options.error().message);
    engine::OptimizeConfig c;
    c.strategy = options->strategy;
    c.backtest = options->config;
    for (const QString &spec : parser.values(QStringLiteral("param"))) {
        if (const engine::Result<void> added = c.space.add(spec); !added)
            return commandFailed("optimize", kUsage, added.error().message);
    }
    const QString method = parser.value(QStringLiteral("method"));
    if (method != QLatin1String("grid") && method != QLatin1String("random"))
        return commandFailed("optimize", kUsage, QStringLiteral("--method is grid or random, not '%1'").arg(method));
    c.method = method == QLatin1String("grid") ? engine::OptimizeConfig::Method::Grid : engine::OptimizeConfig::Method::Random;
    bool ok[6] = {};
    c.samples = parser.value(QStringLiteral("samples")).toInt(&ok[0]);
    c.seed = parser.value(QStringLiteral("seed")).toULongLong(&ok[1]);
    c.outOfSample = parser.value(QStringLiteral("oos")).toDouble(&ok[2]);
    c.walkForward = parser.value(QStringLiteral("walk-forward")).toInt(&ok[3]);
    c.threads = parser.value(QStringLiteral("threads")).toInt(&ok[4]);
    c.keep = parser.value(QStringLiteral("top")).toInt(&ok[5]);
    if (!ok[0] || !ok[1] || !ok[2] || !ok[3] || !ok[4] || !ok[5] || c.samples < 1 || c.threads < 0 || c.keep < 1)
        return commandFailed("optimize", kUsage, QStringLiteral("--samples, --seed, --oos, --walk-forward, --threads and --top take numbers"));
    c.objective = parser.value(QStringLiteral("objective"));

    // The bars once, into memory: every combination replays them.
    const engine::Result<std::unique_ptr<engine::BarSource>> source = options->openBars();
    if (!source)
        return commandFailed("optimize", source.error().code == QLatin1String("USAGE") ? kUsage : 1, source.error().message);
    const engine::Result<QList<engine::Candle>> bars = engine::collectBars(*source.value());
    if (!bars)
        return commandFailed("optimize", bars.error().code.startsWith(QLatin1String("BAR_DATA")) ? kUsage : 1, bars.error().message);
    qint64 lastShown = -1;
    const auto progress = [&](qint64 done, qint64 total, double elapsed, double remaining) {
        const qint64 second = qint64(elapsed);
        if (second == lastShown)
            return;
        lastShown = second;
        fprintf(stderr, "optimize: %lld / %lld (%.0f %%), %.0f s, about %.0f s left\n", static_cast<long long>(done),
                static_cast<long long>(total), total > 0 ? 100.0 * double(done) / double(total) : 0.0, elapsed, remaining);
    };
    const engine::Result<engine::OptimizeResult> result = engine::Optimizer(c).run(bars.value(), progress);
    if (!result)
        return commandFailed("optimize", result.error().code == QLatin1String("STRATEGY_PARAM_INVALID")
                                                  || result.error().code == QLatin1String("STRATEGY_UNKNOWN")
                                                  || result.error().code == QLatin1String("OBJECTIVE_UNKNOWN")
                                                  || result.error().code == QLatin1String("OPTIMIZE_INVALID")
                                              ? kUsage
                                              : 1,
                             result.error().message);
    const QByteArray json = QJsonDocument(toJson(result.value(), c)).toJson(QJsonDocument::Indented);
    // Every search is kept in the data folder, to look at again without running it again.
    const QString folder = resolveDataDir(options->dataDir) + QStringLiteral("/optimizations");
    const QString file = QStringLiteral("%1/%2-%3-%4.json")
                             .arg(folder, QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss")), c.strategy,
                                  options->symbols.join(QLatin1Char('_')));
    QSaveFile out(file);
    if (QDir().mkpath(folder) && out.open(QIODevice::WriteOnly) && out.write(json) == json.size() && out.commit())
        fprintf(stderr, "optimize: results kept in %s\n", qPrintable(QDir::toNativeSeparators(file)));
    else
        fprintf(stderr, "optimize: the results could not be kept in %s\n", qPrintable(QDir::toNativeSeparators(folder)));
    if (options->json)
        fputs(json.constData(), stdout);
    else
        printText(result.value(), c);
    return 0;
}

} // namespace app
