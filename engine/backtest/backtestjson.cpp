#include "engine/backtest/backtestjson.h"

#include <QDateTime>
#include <QJsonArray>

namespace engine {

namespace {

QJsonValue number(const std::optional<double> &v) { return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null); }

} // namespace

QJsonObject metricsToJson(const BacktestMetrics &m)
{
    return {{QStringLiteral("total_return"), m.totalReturn},
            {QStringLiteral("cagr"), number(m.cagr)},
            {QStringLiteral("volatility"), number(m.volatility)},
            {QStringLiteral("sharpe"), number(m.sharpe)},
            {QStringLiteral("sortino"), number(m.sortino)},
            {QStringLiteral("max_drawdown"), m.maxDrawdown},
            {QStringLiteral("max_drawdown_duration_bars"), m.maxDrawdownBars},
            {QStringLiteral("max_drawdown_duration_hours"), double(m.maxDrawdownMs) / 3'600'000.0},
            {QStringLiteral("calmar"), number(m.calmar)},
            {QStringLiteral("win_rate"), number(m.winRate)},
            {QStringLiteral("profit_factor"), number(m.profitFactor)},
            {QStringLiteral("avg_win"), m.averageWin.toString()},
            {QStringLiteral("avg_loss"), m.averageLoss.toString()},
            {QStringLiteral("exposure"), m.exposure},
            {QStringLiteral("num_trades"), m.numTrades},
            {QStringLiteral("bars"), m.bars},
            {QStringLiteral("years"), m.years},
            {QStringLiteral("final_equity"), m.finalEquity.toString()}};
}

namespace {

QJsonObject openJson(const OpenBacktestPosition &p)
{
    return {{QStringLiteral("symbol"), p.symbol},
            {QStringLiteral("entry_time"), isoUtc(p.entryMs)},
            {QStringLiteral("entry_price"), p.entryPrice.toString()},
            {QStringLiteral("qty"), p.qty.toString()},
            {QStringLiteral("fees"), p.entryFee.toString()},
            {QStringLiteral("last_close"), p.lastClose.toString()},
            {QStringLiteral("unrealized_pnl"), p.unrealizedPnl.toString()}};
}

} // namespace

QString isoUtc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(ms % 1000 ? Qt::ISODateWithMs : Qt::ISODate);
}

QJsonObject backtestToJson(const BacktestResult &r)
{
    QJsonArray trades;
    for (const BacktestTrade &t : r.trades)
        trades.append(QJsonObject{{QStringLiteral("symbol"), t.symbol},
                                  {QStringLiteral("entry_time"), isoUtc(t.entryMs)},
                                  {QStringLiteral("entry_price"), t.entryPrice.toString()},
                                  {QStringLiteral("exit_time"), isoUtc(t.exitMs)},
                                  {QStringLiteral("exit_price"), t.exitPrice.toString()},
                                  {QStringLiteral("qty"), t.qty.toString()},
                                  {QStringLiteral("pnl"), t.pnl.toString()},
                                  {QStringLiteral("fees"), t.fees.toString()}});
    QJsonArray open;
    for (const OpenBacktestPosition &p : r.openPositions)
        open.append(openJson(p));
    QJsonArray gaps;
    for (const DataQuality::Gap &g : r.data.gaps)
        gaps.append(QJsonObject{{QStringLiteral("symbol"), g.symbol},
                                {QStringLiteral("after"), isoUtc(g.afterMs)},
                                {QStringLiteral("next"), isoUtc(g.nextMs)},
                                {QStringLiteral("missing_bars"), g.missingBars}});
    QJsonArray zeroVolume;
    for (qint64 t : r.data.zeroVolumeTimes)
        zeroVolume.append(isoUtc(t));
    QJsonObject data{{QStringLiteral("bars"), r.data.bars},
                     {QStringLiteral("interval_ms"), r.data.intervalMs},
                     {QStringLiteral("first"), r.data.bars ? QJsonValue(isoUtc(r.data.firstMs)) : QJsonValue()},
                     {QStringLiteral("last"), r.data.bars ? QJsonValue(isoUtc(r.data.lastMs)) : QJsonValue()},
                     {QStringLiteral("gaps"), gaps},
                     {QStringLiteral("zero_volume_bars"), r.data.zeroVolumeBars},
                     {QStringLiteral("zero_volume_times"), zeroVolume}};
    return {{QStringLiteral("metrics"), metricsToJson(r.metrics)},
            {QStringLiteral("trades"), trades},
            {QStringLiteral("open_position"), r.openPositions.isEmpty() ? QJsonValue() : QJsonValue(openJson(r.openPositions.first()))},
            {QStringLiteral("open_positions"), open},
            {QStringLiteral("data"), data},
            {QStringLiteral("denied_orders"), r.deniedOrders},
            {QStringLiteral("cancelled"), r.cancelled}};
}

} // namespace engine
