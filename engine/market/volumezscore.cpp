#include "engine/market/volumezscore.h"

#include <algorithm>
#include <cmath>

namespace engine {

VolumeZScore::VolumeZScore(int window) : m_window(std::max(2, window)) {}

void VolumeZScore::update(double volume)
{
    if (int(m_history.size()) >= m_window) {
        double mean = 0;
        for (double v : m_history)
            mean += v;
        mean /= m_history.size();
        double var = 0;
        for (double v : m_history)
            var += (v - mean) * (v - mean);
        var /= m_history.size();
        const double sd = std::sqrt(var);
        m_z = sd > 1e-12 * std::max(1.0, std::fabs(mean)) ? (volume - mean) / sd : 0.0;
        m_history.pop_front();
    }
    m_history.push_back(volume);
}

} // namespace engine
