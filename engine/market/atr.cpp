#include "engine/market/atr.h"

#include <algorithm>
#include <cmath>

namespace engine {

Atr::Atr(int period) : m_period(std::max(1, period)) {}

void Atr::update(double high, double low, double close)
{
    double tr = high - low;
    if (m_hasPrev)
        tr = std::max({tr, std::fabs(high - m_prevClose), std::fabs(low - m_prevClose)});
    m_prevClose = close;
    m_hasPrev = true;
    ++m_count;
    if (m_count <= m_period)
        m_atr += (tr - m_atr) / m_count;
    else
        m_atr = (m_atr * (m_period - 1) + tr) / m_period;
}

} // namespace engine
