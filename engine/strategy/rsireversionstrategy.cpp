#include "engine/strategy/rsireversionstrategy.h"

#include "engine/strategy/barorders.h"

namespace engine {

RsiReversionStrategy::RsiReversionStrategy(int period, double lower, double upper)
    : m_period(period)
    , m_lower(lower)
    , m_upper(upper)
{
}

QList<OrderRequest> RsiReversionStrategy::onCandle(const Candle &candle, const StrategyContext &ctx)
{
    auto it = m_states.find(candle.symbol);
    if (it == m_states.end())
        it = m_states.insert(candle.symbol, State{Rsi(m_period)});
    State &s = *it;
    s.rsi.update(candle.close.toDouble());
    if (!s.rsi.isReady())
        return {};
    const double rsi = s.rsi.value();
    const bool hadPrevious = s.hasPrevious;
    const double previous = s.previous;
    s.hasPrevious = true;
    s.previous = rsi;
    if (!hadPrevious)
        return {};
    if (previous < m_lower && m_lower <= rsi)
        return entryAllIn(candle, ctx, name(), QStringLiteral("RSI %1 back above %2").arg(rsi, 0, 'f', 2).arg(m_lower));
    if (previous > m_upper && m_upper >= rsi)
        return exitAll(candle, ctx, name(), QStringLiteral("RSI %1 back below %2").arg(rsi, 0, 'f', 2).arg(m_upper));
    return {};
}

} // namespace engine
