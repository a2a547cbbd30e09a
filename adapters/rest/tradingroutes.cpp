// Routes: trading/* — status, configuration, start/stop, orders, positions, history.
#include "adapters/rest/authservice.h"
#include "adapters/rest/dtojson.h"
#include "adapters/rest/idempotencycache.h"
#include "adapters/rest/routecontext.h"

#include "engine/api/botapi.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace adapters::rest {

namespace {

constexpr int kRecentOrders = 1000;
const QStringList kOrderStatuses{QStringLiteral("open"), QStringLiteral("done"), QStringLiteral("all"), QStringLiteral("NEW"),
                                 QStringLiteral("ACCEPTED"), QStringLiteral("PARTIALLY_FILLED"), QStringLiteral("FILLED"),
                                 QStringLiteral("CANCELLED"), QStringLiteral("REJECTED"), QStringLiteral("EXPIRED"), QStringLiteral("UNKNOWN")};

bool isOpen(engine::OrderStatus status)
{
    using S = engine::OrderStatus;
    return status == S::New || status == S::Accepted || status == S::PartiallyFilled || status == S::Unknown;
}

QJsonObject orderSchema()
{
    return schema::object({{QStringLiteral("client_id"), schema::string()}, {QStringLiteral("symbol"), schema::string()},
                           {QStringLiteral("side"), schema::string(QStringLiteral("BUY or SELL"))}, {QStringLiteral("type"), schema::string()},
                           {QStringLiteral("qty"), schema::decimal()}, {QStringLiteral("quote_qty"), schema::decimal()},
                           {QStringLiteral("limit_price"), schema::decimal()}, {QStringLiteral("filled_qty"), schema::decimal()},
                           {QStringLiteral("avg_price"), schema::decimal()}, {QStringLiteral("status"), schema::string()},
                           {QStringLiteral("strategy"), schema::string()}, {QStringLiteral("reason"), schema::string()},
                           {QStringLiteral("created_ms"), schema::integer()}, {QStringLiteral("updated_ms"), schema::integer()}});
}

QJsonObject stateSchema()
{
    return schema::object({{QStringLiteral("engine_state"), schema::string()}, {QStringLiteral("trading_state"), schema::string()}});
}

QJsonObject stateOf(const engine::BotApi &api)
{
    const engine::BotStatus status = api.status();
    return {{QStringLiteral("engine_state"), engine::toString(status.engineState)},
            {QStringLiteral("trading_state"), engine::toString(status.tradingState)}};
}

//! A decimal field of an order body: absent = 0; present = a positive decimal string, else a problem.
void decimalField(const QJsonObject &body, const char *name, engine::Decimal *out, QStringList *problems)
{
    const QString key = QLatin1String(name);
    if (!body.contains(key))
        return;
    QString why;
    const std::optional<engine::Decimal> value = engine::Decimal::parse(body.value(key).toString(), &why);
    if (!value || !value->isPositive()) {
        *problems << QStringLiteral("\"%1\" must be a positive decimal string%2").arg(key, why.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(why));
        return;
    }
    *out = *value;
}

engine::Result<engine::ManualOrder> manualOrder(const QJsonObject &body)
{
    engine::ManualOrder order;
    QStringList problems;
    order.symbol = body.value(QStringLiteral("symbol")).toString();
    if (!isSymbol(order.symbol))
        problems << QStringLiteral("\"symbol\" must be an exchange symbol such as PEPEUSDT");
    if (!engine::parseSide(body.value(QStringLiteral("side")).toString(), order.side))
        problems << QStringLiteral("\"side\" must be BUY or SELL");
    if (!engine::parseOrderType(body.value(QStringLiteral("type")).toString(), order.type))
        problems << QStringLiteral("\"type\" must be MARKET, LIMIT or LIMIT_MAKER");
    if (body.contains(QStringLiteral("time_in_force")) && !engine::parseTimeInForce(body.value(QStringLiteral("time_in_force")).toString(), order.timeInForce))
        problems << QStringLiteral("\"time_in_force\" must be GTC, IOC or FOK");
    decimalField(body, "qty", &order.qty, &problems);
    decimalField(body, "quote_qty", &order.quoteQty, &problems);
    decimalField(body, "limit_price", &order.limitPrice, &problems);
    if (!problems.isEmpty())
        return engine::Error(QStringLiteral("ORDER_INVALID"), problems.first(), problems);
    return order;
}

} // namespace

void addTradingRoutes(QList<RouteSpec> &routes, RouteContext &ctx)
{
    routes.append({"GET", QStringLiteral("/api/v1/trading/status"), QStringLiteral("trading"),
                   QStringLiteral("Engine and trading state, equity, PnL, the market's and venue's health"), Access::Viewer, {}, {},
                   schema::anyObject(QStringLiteral("engine status")), 200, false, false,
                   [&ctx](const ApiCall &call) { call.reply(toJson(ctx.api.status())); }});

    routes.append({"GET", QStringLiteral("/api/v1/trading/config"), QStringLiteral("trading"),
                   QStringLiteral("The trading configuration (mode, starting cash, risk limits, strategy)"), Access::Viewer, {}, {},
                   schema::anyObject(QStringLiteral("configuration; decimals as strings")), 200, false, false,
                   [&ctx](const ApiCall &call) { call.reply(ctx.api.config().toJson()); }});

    routes.append({"PUT", QStringLiteral("/api/v1/trading/config"), QStringLiteral("trading"),
                   QStringLiteral("Change the configuration: the fields given are applied, all or nothing. Changing the mode needs the admin "
                                  "role, and going live (real money) needs confirm_live=true."),
                   Access::Trader,
                   {{QStringLiteral("confirm_live"), ParamSpec::In::Query, ParamSpec::Type::Boolean,
                     QStringLiteral("true to confirm a switch to live trading with real money"), 0, 0, {}}},
                   schema::anyObject(QStringLiteral("the fields to change, as GET returns them")),
                   schema::anyObject(QStringLiteral("the configuration now")), 200, true, false, [&ctx](const ApiCall &call) {
                       const engine::BotConfig current = ctx.api.config();
                       QStringList errors;
                       const engine::BotConfig wanted = engine::BotConfig::fromJson(call.body(), current, &errors);
                       if (!errors.isEmpty())
                           return call.fail(engine::Error(QStringLiteral("CONFIG_INVALID"), errors.first(), errors));
                       if (wanted.mode != current.mode && !AuthService::allows(call.caller()->role, AuthService::Role::Admin))
                           return call.fail(QStringLiteral("FORBIDDEN"), QStringLiteral("changing the trading mode needs the admin role"));
                       // Real money is never one request away by mistake: the window asks, the API wants it said.
                       if (wanted.mode == engine::TradingMode::Live && current.mode != engine::TradingMode::Live &&
                           call.param(QStringLiteral("confirm_live")) != QLatin1String("true"))
                           return call.fail(QStringLiteral("CONFIRMATION_REQUIRED"),
                                            QStringLiteral("switching to live trading with real money needs confirm_live=true"));
                       if (const engine::Result<void> applied = ctx.api.setConfig(wanted); !applied)
                           return call.fail(applied.error());
                       call.reply(ctx.api.config().toJson());
                   }});

    const auto command = [&routes, &ctx](const char *path, const QString &summary, std::function<void(engine::BotApi &)> run) {
        routes.append({"POST", QStringLiteral("/api/v1/trading/") + QLatin1String(path), QStringLiteral("trading"), summary, Access::Trader, {}, {},
                       stateSchema(), 202, true, false, [&ctx, run](const ApiCall &call) {
                           run(ctx.api);
                           call.reply(202, stateOf(ctx.api));
                       }});
    };
    command("start", QStringLiteral("Reconcile with the venue, then let strategies trade"), [](engine::BotApi &api) { api.start(); });
    command("stop", QStringLiteral("Stop strategies and cancel this app's working orders; positions stay open"), [](engine::BotApi &api) { api.stop(); });
    command("flatten", QStringLiteral("Kill switch: sell every open position at market and stop"), [](engine::BotApi &api) { api.flattenAndStop(); });
    command("resume", QStringLiteral("Clear a HALTED trading state after looking at it"), [](engine::BotApi &api) { api.resumeTrading(); });

    QList<ParamSpec> historyParams{queryParam(QStringLiteral("kind"), QStringLiteral("orders or fills (default fills)"), {QStringLiteral("orders"), QStringLiteral("fills")}),
                                   queryParam(QStringLiteral("symbol"), QStringLiteral("one symbol, e.g. PEPEUSDT")),
                                   queryParam(QStringLiteral("side"), QStringLiteral("BUY or SELL"), {QStringLiteral("BUY"), QStringLiteral("SELL")}),
                                   intParam(QStringLiteral("from_ms"), QStringLiteral("from this time (ms since the epoch)"), 0, 0),
                                   intParam(QStringLiteral("to_ms"), QStringLiteral("up to this time (ms since the epoch)"), 0, 0)};
    historyParams += pagingParams();
    routes.append({"GET", QStringLiteral("/api/v1/trading/history"), QStringLiteral("trading"),
                   QStringLiteral("The journal's orders or fills, newest first, filtered and paged"), Access::Viewer, historyParams, {},
                   schema::page(schema::anyObject()), 200, false, false, [&ctx](const ApiCall &call) {
                       engine::HistoryQuery query;
                       query.kind = call.param(QStringLiteral("kind")) == QLatin1String("orders") ? engine::HistoryQuery::Kind::Orders : engine::HistoryQuery::Kind::Fills;
                       query.symbol = call.param(QStringLiteral("symbol"));
                       if (!query.symbol.isEmpty() && !isSymbol(query.symbol))
                           return call.fail(QStringLiteral("PARAM_INVALID"), QStringLiteral("\"symbol\" must be an exchange symbol such as PEPEUSDT"));
                       if (call.hasParam(QStringLiteral("side"))) {
                           engine::Side side = engine::Side::Buy;
                           engine::parseSide(call.param(QStringLiteral("side")), side);
                           query.side = side;
                       }
                       query.fromMs = call.intParam(QStringLiteral("from_ms"), 0);
                       query.toMs = call.intParam(QStringLiteral("to_ms"), 0);
                       query.offset = int(call.intParam(QStringLiteral("offset"), 0));
                       query.limit = int(call.intParam(QStringLiteral("limit"), kDefaultPageSize));
                       ctx.api.queryHistory(query, ctx.context, [call](const engine::HistoryPage &page) {
                           if (page.error)
                               return call.fail(engine::Error(QStringLiteral("STORE_UNAVAILABLE"), QStringLiteral("the journal could not be read")));
                           QJsonArray items;
                           for (const engine::Order &order : page.orders)
                               items.append(toJson(order));
                           for (const engine::Fill &fill : page.fills)
                               items.append(toJson(fill));
                           call.reply({{QStringLiteral("items"), items},
                                       {QStringLiteral("total"), page.total},
                                       {QStringLiteral("offset"), page.query.offset},
                                       {QStringLiteral("limit"), page.query.limit}});
                       });
                   }});

    QList<ParamSpec> orderParams{queryParam(QStringLiteral("status"), QStringLiteral("open, done, all (default) or one status"), kOrderStatuses),
                                 queryParam(QStringLiteral("symbol"), QStringLiteral("one symbol"))};
    orderParams += pagingParams();
    routes.append({"GET", QStringLiteral("/api/v1/trading/orders"), QStringLiteral("trading"),
                   QStringLiteral("This session's recent orders, newest first (the journal's are at trading/history)"), Access::Viewer, orderParams, {},
                   schema::page(orderSchema()), 200, false, false, [&ctx](const ApiCall &call) {
                       const QString status = call.param(QStringLiteral("status"));
                       const QString symbol = call.param(QStringLiteral("symbol"));
                       QList<QJsonObject> items;
                       for (const engine::Order &order : ctx.api.recentOrders(kRecentOrders)) {
                           if (!symbol.isEmpty() && order.symbol != symbol)
                               continue;
                           const bool open = isOpen(order.status);
                           if ((status == QLatin1String("open") && !open) || (status == QLatin1String("done") && open))
                               continue;
                           if (!status.isEmpty() && status.front().isUpper() && engine::toString(order.status) != status)
                               continue;
                           items.append(toJson(order));
                       }
                       call.reply(pageOf(call, items));
                   }});

    routes.append({"POST", QStringLiteral("/api/v1/trading/orders"), QStringLiteral("trading"),
                   QStringLiteral("Place a manual order through the risk gate; its fate arrives as order events. Send an Idempotency-Key header to make retries safe."), Access::Trader, {},
                   schema::object({{QStringLiteral("symbol"), schema::string()},
                                   {QStringLiteral("side"), schema::string(QStringLiteral("BUY or SELL"))},
                                   {QStringLiteral("type"), schema::string(QStringLiteral("MARKET, LIMIT or LIMIT_MAKER"))},
                                   {QStringLiteral("qty"), schema::decimal(QStringLiteral("base quantity"))},
                                   {QStringLiteral("quote_qty"), schema::decimal(QStringLiteral("MARKET only: spend or receive about this much quote"))},
                                   {QStringLiteral("limit_price"), schema::decimal()},
                                   {QStringLiteral("time_in_force"), schema::string(QStringLiteral("GTC, IOC or FOK (LIMIT)"))}},
                                  {QStringLiteral("symbol"), QStringLiteral("side"), QStringLiteral("type")}),
                   schema::object({{QStringLiteral("client_id"), schema::string()}}), 201, true, false, [&ctx](const ApiCall &call) {
                       const engine::Result<engine::ManualOrder> order = manualOrder(call.body());
                       if (!order)
                           return call.fail(order.error());
                       // With an Idempotency-Key, a retry after a lost answer gets the first answer,
                       // not a second order.
                       const QByteArray key = call.request().header("idempotency-key");
                       const QString user = call.callerName();
                       if (!key.isEmpty()) {
                           if (!IdempotencyCache::isValidKey(key))
                               return call.fail(QStringLiteral("PARAM_INVALID"), QStringLiteral("Idempotency-Key is 1-64 letters, digits, '-' or '_'"));
                           HttpResponse first;
                           switch (ctx.idempotency.claim(user, QString::fromLatin1(key), ctx.nowMs(), &first)) {
                           case IdempotencyCache::Claim::Done:
                               return call.send(first.withHeader("Idempotent-Replayed", "true"));
                           case IdempotencyCache::Claim::InProgress:
                               return call.fail(QStringLiteral("IDEMPOTENCY_IN_PROGRESS"), QStringLiteral("the first request with this key is still being answered"));
                           case IdempotencyCache::Claim::New:
                               break;
                           }
                       }
                       ctx.api.placeOrder(order.value(), ctx.context, [call, &ctx, user, key](const engine::Result<QString> &placed) {
                           if (!placed) {
                               if (!key.isEmpty()) // no order was made: a retry may try again
                                   ctx.idempotency.release(user, QString::fromLatin1(key));
                               return call.fail(placed.error());
                           }
                           const HttpResponse answer = HttpResponse::json(201, QJsonObject{{QStringLiteral("client_id"), placed.value()}});
                           if (!key.isEmpty())
                               ctx.idempotency.finish(user, QString::fromLatin1(key), answer);
                           call.send(answer);
                       });
                   }});

    routes.append({"DELETE", QStringLiteral("/api/v1/trading/orders/{client_id}"), QStringLiteral("trading"),
                   QStringLiteral("Cancel a working order; the venue's answer arrives as an order event"), Access::Trader,
                   {{QStringLiteral("client_id"), ParamSpec::In::Path, ParamSpec::Type::String, QStringLiteral("the order's client id"), 0, 0, {}}}, {},
                   schema::object({{QStringLiteral("client_id"), schema::string()}, {QStringLiteral("status"), schema::string()}}), 202, true, false,
                   [&ctx](const ApiCall &call) {
                       const QString id = call.param(QStringLiteral("client_id"));
                       static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_.:-]{1,64}$"));
                       if (!plain.match(id).hasMatch())
                           return call.fail(QStringLiteral("PARAM_INVALID"), QStringLiteral("not a client order id"));
                       ctx.api.cancelOrder(id, ctx.context, [call, id](const engine::Result<void> &done) {
                           if (!done)
                               return call.fail(done.error());
                           call.reply(202, {{QStringLiteral("client_id"), id}, {QStringLiteral("status"), QStringLiteral("cancel requested")}});
                       });
                   }});

    routes.append({"GET", QStringLiteral("/api/v1/trading/positions"), QStringLiteral("trading"),
                   QStringLiteral("Open positions with their marks and PnL"), Access::Viewer, pagingParams(), {},
                   schema::page(schema::anyObject()), 200, false, false, [&ctx](const ApiCall &call) {
                       QList<QJsonObject> items;
                       for (const engine::Position &position : ctx.api.positions())
                           items.append(toJson(position));
                       call.reply(pageOf(call, items));
                   }});
}

} // namespace adapters::rest
