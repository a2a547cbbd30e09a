#include "engine/strategy/momentumsocialstrategy.h"

namespace engine {

QList<OrderRequest> MomentumSocialStrategy::onSignal(const Signal &s, const StrategyContext &ctx)
{
    if (!ctx.instrument || ctx.hasOpenOrder || !ctx.bestAsk.isPositive())
        return {};
    const bool holding = ctx.position && ctx.position->isOpen();
    OrderRequest r;
    r.symbol = s.symbol;
    r.type = OrderType::Market;
    r.strategy = name();
    if (s.action == QLatin1String("BUY") && !holding) {
        Decimal qty = m_params.orderNotional / ctx.bestAsk;
        if (ctx.instrument->stepSize.isPositive())
            qty = qty.quantized(ctx.instrument->stepSize, Rounding::Down);
        if (!qty.isPositive())
            return {};
        r.side = Side::Buy;
        r.qty = qty;
        r.reason = QStringLiteral("score %1: %2").arg(s.score, 0, 'f', 2).arg(s.explanation);
        return {r};
    }
    if (s.action == QLatin1String("SELL") && holding) {
        r.side = Side::Sell;
        r.qty = ctx.position->qty;
        r.reduceOnly = true;
        r.reason = QStringLiteral("score %1: %2").arg(s.score, 0, 'f', 2).arg(s.explanation);
        return {r};
    }
    return {};
}

} // namespace engine
