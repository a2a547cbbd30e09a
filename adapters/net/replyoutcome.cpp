#include "adapters/net/replyoutcome.h"

namespace adapters::net {

TransportError transportErrorOf(QNetworkReply::NetworkError error, const AttemptFlags &flags)
{
    using E = QNetworkReply::NetworkError;
    switch (error) {
    case E::NoError:
        return TransportError::None;
    case E::OperationCanceledError:
        // Our own aborts say why; any other abort is a cancellation.
        if (flags.timedOut)
            return TransportError::Timeout;
        if (flags.tooLarge)
            return TransportError::TooLarge;
        return TransportError::Cancelled;
    case E::ConnectionRefusedError:
    case E::HostNotFoundError:
    case E::ProxyConnectionRefusedError:
    case E::ProxyNotFoundError:
    case E::ProxyAuthenticationRequiredError:
    case E::UnknownProxyError:
    case E::BackgroundRequestNotAllowedError:
        return TransportError::Refused;
    case E::RemoteHostClosedError:
    case E::ContentReSendError: // Qt wanted to re-send after a drop; OneShotBody refused
    case E::TemporaryNetworkFailureError:
    case E::NetworkSessionFailedError:
    case E::ProxyConnectionClosedError:
    case E::UnknownNetworkError:
        return TransportError::Dropped;
    case E::TimeoutError:
    case E::ProxyTimeoutError:
        return TransportError::Timeout;
    case E::SslHandshakeFailedError:
        return TransportError::Tls;
    case E::ProtocolFailure:
        return TransportError::Protocol;
    case E::ProtocolUnknownError:
    case E::ProtocolInvalidOperationError:
    case E::TooManyRedirectsError:
    case E::InsecureRedirectError:
        return TransportError::InvalidRequest;
    default:
        // Content and server errors mirror the HTTP status, which is classified itself.
        return TransportError::None;
    }
}

AttemptResult readFinishedReply(QNetworkReply *reply, AttemptFlags flags, qint64 maxBodyBytes)
{
    // The whole answer may have arrived before the progress check could abort it.
    if (reply->isOpen() && reply->bytesAvailable() > maxBodyBytes)
        flags.tooLarge = true;
    AttemptResult r;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    r.outcome.status = status.isValid() ? status.toInt() : 0;
    r.outcome.transport = flags.tooLarge ? TransportError::TooLarge : transportErrorOf(reply->error(), flags);
    r.outcome.requestSent = flags.requestSent;
    if (r.outcome.transport != TransportError::None)
        r.outcome.detail = reply->errorString();
    // A status-derived Qt error without a status line would otherwise look like success.
    if (r.outcome.transport == TransportError::None && reply->error() != QNetworkReply::NoError
        && r.outcome.status == 0) {
        r.outcome.transport = TransportError::Protocol;
        r.outcome.detail = reply->errorString();
    }
    for (const auto &pair : reply->rawHeaderPairs())
        r.headers.append({pair.first, pair.second});
    if (!flags.tooLarge && reply->isOpen())
        r.body = reply->readAll();
    return r;
}

} // namespace adapters::net
