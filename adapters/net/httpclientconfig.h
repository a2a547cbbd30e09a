#pragma once

#include "adapters/net/backoff.h"
#include "adapters/net/ratelimitheaders.h"

#include "engine/core/version.h"

namespace adapters::net {

//! Settings of an HttpClient; the defaults suit a REST venue API.
struct HttpClientConfig {
    //! Deadline of one attempt from when it leaves the host queue, when the request names none.
    int defaultTimeoutMs = 10'000;
    //! Attempts per request, the first included (1 = never retry).
    int maxAttempts = 4;
    //! Delay between retries of Retryable failures (and the host pause after a 429/418 that
    //! names no wait).
    BackoffPolicy backoff{250, 2.0, 10'000, true};
    //! Random source of the backoff jitter, in [0, 1); empty = Qt's global generator.
    std::function<double()> random;
    //! A request that would have to wait longer than this for a host pause (a 418 ban can last
    //! days) is reported as failed instead of being held; the pause itself stays in force.
    qint64 maxPauseWaitMs = 5 * 60 * 1000;
    //! Headers that pause the host after a 429/418 (the longest wins).
    QList<PauseHeader> pauseHeaders{{QByteArrayLiteral("Retry-After"), PauseHeader::Format::RetryAfter}};
    //! Headers that report the server's count of used budget, fed into the host's budget.
    QList<UsageHeader> usageHeaders;
    //! Answers larger than this are cut off (outside input is bounded).
    qint64 maxResponseBytes = 16 * 1024 * 1024;
    QByteArray userAgent = QByteArray("Memedesk/") + engine::version();
};

} // namespace adapters::net
