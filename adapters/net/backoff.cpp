#include "adapters/net/backoff.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace adapters::net {

Backoff::Backoff(Policy policy, RandomSource random)
    : m_policy(policy)
    , m_random(std::move(random))
{
    // Nonsense policies (negative base, shrinking factor) would hammer or stall; clamp them.
    m_policy.baseMs = std::max(0, m_policy.baseMs);
    m_policy.maxMs = std::max(m_policy.baseMs, m_policy.maxMs);
    m_policy.factor = std::max(1.0, m_policy.factor);
    if (!m_random)
        m_random = [] { return QRandomGenerator::global()->generateDouble(); };
}

int Backoff::currentCapMs() const
{
    // Computed in double and clamped first, so a large attempt count cannot overflow.
    const double cap = m_policy.baseMs * std::pow(m_policy.factor, m_attempts);
    return static_cast<int>(std::min<double>(cap, m_policy.maxMs));
}

int Backoff::nextDelayMs()
{
    const int cap = currentCapMs();
    if (m_attempts < 1'000'000)
        ++m_attempts;
    if (!m_policy.fullJitter)
        return cap;
    const double r = std::clamp(m_random(), 0.0, 1.0);
    return std::clamp(static_cast<int>(std::floor(r * cap)), 0, cap);
}

} // namespace adapters::net
