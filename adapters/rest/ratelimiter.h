#pragma once

#include <QHash>
#include <QString>

namespace adapters::rest {

//! Token buckets by key (a client address, a user name): `perMinute` requests a minute on average,
//! bursts up to `burst`. Zero perMinute = no limit. One thread.
class RateLimiter {
public:
    RateLimiter(int perMinute, int burst) : m_perMinute(perMinute), m_burst(std::max(1, burst)) {}

    //! 0 when the request may go ahead (and takes a token); otherwise the seconds to wait.
    int acquire(const QString &key, qint64 nowMs);
    //! What acquire() would answer, without taking a token (for limits that only count failures).
    [[nodiscard]] int wait(const QString &key, qint64 nowMs);

private:
    struct Bucket {
        double tokens = 0;
        qint64 updatedMs = 0;
    };
    void prune(qint64 nowMs);
    Bucket &refill(const QString &key, qint64 nowMs);

    int m_perMinute;
    int m_burst;
    QHash<QString, Bucket> m_buckets;
    qint64 m_lastPruneMs = 0;
};

} // namespace adapters::rest
