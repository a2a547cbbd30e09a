#include "ui/models/backtestrows.h"

#include "ui/format.h"

namespace ui {

namespace {

QString pct(double v) { return format::percent(v * 100.0, 2); }
QString pct(const std::optional<double> &v) { return v ? pct(*v) : QStringLiteral("—"); }
QString num(const std::optional<double> &v) { return v ? format::number(*v, 3) : QStringLiteral("—"); }

} // namespace

QList<BacktestRows::Row> BacktestRows::metrics(const engine::BacktestRun &run)
{
    const engine::BacktestMetrics &m = run.result.metrics;
    const engine::DataQuality &d = run.result.data;
    return {
        {tr("Final equity"), format::money(m.finalEquity)},
        {tr("Total return"), pct(m.totalReturn)},
        {tr("CAGR"), pct(m.cagr)},
        {tr("Volatility (annual)"), pct(m.volatility)},
        {tr("Sharpe"), num(m.sharpe)},
        {tr("Sortino"), num(m.sortino)},
        {tr("Max drawdown"), pct(m.maxDrawdown)},
        {tr("Longest drawdown"), tr("%n bar(s)", nullptr, int(std::min<qint64>(m.maxDrawdownBars, INT_MAX)))},
        {tr("Calmar"), num(m.calmar)},
        {tr("Trades"), QString::number(m.numTrades)},
        {tr("Win rate"), pct(m.winRate)},
        {tr("Profit factor"), num(m.profitFactor)},
        {tr("Average win"), format::money(m.averageWin)},
        {tr("Average loss"), format::money(m.averageLoss)},
        {tr("Exposure"), pct(m.exposure)},
        {tr("Bars"), QString::number(m.bars)},
        {tr("Gaps in the data"), QString::number(d.gaps.size())},
        {tr("Zero-volume bars"), QString::number(d.zeroVolumeBars)},
        {tr("Orders denied by risk"), QString::number(run.result.deniedOrders)},
        {tr("Run time"), tr("%1 s").arg(run.seconds, 0, 'f', 2)},
    };
}

namespace {

QStringList paramsOf(const engine::BacktestRun &run)
{
    QStringList params;
    for (auto it = run.request.params.cbegin(); it != run.request.params.cend(); ++it)
        params << QStringLiteral("%1=%2").arg(it.key()).arg(it.value());
    return params;
}

} // namespace

QString BacktestRows::title(const engine::BacktestRun &run)
{
    return tr("#%1 %2 %3(%4): %5")
        .arg(run.id)
        .arg(run.request.symbols.join(QLatin1Char(',')), run.request.strategy, paramsOf(run).join(QStringLiteral(", ")),
             pct(run.result.metrics.totalReturn));
}

QString BacktestRows::shortTitle(const engine::BacktestRun &run)
{
    return QStringLiteral("#%1 %2").arg(run.id).arg(paramsOf(run).join(QLatin1Char(' ')));
}

} // namespace ui
