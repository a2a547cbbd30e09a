#include "adapters/rest/ratelimiter.h"

#include <cmath>

namespace adapters::rest {

int RateLimiter::acquire(const QString &key, qint64 nowMs)
{
    if (m_perMinute <= 0)
        return 0;
    if (nowMs - m_lastPruneMs > 60'000)
        prune(nowMs);
    const double perMs = m_perMinute / 60'000.0;
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket{double(m_burst), nowMs});
    Bucket &bucket = it.value();
    bucket.tokens = std::min(double(m_burst), bucket.tokens + double(std::max<qint64>(0, nowMs - bucket.updatedMs)) * perMs);
    bucket.updatedMs = nowMs;
    if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
        return 0;
    }
    return std::max(1, int(std::ceil((1.0 - bucket.tokens) / perMs / 1000.0)));
}

void RateLimiter::prune(qint64 nowMs)
{
    m_lastPruneMs = nowMs;
    // A bucket refilled to the brim carries no information: forget it.
    const qint64 fullAfterMs = qint64(m_burst * 60'000.0 / m_perMinute) + 1;
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        if (nowMs - it->updatedMs > fullAfterMs)
            it = m_buckets.erase(it);
        else
            ++it;
    }
}

} // namespace adapters::rest
