// Routes: signals/* (AI signals, social sentiment, on-chain data) and monitoring/* (performance,
// logs, alerts).
#include "adapters/rest/alertbook.h"
#include "adapters/rest/dtojson.h"
#include "adapters/rest/routecontext.h"

#include "engine/api/botapi.h"

#include <QJsonArray>
#include <QSet>

namespace adapters::rest {

namespace {

constexpr int kRecentSignals = 2000;
constexpr int kRecentLogs = 2000;

QList<ParamSpec> withPaging(QList<ParamSpec> params)
{
    params += pagingParams();
    return params;
}

//! The newest signal of each symbol (optionally one symbol), newest first.
QList<engine::Signal> latestPerSymbol(const engine::BotApi &api, const QString &symbol)
{
    QList<engine::Signal> latest;
    QSet<QString> seen;
    for (const engine::Signal &signal : api.recentSignals(kRecentSignals)) {
        if ((!symbol.isEmpty() && signal.symbol != symbol) || seen.contains(signal.symbol))
            continue;
        seen.insert(signal.symbol);
        latest.append(signal);
    }
    return latest;
}

bool symbolOk(const ApiCall &call)
{
    const QString symbol = call.param(QStringLiteral("symbol"));
    if (symbol.isEmpty() || isSymbol(symbol))
        return true;
    call.fail(QStringLiteral("PARAM_INVALID"), QStringLiteral("\"symbol\" must be an exchange symbol such as PEPEUSDT"));
    return false;
}

//! Return, drawdown and volatility of the equity curve, and the curve thinned to `points`.
QJsonObject performance(const engine::BotStatus &status, const QList<engine::EquityPoint> &curve, int points)
{
    double peak = 0;
    double maxDrawdown = 0;
    for (const engine::EquityPoint &point : curve) {
        const double equity = point.equity.toDouble();
        peak = std::max(peak, equity);
        if (peak > 0)
            maxDrawdown = std::max(maxDrawdown, (peak - equity) / peak);
    }
    QJsonArray thinned;
    const int step = curve.size() > points ? int((curve.size() + points - 1) / points) : 1;
    for (int i = 0; i < curve.size(); i += step)
        thinned.append(toJson(curve[i]));
    if (!curve.isEmpty() && (curve.size() - 1) % step != 0)
        thinned.append(toJson(curve.last()));
    const double start = status.startingEquity.toDouble();
    return {{QStringLiteral("equity"), status.equity.toString()},
            {QStringLiteral("starting_equity"), status.startingEquity.toString()},
            {QStringLiteral("return_pct"), start > 0 ? (status.equity.toDouble() / start - 1.0) * 100.0 : 0.0},
            {QStringLiteral("realized_pnl"), status.realizedPnl.toString()},
            {QStringLiteral("unrealized_pnl"), status.unrealizedPnl.toString()},
            {QStringLiteral("pnl_today"), status.pnlToday.toString()},
            {QStringLiteral("fees"), status.fees.toString()},
            {QStringLiteral("fill_count"), status.fillCount},
            {QStringLiteral("open_positions"), status.openPositions},
            {QStringLiteral("max_drawdown_pct"), maxDrawdown * 100.0},
            {QStringLiteral("equity_curve"), thinned}};
}

} // namespace

void addInsightRoutes(QList<RouteSpec> &routes, RouteContext &ctx)
{
    const ParamSpec symbol = queryParam(QStringLiteral("symbol"), QStringLiteral("one symbol, e.g. PEPEUSDT"));

    routes.append({"GET", QStringLiteral("/api/v1/signals/ai-signals"), QStringLiteral("signals"),
                   QStringLiteral("The signal model's recent scores with their parts and explanations, newest first"), Access::Viewer,
                   withPaging({symbol, queryParam(QStringLiteral("action"), QStringLiteral("BUY, SELL or HOLD"),
                                                  {QStringLiteral("BUY"), QStringLiteral("SELL"), QStringLiteral("HOLD")})}),
                   {}, schema::page(schema::anyObject(QStringLiteral("signal"))), 200, false, false, [&ctx](const ApiCall &call) {
                       if (!symbolOk(call))
                           return;
                       const QString symbol = call.param(QStringLiteral("symbol"));
                       const QString action = call.param(QStringLiteral("action"));
                       QList<QJsonObject> items;
                       for (const engine::Signal &signal : ctx.api.recentSignals(kRecentSignals)) {
                           if ((symbol.isEmpty() || signal.symbol == symbol) && (action.isEmpty() || signal.action == action))
                               items.append(toJson(signal));
                       }
                       call.reply(pageOf(call, items));
                   }});

    // The latest reading per symbol, as one part of the signal (social, on-chain) describes it.
    const auto perSymbol = [&routes, &ctx, symbol](const char *path, const QString &summary,
                                                   std::function<QJsonObject(const engine::Signal &)> reading) {
        routes.append({"GET", QStringLiteral("/api/v1/signals/") + QLatin1String(path), QStringLiteral("signals"), summary, Access::Viewer,
                       withPaging({symbol}), {}, schema::page(schema::anyObject()), 200, false, false, [&ctx, reading](const ApiCall &call) {
                           if (!symbolOk(call))
                               return;
                           QList<QJsonObject> items;
                           for (const engine::Signal &s : latestPerSymbol(ctx.api, call.param(QStringLiteral("symbol")))) {
                               QJsonObject item = reading(s);
                               item.insert(QStringLiteral("symbol"), s.symbol);
                               item.insert(QStringLiteral("ts_ms"), s.tsMs);
                               items.append(item);
                           }
                           call.reply(pageOf(call, items));
                       }});
    };
    perSymbol("social-sentiment", QStringLiteral("Per symbol, the latest social reading: mention velocity, sentiment, distinct authors"),
              [](const engine::Signal &s) {
                  return QJsonObject{{QStringLiteral("mention_velocity"), s.mentionVelocity}, {QStringLiteral("sentiment"), s.sentiment},
                                     {QStringLiteral("unique_authors"), s.uniqueAuthors}};
              });
    perSymbol("onchain-data", QStringLiteral("Per symbol, the latest on-chain reading: pool liquidity change and whether liquidity was pulled"),
              [](const engine::Signal &s) {
                  return QJsonObject{{QStringLiteral("liquidity_change"), s.liquidityChange}, {QStringLiteral("liquidity_pulled"), s.liquidityPulled},
                                     {QStringLiteral("price"), s.price.toString()}};
              });

    routes.append({"GET", QStringLiteral("/api/v1/monitoring/performance"), QStringLiteral("monitoring"),
                   QStringLiteral("Equity, return, PnL, fees, drawdown and the equity curve (thinned to `points`)"), Access::Viewer,
                   {intParam(QStringLiteral("points"), QStringLiteral("curve points to return (default 200)"), 2, 5000)}, {},
                   schema::anyObject(), 200, false, false, [&ctx](const ApiCall &call) {
                       call.reply(performance(ctx.api.status(), ctx.api.equityHistory(), int(call.intParam(QStringLiteral("points"), 200))));
                   }});

    routes.append({"GET", QStringLiteral("/api/v1/monitoring/logs"), QStringLiteral("monitoring"),
                   QStringLiteral("The engine's recent log, newest first"), Access::Viewer,
                   withPaging({queryParam(QStringLiteral("level"), QStringLiteral("this level and above"),
                                          {QStringLiteral("debug"), QStringLiteral("info"), QStringLiteral("warning"), QStringLiteral("error")}),
                               queryParam(QStringLiteral("category"), QStringLiteral("engine, risk, demo, store, …"))}),
                   {}, schema::page(schema::anyObject()), 200, false, false, [&ctx](const ApiCall &call) {
                       static const QStringList levels{QStringLiteral("debug"), QStringLiteral("info"), QStringLiteral("warning"), QStringLiteral("error")};
                       const int minimum = std::max(0, int(levels.indexOf(call.param(QStringLiteral("level")))));
                       const QString category = call.param(QStringLiteral("category"));
                       QList<QJsonObject> items;
                       for (const engine::LogEntry &entry : ctx.api.recentLogs(kRecentLogs)) {
                           if (int(entry.level) >= minimum && (category.isEmpty() || entry.category == category))
                               items.append(toJson(entry));
                       }
                       call.reply(pageOf(call, items));
                   }});

    routes.append({"GET", QStringLiteral("/api/v1/monitoring/alerts"), QStringLiteral("monitoring"),
                   QStringLiteral("Risk denials, warnings and errors, and trading halts since the API started, newest first"), Access::Viewer,
                   withPaging({queryParam(QStringLiteral("kind"), QStringLiteral("one kind of alert"),
                                          {QStringLiteral("risk_denial"), QStringLiteral("log"), QStringLiteral("trading_state")})}),
                   {}, schema::page(schema::anyObject()), 200, false, false,
                   [&ctx](const ApiCall &call) { call.reply(pageOf(call, ctx.alerts.alerts(call.param(QStringLiteral("kind"))))); }});
}

} // namespace adapters::rest
