#pragma once

#include "adapters/net/httptypes.h"

#include <optional>

namespace adapters::net {

//! A response header that tells how long the host wants us to wait.
struct PauseHeader {
    enum class Format {
        RetryAfter,   //!< RFC 9110 Retry-After: delta seconds or an HTTP-date
        EpochSeconds, //!< the Unix time (seconds) the limit resets, e.g. X's x-rate-limit-reset
    };
    QByteArray name;
    Format format = Format::RetryAfter;
};

//! A response header reporting the budget already used in one of the host's windows
//! (Binance X-MBX-USED-WEIGHT-1M = weight used in the current minute).
struct UsageHeader {
    QByteArray name;
    qint64 windowMs = 0;
};

//! Longest pause a header may impose: a garbled or hostile value cannot park a host for years.
inline constexpr qint64 kMaxServerPauseMs = 7LL * 24 * 3600 * 1000;

//! Milliseconds to wait from `nowEpochMs` according to a Retry-After value; nullopt when
//! the value is neither delta seconds nor an HTTP-date. A date in the past gives 0.
[[nodiscard]] std::optional<qint64> parseRetryAfterMs(const QByteArray &value, qint64 nowEpochMs);
//! Milliseconds until the Unix time (seconds) in `value`; nullopt when it is not a number.
[[nodiscard]] std::optional<qint64> parseEpochResetMs(const QByteArray &value, qint64 nowEpochMs);
//! The longest pause any of `specs` asks for in `headers`; nullopt when none is present and valid.
[[nodiscard]] std::optional<qint64> serverPauseMs(const HeaderList &headers, const QList<PauseHeader> &specs,
                                                  qint64 nowEpochMs);
//! The used weight a usage header reports; nullopt when absent or not a non-negative integer.
[[nodiscard]] std::optional<int> parseUsedWeight(const HeaderList &headers, const QByteArray &name);

} // namespace adapters::net
