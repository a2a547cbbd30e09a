#include "engine/backtest/equitysampler.h"

#include <algorithm>

namespace engine {

EquitySampler::EquitySampler(int points) : m_points(std::max(2, points)) {}

void EquitySampler::add(qint64 timeMs, double equity)
{
    m_peak = std::max(m_peak, equity);
    const double drawdown = m_peak > 0 ? (m_peak - equity) / m_peak : 0;
    if (m_inBucket == 0 || m_samples.isEmpty()) {
        m_samples.append({timeMs, equity, equity, equity, drawdown});
    } else {
        EquitySample &s = m_samples.last();
        s.low = std::min(s.low, equity);
        s.high = std::max(s.high, equity);
        s.last = equity;
        s.drawdown = std::max(s.drawdown, drawdown);
    }
    if (++m_inBucket >= m_bucket)
        m_inBucket = 0;
    if (m_samples.size() >= 2 * m_points && m_inBucket == 0)
        halve();
}

void EquitySampler::halve()
{
    QList<EquitySample> merged;
    merged.reserve(m_samples.size() / 2 + 1);
    for (qsizetype i = 0; i < m_samples.size(); i += 2) {
        EquitySample s = m_samples.at(i);
        if (i + 1 < m_samples.size()) {
            const EquitySample &n = m_samples.at(i + 1);
            s.low = std::min(s.low, n.low);
            s.high = std::max(s.high, n.high);
            s.last = n.last;
            s.drawdown = std::max(s.drawdown, n.drawdown);
        }
        merged << s;
    }
    m_samples = std::move(merged);
    m_bucket *= 2;
}

QList<EquitySample> EquitySampler::samples() const { return m_samples; }

} // namespace engine
