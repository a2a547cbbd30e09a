#include "riskgate.h"

namespace engine {

RiskGate::RiskGate(RiskLimits limits) : m_limits(limits) {}

std::optional<QString> RiskGate::check(const OrderRequest &r, const RiskContext &ctx, qint64 nowMs)
{
    if (!r.qty.isPositive())
        return QStringLiteral("quantity must be positive (got %1)").arg(r.qty.toString());
    if (r.type == OrderType::Limit && !r.limitPrice.isPositive())
        return QStringLiteral("limit price must be positive");
    if (!ctx.referencePrice.isPositive())
        return QStringLiteral("no market price for %1 yet").arg(r.symbol);
    if (ctx.symbolBlocked)
        return QStringLiteral("%1 has an order with an unknown outcome; waiting for the venue").arg(r.symbol);

    const bool reducing = r.side == Side::Sell;
    if (r.reduceOnly && !reducing)
        return QStringLiteral("reduce-only order must be a sell");
    if (reducing && r.qty > ctx.positionQty)
        return QStringLiteral("sell of %1 exceeds the position of %2").arg(r.qty.toString(), ctx.positionQty.toString());

    if (m_state == TradingState::Halted && !r.reduceOnly)
        return QStringLiteral("trading halted: %1").arg(m_reason.isEmpty() ? QStringLiteral("by the user") : m_reason);
    if (m_state == TradingState::Reducing && !reducing)
        return QStringLiteral("trading is reducing only: new positions are not allowed");

    while (!m_submissions.empty() && m_submissions.front() <= nowMs - 60'000)
        m_submissions.pop_front();
    if (!r.reduceOnly && int(m_submissions.size()) >= m_limits.maxOrdersPerMinute)
        return QStringLiteral("order rate limit: %1 orders in the last minute").arg(m_limits.maxOrdersPerMinute);

    const Decimal price = r.type == OrderType::Limit ? r.limitPrice : ctx.referencePrice;
    const Decimal notional = price * r.qty;
    if (!reducing) {
        if (notional > m_limits.maxOrderNotional)
            return QStringLiteral("order notional %1 exceeds the limit of %2")
                .arg(notional.toString(2), m_limits.maxOrderNotional.toString(2));
        if (!ctx.hasPosition && ctx.openPositions >= m_limits.maxOpenPositions)
            return QStringLiteral("max open positions (%1) reached").arg(m_limits.maxOpenPositions);
        const Decimal needed = notional + notional * ctx.feeRate;
        if (needed > ctx.cash)
            return QStringLiteral("insufficient cash: need %1, have %2").arg(needed.toString(2), ctx.cash.toString(2));
    }
    return std::nullopt;
}

void RiskGate::recordSubmission(qint64 nowMs) { m_submissions.push_back(nowMs); }

void RiskGate::setDayStart(qint64 dayIndex, Decimal equity)
{
    m_dayIndex = dayIndex;
    m_dayStartEquity = equity;
}

bool RiskGate::updateDailyPnl(Decimal equity, qint64 nowMs)
{
    const qint64 day = nowMs / 86'400'000;
    bool changed = false;
    // A clock behind the recorded day (a restart before the market's first tick) is no new day.
    if (day > m_dayIndex) {
        // a new UTC day: the loss budget starts again
        setDayStart(day, equity);
        if (m_state == TradingState::Halted && m_reason.startsWith(QLatin1String("daily loss"))) {
            setState(TradingState::Active, QString());
            changed = true;
        }
    }
    const Decimal pnl = pnlToday(equity);
    if (m_state != TradingState::Halted && pnl <= -m_limits.dailyLossLimit) {
        setState(TradingState::Halted, QStringLiteral("daily loss limit of %1 reached (today %2)")
                                           .arg(m_limits.dailyLossLimit.toString(2), pnl.toString(2)));
        changed = true;
    }
    return changed;
}

void RiskGate::setState(TradingState state, const QString &reason)
{
    m_state = state;
    m_reason = reason;
}

} // namespace engine
