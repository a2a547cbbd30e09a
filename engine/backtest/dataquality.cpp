#include "engine/backtest/dataquality.h"

namespace engine {

void DataQualityTracker::add(const QString &symbol, qint64 openMs, bool zeroVolume)
{
    if (m_q.bars == 0)
        m_q.firstMs = openMs;
    m_q.firstMs = std::min(m_q.firstMs, openMs);
    m_q.lastMs = std::max(m_q.lastMs, openMs);
    ++m_q.bars;
    ++m_barsSeen[symbol];
    if (zeroVolume) {
        ++m_q.zeroVolumeBars;
        if (m_q.zeroVolumeTimes.size() < kZeroVolumeKept)
            m_q.zeroVolumeTimes << openMs;
    }
    const auto last = m_lastMs.find(symbol);
    if (last != m_lastMs.end()) {
        const qint64 step = openMs - *last;
        if (step > 0 && (m_minStepMs == 0 || step < m_minStepMs))
            m_minStepMs = step;
        // A symbol's first step may itself be a gap (the interval is learnt from later steps):
        // kept too, and judged at the end.
        const bool firstStep = m_barsSeen.value(symbol) == 2;
        if (step > m_minStepMs || firstStep)
            m_candidates.append({symbol, *last, openMs, 0});
        *last = openMs;
    } else {
        m_lastMs.insert(symbol, openMs);
    }
}

DataQuality DataQualityTracker::result() const
{
    DataQuality q = m_q;
    q.intervalMs = m_minStepMs;
    for (DataQuality::Gap g : m_candidates) {
        if (q.intervalMs <= 0 || g.nextMs - g.afterMs <= q.intervalMs)
            continue;
        g.missingBars = (g.nextMs - g.afterMs) / q.intervalMs - 1;
        q.gaps << g;
    }
    return q;
}

} // namespace engine
