#include "engine/risk/riskgate.h"

namespace engine {

RiskGate::RiskGate(RiskLimits limits) : m_limits(limits) {}

std::optional<Denial> RiskGate::check(const OrderRequest &r, const RiskContext &ctx, qint64 nowMs)
{
    using C = Denial::Code;
    // Sized by quantity, or (MARKET only) by quote amount: exactly one of the two.
    const bool byQuote = r.quoteQty.isPositive();
    if (byQuote ? (r.type != OrderType::Market || !r.qty.isZero()) : !r.qty.isPositive())
        return Denial{C::InvalidQuantity,
                      {{QStringLiteral("qty"), r.qty.toString()}, {QStringLiteral("quote_qty"), r.quoteQty.toString()}}};
    if (hasLimitPrice(r.type) && !r.limitPrice.isPositive())
        return Denial{C::InvalidLimitPrice, {{QStringLiteral("limit_price"), r.limitPrice.toString()}}};
    if (!ctx.referencePrice.isPositive())
        return Denial{C::NoMarketPrice, {{QStringLiteral("symbol"), r.symbol}}};
    if (ctx.symbolBlocked)
        return Denial{C::UnknownOutcomePending, {{QStringLiteral("symbol"), r.symbol}}};

    const bool reducing = r.side == Side::Sell;
    if (r.reduceOnly && !reducing)
        return Denial{C::ReduceOnlyNotSell};
    // A sale by amount sells about amount / price; that much must be held.
    const Decimal qty = byQuote ? r.quoteQty.divRounded(ctx.referencePrice, Rounding::Up) : r.qty;
    if (reducing && qty > ctx.positionQty)
        return Denial{C::SellExceedsPosition,
                      {{QStringLiteral("requested"), qty.toString()}, {QStringLiteral("position"), ctx.positionQty.toString()}}};

    if (m_state == TradingState::Halted && !r.reduceOnly)
        return Denial{C::TradingHalted,
                      {{QStringLiteral("reason"), m_reason.isEmpty() ? QStringLiteral("by the user") : m_reason}}};
    if (m_state == TradingState::Reducing && !reducing)
        return Denial{C::TradingReducing};

    while (!m_submissions.empty() && m_submissions.front() <= nowMs - 60'000)
        m_submissions.pop_front();
    if (!r.reduceOnly && int(m_submissions.size()) >= m_limits.maxOrdersPerMinute)
        return Denial{C::OrderRateExceeded, {{QStringLiteral("max_per_minute"), QString::number(m_limits.maxOrdersPerMinute)}}};

    const Decimal price = hasLimitPrice(r.type) ? r.limitPrice : ctx.referencePrice;
    const Decimal notional = byQuote ? r.quoteQty : price * r.qty;
    if (!reducing) {
        if (notional > m_limits.maxOrderNotional)
            return Denial{C::NotionalExceedsMax,
                          {{QStringLiteral("max"), m_limits.maxOrderNotional.toString(2)},
                           {QStringLiteral("requested"), notional.toString(2)}}};
        if (!ctx.hasPosition && ctx.openPositions >= m_limits.maxOpenPositions)
            return Denial{C::MaxOpenPositions, {{QStringLiteral("max"), QString::number(m_limits.maxOpenPositions)}}};
        const Decimal needed = notional + notional * ctx.feeRate;
        if (needed > ctx.cash)
            return Denial{C::InsufficientCash,
                          {{QStringLiteral("needed"), needed.toString(2)}, {QStringLiteral("available"), ctx.cash.toString(2)}}};
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
