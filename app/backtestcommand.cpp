#include "app/backtestcommand.h"

#include "engine/backtest/backtester.h"
#include "engine/backtest/backtestjson.h"
#include "engine/backtest/barstrategies.h"
#include "engine/backtest/csvbarreader.h"
#include "engine/backtest/mergedbars.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonDocument>

#include <cstdio>

namespace app {

namespace {

constexpr int kUsage = 2;

int fail(int code, const QString &message)
{
    fprintf(stderr, "memedesk backtest: %s\n", qPrintable(message));
    return code;
}

// An ISO 8601 time ("2023-05-12", "2023-05-12T22:00:00Z") or milliseconds since 1970.
std::optional<qint64> parseTime(const QString &text)
{
    bool ok = false;
    const qint64 ms = text.toLongLong(&ok);
    if (ok)
        return ms;
    QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid())
        return std::nullopt;
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeSpec(Qt::UTC); // a time without a zone is UTC, like the data
    return t.toMSecsSinceEpoch();
}

std::optional<engine::Decimal> parseAmount(const QString &text, QString *why)
{
    return engine::Decimal::parse(text, why);
}

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
    const QCommandLineOption data(QStringLiteral("data"), QStringLiteral("CSV file: Memedesk OHLCV or Binance klines."), QStringLiteral("FILE"));
    const QCommandLineOption symbol(QStringLiteral("symbol"), QStringLiteral("Symbol to replay; repeat (or comma-separate) for several."),
                                    QStringLiteral("SYM"));
    const QCommandLineOption strategy(QStringLiteral("strategy"),
                                      QStringLiteral("Strategy: %1.").arg(engine::barStrategyNames().join(QStringLiteral(", "))),
                                      QStringLiteral("NAME"));
    const QCommandLineOption param(QStringLiteral("param"), QStringLiteral("Strategy parameter, k=v (repeatable)."), QStringLiteral("k=v"));
    const QCommandLineOption fee(QStringLiteral("fee"), QStringLiteral("Fee as a fraction of the notional (default 0.001)."),
                                 QStringLiteral("F"), QStringLiteral("0.001"));
    const QCommandLineOption slippage(QStringLiteral("slippage"), QStringLiteral("Slippage as a fraction of the price (default 0)."),
                                      QStringLiteral("S"), QStringLiteral("0"));
    const QCommandLineOption capital(QStringLiteral("capital"), QStringLiteral("Starting cash (default 10000)."), QStringLiteral("C"),
                                     QStringLiteral("10000"));
    const QCommandLineOption from(QStringLiteral("from"), QStringLiteral("First bar time (ISO 8601 UTC or ms)."), QStringLiteral("T"));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("Last bar time (ISO 8601 UTC or ms)."), QStringLiteral("T"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the result as JSON."));
    parser.addOptions({data, symbol, strategy, param, fee, slippage, capital, from, to, json});
    if (!parser.parse(arguments))
        return fail(kUsage, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    if (!parser.isSet(data) || !parser.isSet(symbol) || !parser.isSet(strategy))
        return fail(kUsage, QStringLiteral("--data, --symbol and --strategy are needed (see --help)"));

    engine::BacktestConfig config;
    QString why;
    const auto amount = [&](const QCommandLineOption &o, engine::Decimal *out, bool positive) {
        const auto v = parseAmount(parser.value(o), &why);
        if (!v || v->isNegative() || (positive && !v->isPositive()) || (!positive && *v >= engine::Decimal::fromInt(1))) {
            why = QStringLiteral("--%1 '%2' is not %3").arg(o.names().first(), parser.value(o),
                                                             positive ? QStringLiteral("an amount above 0") : QStringLiteral("a fraction from 0 to below 1"));
            return false;
        }
        *out = *v;
        return true;
    };
    if (!amount(capital, &config.capital, true) || !amount(fee, &config.fee, false) || !amount(slippage, &config.slippage, false))
        return fail(kUsage, why);

    QMap<QString, double> params;
    for (const QString &kv : parser.values(param)) {
        const qsizetype eq = kv.indexOf(QLatin1Char('='));
        bool ok = false;
        const double v = eq > 0 ? kv.mid(eq + 1).toDouble(&ok) : 0;
        if (!ok)
            return fail(kUsage, QStringLiteral("--param '%1' is not name=number").arg(kv));
        params.insert(kv.left(eq), v);
    }
    auto made = engine::makeBarStrategy(parser.value(strategy), params);
    if (!made)
        return fail(kUsage, made.error().message);

    qint64 fromMs = std::numeric_limits<qint64>::min();
    qint64 toMs = std::numeric_limits<qint64>::max();
    for (const auto &[option, target] : {std::pair{&from, &fromMs}, std::pair{&to, &toMs}}) {
        if (!parser.isSet(*option))
            continue;
        const auto t = parseTime(parser.value(*option));
        if (!t)
            return fail(kUsage, QStringLiteral("--%1 '%2' is not a time (use 2023-05-12T22:00:00Z)").arg(option->names().first(), parser.value(*option)));
        *target = *t;
    }

    QStringList symbols;
    for (const QString &s : parser.values(symbol))
        symbols << s.split(QLatin1Char(','), Qt::SkipEmptyParts);
    std::vector<std::unique_ptr<engine::BarSource>> sources;
    for (const QString &s : symbols)
        sources.push_back(std::make_unique<engine::CsvBarReader>(parser.value(data), s.trimmed().toUpper(), fromMs, toMs));
    engine::MergedBars bars(std::move(sources));

    engine::Backtester backtester(config, *made.value());
    const engine::Result<engine::BacktestResult> result = backtester.run(bars);
    if (!result)
        return fail(result.error().code.startsWith(QLatin1String("BAR_DATA")) ? kUsage : 1, result.error().message);
    if (parser.isSet(json)) {
        QJsonObject out = engine::backtestToJson(result.value());
        QJsonObject paramsOut;
        for (auto it = params.cbegin(); it != params.cend(); ++it)
            paramsOut.insert(it.key(), it.value());
        out.insert(QStringLiteral("strategy"), parser.value(strategy));
        out.insert(QStringLiteral("params"), paramsOut);
        fputs(QJsonDocument(out).toJson(QJsonDocument::Indented).constData(), stdout);
    } else {
        printText(result.value());
    }
    return 0;
}

} // namespace app
