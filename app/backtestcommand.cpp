#include "app/backtestcommand.h"

#include "app/backtestoptions.h"

#include "engine/backtest/backtester.h"
#include "engine/backtest/backtestjson.h"
#include "engine/backtest/barstrategies.h"

#include <QCommandLineParser>
#include <QJsonDocument>

#include <cstdio>

namespace app {

namespace {

constexpr int kUsage = 2;

QString percent(double v) { return QStringLiteral("%1 %").arg(v * 100.0, 0, 'f', 2); }
QString ratio(const std::optional<double> &v) { return v ? QString::number(*v, 'f', 3) : QStringLiteral("—"); }

void printText(const engine::BacktestResult &r)
{
    const engine::BacktestMetrics &m = r.metrics;
    printf("bars %lld (%s .. %s), interval %lld min, %lld gap(s), %lld zero-volume bar(s)\n",
           static_cast<long long>(r.data.bars), qPrintable(engine::isoUtc(r.data.firstMs)), qPrintable(engine::isoUtc(r.data.lastMs)),
           static_cast<long long>(r.data.intervalMs / 60000), static_cast<long long>(r.data.gaps.size()),
           static_cast<long long>(r.data.zeroVolumeBars));
    printf("final equity     %s\n", qPrintable(m.finalEquity.toString(2)));
    printf("total return     %s\n", qPrintable(percent(m.totalReturn)));
    printf("CAGR             %s\n", qPrintable(m.cagr ? percent(*m.cagr) : QStringLiteral("—")));
    printf("volatility       %s\n", qPrintable(m.volatility ? percent(*m.volatility) : QStringLiteral("—")));
    printf("Sharpe           %s\n", qPrintable(ratio(m.sharpe)));
    printf("Sortino          %s\n", qPrintable(ratio(m.sortino)));
    printf("max drawdown     %s over %lld bars\n", qPrintable(percent(m.maxDrawdown)), static_cast<long long>(m.maxDrawdownBars));
    printf("Calmar           %s\n", qPrintable(ratio(m.calmar)));
    printf("trades           %d, win rate %s, profit factor %s\n", m.numTrades,
           qPrintable(m.winRate ? percent(*m.winRate) : QStringLiteral("—")), qPrintable(ratio(m.profitFactor)));
    printf("average win/loss %s / %s\n", qPrintable(m.averageWin.toString(2)), qPrintable(m.averageLoss.toString(2)));
    printf("exposure         %s\n", qPrintable(percent(m.exposure)));
    for (const engine::OpenBacktestPosition &p : r.openPositions)
        printf("open at the end  %s %s since %s, unrealized %s\n", qPrintable(p.symbol), qPrintable(p.qty.toString()),
               qPrintable(engine::isoUtc(p.entryMs)), qPrintable(p.unrealizedPnl.toString(2)));
    if (r.deniedOrders > 0)
        printf("denied by risk   %d\n", r.deniedOrders);
}

} // namespace

int runBacktestCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Replays historical bars through a strategy (docs/backtesting.md)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("backtest"), QStringLiteral("the command"));
    BacktestOptions::addTo(parser);
    const QCommandLineOption param(QStringLiteral("param"), QStringLiteral("Strategy parameter, k=v (repeatable)."), QStringLiteral("k=v"));
    parser.addOption(param);
    if (!parser.parse(arguments))
        return commandFailed("backtest", kUsage, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    const engine::Result<BacktestOptions> options = BacktestOptions::read(parser);
    if (!options)
        return commandFailed("backtest", kUsage, options.error().message);
    QMap<QString, double> params;
    for (const QString &kv : parser.values(param)) {
        const qsizetype eq = kv.indexOf(QLatin1Char('='));
        bool ok = false;
        const double v = eq > 0 ? kv.mid(eq + 1).toDouble(&ok) : 0;
        if (!ok)
            return commandFailed("backtest", kUsage, QStringLiteral("--param '%1' is not name=number").arg(kv));
        params.insert(kv.left(eq), v);
    }
    auto made = engine::makeBarStrategy(options->strategy, params);
    if (!made)
        return commandFailed("backtest", kUsage, made.error().message);

    const engine::Result<std::unique_ptr<engine::BarSource>> bars = options->openBars();
    if (!bars)
        return commandFailed("backtest", bars.error().code == QLatin1String("USAGE") ? kUsage : 1, bars.error().message);
    engine::Backtester backtester(options->config, *made.value());
    const engine::Result<engine::BacktestResult> result = backtester.run(*bars.value());
    if (!result)
        return commandFailed("backtest", result.error().code.startsWith(QLatin1String("BAR_DATA")) ? kUsage : 1, result.error().message);
    if (options->json) {
        QJsonObject out = engine::backtestToJson(result.value());
        QJsonObject paramsOut;
        for (auto it = params.cbegin(); it != params.cend(); ++it)
            paramsOut.insert(it.key(), it.value());
        out.insert(QStringLiteral("strategy"), options->strategy);
        out.insert(QStringLiteral("params"), paramsOut);
        fputs(QJsonDocument(out).toJson(QJsonDocument::Indented).constData(), stdout);
    } else {
        printText(result.value());
    }
    return 0;
}

} // namespace app
