#include "engine/market/ema.h"

#include <algorithm>

namespace engine {

Ema::Ema(int period) : m_period(std::max(1, period)), m_alpha(2.0 / (m_period + 1.0)) {}

void Ema::update(double value)
{
    ++m_count;
    if (m_count <= m_period) {
        m_seedSum += value;
        m_value = m_seedSum / m_count;
        return;
    }
    m_value += m_alpha * (value - m_value);
}

} // namespace engine
