#include "engine/market/rsi.h"

#include <algorithm>

namespace engine {

Rsi::Rsi(int period) : m_period(std::max(1, period)) {}

void Rsi::update(double close)
{
    if (!m_hasPrev) {
        m_prev = close;
        m_hasPrev = true;
        return;
    }
    const double change = close - m_prev;
    m_prev = close;
    const double gain = change > 0 ? change : 0;
    const double loss = change < 0 ? -change : 0;
    ++m_changes;
    if (m_changes <= m_period) {
        // the first averages are the simple means of the first `period` changes: sum, then divide
        m_sumGain += gain;
        m_sumLoss += loss;
        if (m_changes == m_period) {
            m_avgGain = m_sumGain / m_period;
            m_avgLoss = m_sumLoss / m_period;
        }
        return;
    }
    m_avgGain = (m_avgGain * (m_period - 1) + gain) / m_period;
    m_avgLoss = (m_avgLoss * (m_period - 1) + loss) / m_period;
}

double Rsi::value() const
{
    if (!isReady())
        return 50.0;
    if (m_avgLoss == 0)
        return m_avgGain == 0 ? 50.0 : 100.0;
    const double rs = m_avgGain / m_avgLoss;
    return 100.0 - 100.0 / (1.0 + rs);
}

} // namespace engine
