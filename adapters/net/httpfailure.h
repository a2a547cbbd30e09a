#pragma once

#include "adapters/net/httptypes.h"

namespace adapters::net {

//! Why an attempt got no complete HTTP answer, reduced to what matters for retrying.
enum class TransportError {
    None,
    Refused,      //!< connection refused / host not found: nothing reached the server
    Dropped,      //!< the connection closed or reset before a complete answer
    Timeout,      //!< our per-request deadline passed
    Tls,          //!< TLS handshake or certificate failure
    TooLarge,     //!< the answer exceeded the size limit and was cut off
    Protocol,     //!< the server spoke something that is not HTTP
    Cancelled,    //!< the caller or the client's shutdown aborted it
    InvalidRequest, //!< bad URL or unsupported scheme: never left the process
};

//! The facts about one attempt, gathered from the reply.
struct AttemptOutcome {
    int status = 0;                   //!< 0 = no status line received
    TransportError transport = TransportError::None;
    bool requestSent = false;         //!< the whole request was handed to the socket
    QString detail;                   //!< Qt's error text, for the message
};

//! How the client must treat an attempt.
struct Classification {
    FailureKind kind = FailureKind::None;
    QString code;
    QString message;
};

//! The one place that maps an attempt to a failure kind and code (see the rules in the
//! implementation). A non-idempotent request that may have reached the server is never
//! classified Retryable, except for 429/418, which the server answers without acting.
[[nodiscard]] Classification classifyAttempt(const AttemptOutcome &outcome, bool idempotent);

//! True for the rate-limit statuses that pause the whole host (429 too many requests, 418 banned).
[[nodiscard]] bool isRateLimitStatus(int status);

} // namespace adapters::net
