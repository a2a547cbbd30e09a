#include "engine/strategy/emacrossstrategy.h"

#include "engine/strategy/barorders.h"

namespace engine {

EmaCrossStrategy::EmaCrossStrategy(int fast, int slow) : m_fast(fast), m_slow(slow) {}

QList<OrderRequest> EmaCrossStrategy::onCandle(const Candle &candle, const StrategyContext &ctx)
{
    auto it = m_states.find(candle.symbol);
    if (it == m_states.end())
        it = m_states.insert(candle.symbol, State{Ema(m_fast), Ema(m_slow)});
    State &s = *it;
    const double close = candle.close.toDouble();
    s.fast.update(close);
    s.slow.update(close);
    if (!s.fast.isReady() || !s.slow.isReady())
        return {};
    const double fast = s.fast.value();
    const double slow = s.slow.value();
    const bool hadPrevious = s.hasPrevious;
    const double previousFast = s.previousFast;
    const double previousSlow = s.previousSlow;
    s.hasPrevious = true;
    s.previousFast = fast;
    s.previousSlow = slow;
    if (!hadPrevious)
        return {}; // the first bar with both EMAs: a state, not a cross
    if (previousFast <= previousSlow && fast > slow)
        return entryAllIn(candle, ctx, name(), QStringLiteral("EMA %1 crossed above EMA %2").arg(m_fast).arg(m_slow));
    if (previousFast >= previousSlow && fast < slow)
        return exitAll(candle, ctx, name(), QStringLiteral("EMA %1 crossed below EMA %2").arg(m_fast).arg(m_slow));
    return {};
}

} // namespace engine
