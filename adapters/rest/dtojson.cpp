#include "adapters/rest/dtojson.h"

#include <QJsonArray>

namespace adapters::rest {

using engine::toString;

namespace {

QString money(const engine::Decimal &value)
{
    return value.toString();
}

QJsonObject toJson(const engine::VenueHealth &health)
{
    return {{QStringLiteral("venue"), health.venue},
            {QStringLiteral("stream_connected"), health.streamConnected},
            {QStringLiteral("last_message_age_ms"), health.lastMessageAgeMs},
            {QStringLiteral("rest_latency_ms"), health.restLatencyMs},
            {QStringLiteral("weight_used"), health.weightUsed},
            {QStringLiteral("weight_limit"), health.weightLimit},
            {QStringLiteral("clock_offset_ms"), health.clockOffsetMs},
            {QStringLiteral("user_stream"), health.userStream}};
}

} // namespace

QJsonObject toJson(const engine::Order &order)
{
    return {{QStringLiteral("client_id"), order.clientId},
            {QStringLiteral("venue_order_id"), order.venueOrderId},
            {QStringLiteral("symbol"), order.symbol},
            {QStringLiteral("side"), toString(order.side)},
            {QStringLiteral("type"), toString(order.type)},
            {QStringLiteral("qty"), money(order.qty)},
            {QStringLiteral("quote_qty"), money(order.quoteQty)},
            {QStringLiteral("limit_price"), money(order.limitPrice)},
            {QStringLiteral("time_in_force"), toString(order.timeInForce)},
            {QStringLiteral("filled_qty"), money(order.filledQty)},
            {QStringLiteral("avg_price"), money(order.avgPrice)},
            {QStringLiteral("fees"), money(order.fees)},
            {QStringLiteral("status"), toString(order.status)},
            {QStringLiteral("reduce_only"), order.reduceOnly},
            {QStringLiteral("strategy"), order.strategy},
            {QStringLiteral("reason"), order.reason},
            {QStringLiteral("created_ms"), order.createdMs},
            {QStringLiteral("updated_ms"), order.updatedMs},
            {QStringLiteral("mode"), toString(order.mode)}};
}

QJsonObject toJson(const engine::Fill &fill)
{
    return {{QStringLiteral("fill_id"), fill.fillId},
            {QStringLiteral("client_id"), fill.clientId},
            {QStringLiteral("symbol"), fill.symbol},
            {QStringLiteral("side"), toString(fill.side)},
            {QStringLiteral("price"), money(fill.price)},
            {QStringLiteral("qty"), money(fill.qty)},
            {QStringLiteral("fee"), money(fill.fee)},
            {QStringLiteral("fee_asset"), fill.feeAsset},
            {QStringLiteral("is_maker"), fill.isMaker},
            {QStringLiteral("ts_ms"), fill.tsMs}};
}

QJsonObject toJson(const engine::Position &position)
{
    return {{QStringLiteral("symbol"), position.symbol},
            {QStringLiteral("qty"), money(position.qty)},
            {QStringLiteral("avg_price"), money(position.avgPrice)},
            {QStringLiteral("cost_basis"), money(position.costBasis)},
            {QStringLiteral("last_price"), money(position.lastPrice)},
            {QStringLiteral("market_value"), money(position.marketValue())},
            {QStringLiteral("unrealized_pnl"), money(position.unrealizedPnl())},
            {QStringLiteral("realized_pnl"), money(position.realizedPnl)},
            {QStringLiteral("fees"), money(position.fees)},
            {QStringLiteral("opened_ms"), position.openedMs}};
}

QJsonObject toJson(const engine::Signal &signal)
{
    return {{QStringLiteral("ts_ms"), signal.tsMs},
            {QStringLiteral("symbol"), signal.symbol},
            {QStringLiteral("price"), money(signal.price)},
            {QStringLiteral("score"), signal.score},
            {QStringLiteral("action"), signal.action},
            {QStringLiteral("momentum"), signal.momentum},
            {QStringLiteral("rsi"), signal.rsi},
            {QStringLiteral("volume_z"), signal.volumeZ},
            {QStringLiteral("mention_velocity"), signal.mentionVelocity},
            {QStringLiteral("sentiment"), signal.sentiment},
            {QStringLiteral("unique_authors"), signal.uniqueAuthors},
            {QStringLiteral("liquidity_change"), signal.liquidityChange},
            {QStringLiteral("liquidity_pulled"), signal.liquidityPulled},
            {QStringLiteral("explanation"), signal.explanation}};
}

QJsonObject toJson(const engine::BotStatus &status)
{
    return {{QStringLiteral("engine_state"), toString(status.engineState)},
            {QStringLiteral("trading_state"), toString(status.tradingState)},
            {QStringLiteral("mode"), toString(status.mode)},
            {QStringLiteral("halt_reason"), status.haltReason},
            {QStringLiteral("equity"), money(status.equity)},
            {QStringLiteral("cash"), money(status.cash)},
            {QStringLiteral("starting_equity"), money(status.startingEquity)},
            {QStringLiteral("realized_pnl"), money(status.realizedPnl)},
            {QStringLiteral("unrealized_pnl"), money(status.unrealizedPnl)},
            {QStringLiteral("pnl_today"), money(status.pnlToday)},
            {QStringLiteral("fees"), money(status.fees)},
            {QStringLiteral("open_positions"), status.openPositions},
            {QStringLiteral("fill_count"), status.fillCount},
            {QStringLiteral("clock_ms"), status.clockMs},
            {QStringLiteral("market_connected"), status.marketConnected},
            {QStringLiteral("market_detail"), status.marketDetail},
            {QStringLiteral("store_healthy"), status.storeHealthy},
            {QStringLiteral("venue_health"), toJson(status.health)}};
}

QJsonObject toJson(const engine::LogEntry &entry)
{
    return {{QStringLiteral("ts_ms"), entry.tsMs},
            {QStringLiteral("level"), engine::toString(entry.level)},
            {QStringLiteral("category"), entry.category},
            {QStringLiteral("message"), entry.message}};
}

QJsonObject toJson(const engine::RiskDenial &denial)
{
    QJsonObject fields;
    for (const auto &[name, value] : denial.denial.fields)
        fields.insert(name, value);
    return {{QStringLiteral("ts_ms"), denial.tsMs},
            {QStringLiteral("symbol"), denial.request.symbol},
            {QStringLiteral("side"), toString(denial.request.side)},
            {QStringLiteral("strategy"), denial.request.strategy},
            {QStringLiteral("code"), denial.denial.codeName()},
            {QStringLiteral("fields"), fields},
            {QStringLiteral("reason"), denial.reason}};
}

QJsonObject toJson(const engine::EquityPoint &point)
{
    return {{QStringLiteral("ts_ms"), point.tsMs}, {QStringLiteral("equity"), money(point.equity)}, {QStringLiteral("cash"), money(point.cash)}};
}

QJsonObject eventToJson(const engine::BotEvent &event)
{
    static const char *const kTypes[] = {"order", "fill", "signal", "status", "log", "risk_denial", "equity"};
    static_assert(std::variant_size_v<engine::BotEvent> == std::size(kTypes));
    const QJsonObject data = std::visit([](const auto &value) { return adapters::rest::toJson(value); }, event);
    return {{QStringLiteral("type"), QLatin1String(kTypes[event.index()])}, {QStringLiteral("data"), data}};
}

} // namespace adapters::rest
