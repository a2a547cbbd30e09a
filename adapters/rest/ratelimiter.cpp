#include "adapters/rest/ratelimiter.h"

#include <cmath>

namespace adapters::rest {

RateLimiter::Bucket &RateLimiter::refill(const QString &key, qint64 nowMs)
{
    if (nowMs - m_lastPruneMs > 60'000)
        prune(nowMs);
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket{double(m_burst), nowMs});
    Bucket &bucket = it.value();
    const double perMs = m_perMinute / 60'000.0;
    bucket.tokens = std::min(double(m_burst), bucket.tokens + double(std::max<qint64>(0, nowMs - bucket.updatedMs)) * perMs);
    bucket.updatedMs = nowMs;
    return bucket;
}

int RateLimiter::wait(const QString &key, qint64 nowMs)
{
    if (m_perMinute <= 0)
        return 0;
    const Bucket &bucket = refill(key, nowMs);
    if (bucket.tokens >= 1.0)
        return 0;
    return std::max(1, int(std::ceil((1.0 - bucket.tokens) * 60.0 / m_perMinute)));
}

int RateLimiter::acquire(const QString &key, qint64 nowMs)
{
    const int seconds = wait(key, nowMs);
    if (seconds == 0 && m_perMinute > 0)
        m_buckets[key].tokens -= 1.0;
    return seconds;
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
