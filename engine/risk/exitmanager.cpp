#include "engine/risk/exitmanager.h"

namespace engine {

std::optional<OrderRequest> ExitManager::check(const Position &p, const RiskLimits &limits)
{
    if (!p.isOpen() || !p.lastPrice.isPositive() || !p.avgPrice.isPositive())
        return std::nullopt;
    const Decimal one = Decimal::fromInt(1);
    QString kind, reason;
    const Decimal stop = p.avgPrice * (one - limits.stopLossPct);
    const Decimal target = p.avgPrice * (one + limits.takeProfitPct);
    if (p.lastPrice <= stop) {
        kind = QStringLiteral("stop_loss");
        reason = QStringLiteral("stop-loss: %1 <= %2").arg(p.lastPrice.toString(), stop.toString(12));
    } else if (p.lastPrice >= target) {
        kind = QStringLiteral("take_profit");
        reason = QStringLiteral("take-profit: %1 >= %2").arg(p.lastPrice.toString(), target.toString(12));
    } else if (limits.trailingStopPct.isPositive()) {
        const Decimal armAt = p.avgPrice * (one + limits.trailingStopPct);
        const Decimal trail = p.peakPrice * (one - limits.trailingStopPct);
        if (p.peakPrice >= armAt && p.lastPrice <= trail) {
            kind = QStringLiteral("trailing_stop");
            reason = QStringLiteral("trailing stop: %1 fell %2 % from peak %3")
                         .arg(p.lastPrice.toString(), (limits.trailingStopPct * Decimal::fromInt(100)).toString(),
                              p.peakPrice.toString());
        }
    }
    if (kind.isEmpty())
        return std::nullopt;
    return closeOrder(p, QStringLiteral("exit:") + kind, reason);
}

OrderRequest ExitManager::closeOrder(const Position &p, const QString &strategy, const QString &reason)
{
    OrderRequest r;
    r.symbol = p.symbol;
    r.side = Side::Sell;
    r.type = OrderType::Market;
    r.qty = p.qty;
    r.reduceOnly = true;
    r.strategy = strategy;
    r.reason = reason;
    return r;
}

} // namespace engine
