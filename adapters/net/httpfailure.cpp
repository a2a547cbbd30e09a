#include "adapters/net/httpfailure.h"

namespace adapters::net {

namespace {

Classification make(FailureKind kind, const char *code, QString message)
{
    return Classification{kind, QString::fromLatin1(code), std::move(message)};
}

// After a request may have reached the server, only idempotent ones can be repeated.
FailureKind afterSending(bool idempotent)
{
    return idempotent ? FailureKind::Retryable : FailureKind::UnknownOutcome;
}

Classification classifyTransport(const AttemptOutcome &o, bool idempotent)
{
    const QString detail = o.detail.isEmpty() ? QString() : QStringLiteral(": ") + o.detail;
    switch (o.transport) {
    case TransportError::None:
        break;
    case TransportError::Refused:
        return make(FailureKind::Retryable, "NETWORK", QStringLiteral("could not connect") + detail);
    case TransportError::Dropped:
        if (!o.requestSent)
            return make(FailureKind::Retryable, "NETWORK",
                        QStringLiteral("connection lost before the request was sent") + detail);
        return make(afterSending(idempotent), "CONNECTION_DROPPED",
                    QStringLiteral("connection lost after the request was sent") + detail);
    case TransportError::Timeout:
        // Even when Qt had not reported the request as sent, it may be on its way: unknown.
        return make(afterSending(idempotent), "TIMEOUT", QStringLiteral("no answer before the deadline"));
    case TransportError::Tls:
        return make(FailureKind::Fatal, "TLS", QStringLiteral("TLS failure") + detail);
    case TransportError::TooLarge:
        return make(idempotent ? FailureKind::Fatal : FailureKind::UnknownOutcome, "RESPONSE_TOO_LARGE",
                    QStringLiteral("the answer exceeded the size limit"));
    case TransportError::Protocol:
        return make(o.requestSent ? afterSending(idempotent) : FailureKind::Retryable, "PROTOCOL",
                    QStringLiteral("the server's answer is not valid HTTP") + detail);
    case TransportError::Cancelled:
        return make(o.requestSent && !idempotent ? FailureKind::UnknownOutcome : FailureKind::Retryable,
                    "CANCELLED", QStringLiteral("the request was cancelled"));
    case TransportError::InvalidRequest:
        return make(FailureKind::Fatal, "INVALID_REQUEST", QStringLiteral("invalid request") + detail);
    }
    return make(FailureKind::None, "", {});
}

} // namespace

bool isRateLimitStatus(int status)
{
    return status == 429 || status == 418;
}

Classification classifyAttempt(const AttemptOutcome &o, bool idempotent)
{
    if (o.transport != TransportError::None) {
        // A complete status with a broken body: the server acted, we just lost the answer.
        if (o.status >= 200 && o.status < 300 && o.transport == TransportError::Dropped) {
            return make(afterSending(idempotent), "CONNECTION_DROPPED",
                        QStringLiteral("connection lost while reading the answer"));
        }
        if (o.status == 0 || o.transport == TransportError::Timeout || o.transport == TransportError::TooLarge
            || o.transport == TransportError::Cancelled) {
            return classifyTransport(o, idempotent);
        }
        // Otherwise the status line says more than the broken body; fall through.
    }
    const int s = o.status;
    const QString status = QString::number(s);
    if (s >= 200 && s < 300)
        return make(FailureKind::None, "", {});
    if (s == 429)
        return make(FailureKind::Retryable, "HTTP_429", QStringLiteral("rate limited (HTTP 429)"));
    if (s == 418)
        return make(FailureKind::Retryable, "HTTP_418", QStringLiteral("banned for exceeding the rate limit (HTTP 418)"));
    if (s >= 500 && s < 600)
        return make(afterSending(idempotent), "HTTP_5XX", QStringLiteral("server error (HTTP %1)").arg(status));
    if (s >= 400 && s < 500)
        return make(FailureKind::Fatal, "HTTP_4XX", QStringLiteral("request refused (HTTP %1)").arg(status));
    if (s >= 300 && s < 400)
        return make(FailureKind::Fatal, "HTTP_3XX", QStringLiteral("unexpected redirect (HTTP %1)").arg(status));
    if (s == 0)
        return make(afterSending(idempotent), "NO_ANSWER", QStringLiteral("no answer"));
    return make(afterSending(idempotent), "HTTP_OTHER", QStringLiteral("unexpected HTTP status %1").arg(status));
}

} // namespace adapters::net
