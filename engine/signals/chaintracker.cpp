#include "engine/signals/chaintracker.h"

namespace engine {

void ChainTracker::add(const ChainEvent &e)
{
    const QString token = e.token.toUpper();
    const double before = m_lastLiquidity.value(token, 0.0);
    const double after = e.liquidity.isPositive() ? e.liquidity.toDouble() : before;
    const bool pulled = e.kind == ChainEvent::Kind::LiquidityRemoved && before > 0 && after < before * 0.5;
    const bool whale = e.kind == ChainEvent::Kind::WhaleTransfer;
    m_points[token].push_back({e.tsMs, after, pulled, whale});
    if (after > 0)
        m_lastLiquidity[token] = after;
}

ChainStats ChainTracker::stats(const QString &token, qint64 nowMs, int windowMin)
{
    ChainStats s;
    auto it = m_points.find(token.toUpper());
    if (it == m_points.end())
        return s;
    auto &q = *it;
    const qint64 start = nowMs - qint64(windowMin) * 60'000;
    // keep one point before the window as the reference level
    while (q.size() > 1 && q[1].tsMs < start)
        q.pop_front();
    if (q.empty())
        return s;
    const double first = q.front().liquidity;
    const double last = q.back().liquidity;
    if (first > 0)
        s.liquidityChange = last / first - 1.0;
    for (const Point &p : q) {
        if (p.tsMs < start)
            continue;
        s.liquidityPulled = s.liquidityPulled || p.pulled;
        s.whaleTransfers += p.whale ? 1 : 0;
    }
    return s;
}

} // namespace engine
