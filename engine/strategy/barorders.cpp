#include "engine/strategy/barorders.h"

#include "engine/core/position.h"

namespace engine {

QList<OrderRequest> entryAllIn(const Candle &candle, const StrategyContext &ctx, const QString &strategy,
                               const QString &reason)
{
    if ((ctx.position && ctx.position->isOpen()) || ctx.hasOpenOrder || !ctx.cash.isPositive())
        return {};
    OrderRequest r;
    r.symbol = candle.symbol;
    r.side = Side::Buy;
    r.type = OrderType::Market;
    r.quoteQty = ctx.cash.divRounded(Decimal::fromInt(1) + ctx.feeRate, Rounding::Down);
    r.strategy = strategy;
    r.reason = reason;
    return {r};
}

QList<OrderRequest> exitAll(const Candle &candle, const StrategyContext &ctx, const QString &strategy, const QString &reason)
{
    if (!ctx.position || !ctx.position->isOpen() || ctx.hasOpenOrder)
        return {};
    OrderRequest r;
    r.symbol = candle.symbol;
    r.side = Side::Sell;
    r.type = OrderType::Market;
    r.qty = ctx.position->qty;
    r.reduceOnly = true;
    r.strategy = strategy;
    r.reason = reason;
    return {r};
}

} // namespace engine
