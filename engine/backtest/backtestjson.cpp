#include "engine/backtest/backtestjson.h"

#include "engine/backtest/backtestrun.h"

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

namespace {

std::optional<double> optionalNumber(const QJsonValue &v) { return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt; }

struct Reader {
    QString problem;
    Decimal decimal(const QJsonObject &o, const char *key)
    {
        const auto d = Decimal::parse(o.value(QLatin1String(key)).toString());
        if (!d && problem.isEmpty())
            problem = QStringLiteral("'%1' is not a decimal").arg(QLatin1String(key));
        return d.value_or(Decimal());
    }
    qint64 time(const QJsonObject &o, const char *key)
    {
        const QDateTime t = QDateTime::fromString(o.value(QLatin1String(key)).toString(), Qt::ISODateWithMs);
        if (!t.isValid() && problem.isEmpty())
            problem = QStringLiteral("'%1' is not a time").arg(QLatin1String(key));
        return t.isValid() ? t.toMSecsSinceEpoch() : 0;
    }
};

} // namespace

QJsonObject backtestRunToJson(const BacktestRun &run)
{
    const BacktestRequest &r = run.request;
    QJsonObject params;
    for (auto it = r.params.cbegin(); it != r.params.cend(); ++it)
        params.insert(it.key(), it.value());
    QJsonArray equity;
    for (const EquitySample &s : run.result.equity)
        equity.append(QJsonArray{s.timeMs, s.low, s.high, s.last, s.drawdown});
    QJsonObject request{{QStringLiteral("data"), r.dataPath},
                        {QStringLiteral("symbols"), QJsonArray::fromStringList(r.symbols)},
                        {QStringLiteral("strategy"), r.strategy},
                        {QStringLiteral("params"), params},
                        {QStringLiteral("fee"), r.config.fee.toString()},
                        {QStringLiteral("slippage"), r.config.slippage.toString()},
                        {QStringLiteral("capital"), r.config.capital.toString()},
                        {QStringLiteral("fill_model"), r.config.fillModel == BacktestConfig::FillModel::OrderBook ? QStringLiteral("book")
                                                                                                                 : QStringLiteral("reference")},
                        {QStringLiteral("from_ms"), r.fromMs},
                        {QStringLiteral("to_ms"), r.toMs}};
    QJsonObject result = backtestToJson(run.result);
    result.insert(QStringLiteral("equity"), equity);
    result.insert(QStringLiteral("denials"), QJsonArray::fromStringList(run.result.denials));
    return {{QStringLiteral("id"), run.id}, {QStringLiteral("seconds"), run.seconds}, {QStringLiteral("request"), request},
            {QStringLiteral("result"), result}};
}

Result<BacktestRun> backtestRunFromJson(const QJsonObject &json)
{
    BacktestRun run;
    Reader read;
    run.id = json.value(QStringLiteral("id")).toInt();
    run.seconds = json.value(QStringLiteral("seconds")).toDouble();
    const QJsonObject q = json.value(QStringLiteral("request")).toObject();
    BacktestRequest &r = run.request;
    r.dataPath = q.value(QStringLiteral("data")).toString();
    for (const QJsonValue &s : q.value(QStringLiteral("symbols")).toArray())
        r.symbols << s.toString();
    r.strategy = q.value(QStringLiteral("strategy")).toString();
    const QJsonObject params = q.value(QStringLiteral("params")).toObject();
    for (auto it = params.constBegin(); it != params.constEnd(); ++it)
        r.params.insert(it.key(), it.value().toDouble());
    r.config.fee = read.decimal(q, "fee");
    r.config.slippage = read.decimal(q, "slippage");
    r.config.capital = read.decimal(q, "capital");
    r.config.fillModel = q.value(QStringLiteral("fill_model")).toString() == QLatin1String("book") ? BacktestConfig::FillModel::OrderBook
                                                                                                  : BacktestConfig::FillModel::Reference;
    r.fromMs = q.value(QStringLiteral("from_ms")).toInteger(std::numeric_limits<qint64>::min());
    r.toMs = q.value(QStringLiteral("to_ms")).toInteger(std::numeric_limits<qint64>::max());

    const QJsonObject o = json.value(QStringLiteral("result")).toObject();
    const QJsonObject m = o.value(QStringLiteral("metrics")).toObject();
    BacktestMetrics &x = run.result.metrics;
    x.totalReturn = m.value(QStringLiteral("total_return")).toDouble();
    x.cagr = optionalNumber(m.value(QStringLiteral("cagr")));
    x.volatility = optionalNumber(m.value(QStringLiteral("volatility")));
    x.sharpe = optionalNumber(m.value(QStringLiteral("sharpe")));
    x.sortino = optionalNumber(m.value(QStringLiteral("sortino")));
    x.maxDrawdown = m.value(QStringLiteral("max_drawdown")).toDouble();
    x.maxDrawdownBars = m.value(QStringLiteral("max_drawdown_duration_bars")).toInteger();
    x.maxDrawdownMs = qint64(m.value(QStringLiteral("max_drawdown_duration_hours")).toDouble() * 3'600'000.0);
    x.calmar = optionalNumber(m.value(QStringLiteral("calmar")));
    x.winRate = optionalNumber(m.value(QStringLiteral("win_rate")));
    x.profitFactor = optionalNumber(m.value(QStringLiteral("profit_factor")));
    x.averageWin = read.decimal(m, "avg_win");
    x.averageLoss = read.decimal(m, "avg_loss");
    x.exposure = m.value(QStringLiteral("exposure")).toDouble();
    x.numTrades = m.value(QStringLiteral("num_trades")).toInt();
    x.bars = m.value(QStringLiteral("bars")).toInteger();
    x.years = m.value(QStringLiteral("years")).toDouble();
    x.finalEquity = read.decimal(m, "final_equity");
    for (const QJsonValue &v : o.value(QStringLiteral("trades")).toArray()) {
        const QJsonObject t = v.toObject();
        run.result.trades.append({t.value(QStringLiteral("symbol")).toString(), read.time(t, "entry_time"), read.decimal(t, "entry_price"),
                                  read.time(t, "exit_time"), read.decimal(t, "exit_price"), read.decimal(t, "qty"), read.decimal(t, "pnl"),
                                  read.decimal(t, "fees")});
    }
    for (const QJsonValue &v : o.value(QStringLiteral("open_positions")).toArray()) {
        const QJsonObject p = v.toObject();
        run.result.openPositions.append({p.value(QStringLiteral("symbol")).toString(), read.time(p, "entry_time"),
                                         read.decimal(p, "entry_price"), read.decimal(p, "qty"), read.decimal(p, "fees"),
                                         read.decimal(p, "last_close"), read.decimal(p, "unrealized_pnl")});
    }
    const QJsonObject data = o.value(QStringLiteral("data")).toObject();
    run.result.data.bars = data.value(QStringLiteral("bars")).toInteger();
    run.result.data.intervalMs = data.value(QStringLiteral("interval_ms")).toInteger();
    run.result.data.zeroVolumeBars = data.value(QStringLiteral("zero_volume_bars")).toInteger();
    if (run.result.data.bars > 0) {
        run.result.data.firstMs = read.time(data, "first");
        run.result.data.lastMs = read.time(data, "last");
    }
    for (const QJsonValue &v : data.value(QStringLiteral("gaps")).toArray()) {
        const QJsonObject g = v.toObject();
        run.result.data.gaps.append({g.value(QStringLiteral("symbol")).toString(), read.time(g, "after"), read.time(g, "next"),
                                     g.value(QStringLiteral("missing_bars")).toInteger()});
    }
    for (const QJsonValue &v : o.value(QStringLiteral("equity")).toArray()) {
        const QJsonArray e = v.toArray();
        run.result.equity.append({e.at(0).toInteger(), e.at(1).toDouble(), e.at(2).toDouble(), e.at(3).toDouble(), e.at(4).toDouble()});
    }
    run.result.deniedOrders = o.value(QStringLiteral("denied_orders")).toInt();
    for (const QJsonValue &v : o.value(QStringLiteral("denials")).toArray())
        run.result.denials << v.toString();
    if (!read.problem.isEmpty() || run.id <= 0 || r.strategy.isEmpty())
        return Error{QStringLiteral("BACKTEST_RUN_UNREADABLE"), read.problem.isEmpty() ? QStringLiteral("no id or strategy") : read.problem};
    return run;
}

} // namespace engine
