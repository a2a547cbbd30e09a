#include "adapters/binance/binanceerror.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace adapters::binance {

QString BinanceError::errorCode() const
{
    if (code != 0)
        return QStringLiteral("BINANCE_%1").arg(code);
    return QStringLiteral("HTTP_%1").arg(httpStatus);
}

BinanceError classify(int httpStatus, QByteArrayView body, bool idempotent, QByteArrayView retryAfterHeader)
{
    using A = BinanceError::Action;
    BinanceError e;
    e.httpStatus = httpStatus;
    if (httpStatus >= 200 && httpStatus < 300)
        return e;
    const QJsonDocument doc = QJsonDocument::fromJson(body.toByteArray());
    if (doc.isObject()) {
        e.code = doc.object().value(QStringLiteral("code")).toInt();
        e.message = doc.object().value(QStringLiteral("msg")).toString().left(500);
    }
    if (e.message.isEmpty())
        e.message = QStringLiteral("HTTP %1").arg(httpStatus);
    bool ok = false;
    const qint64 retryAfterSec = QByteArray(retryAfterHeader.data(), retryAfterHeader.size()).trimmed().toLongLong(&ok);
    if (ok && retryAfterSec >= 0)
        e.retryAfterMs = retryAfterSec * 1000;

    switch (e.code) {
    case -1003: // too much request weight, or an IP ban
    case -1015: // too many new orders
        e.action = A::Retry;
        if (e.retryAfterMs == 0)
            e.retryAfterMs = 1000;
        return e;
    case -1006: // "An unexpected response was received from the message bus. Execution status unknown."
    case -1007: // "Send status unknown; execution status unknown."
        e.action = idempotent ? A::Retry : A::QueryOutcome;
        return e;
    case -1021: // outside recvWindow / ahead of the server
        e.action = A::ResyncClock;
        return e;
    case -2013: // Order does not exist.
        e.action = A::NotFound;
        return e;
    case -2011: // cancel rejected: unknown order means it is already final
        e.action = e.message.contains(QLatin1String("Unknown order"), Qt::CaseInsensitive) ? A::NotFound : A::Reject;
        return e;
    default:
        break;
    }
    if (httpStatus == 429 || httpStatus == 418) {
        e.action = A::Retry;
        if (e.retryAfterMs == 0)
            e.retryAfterMs = 1000;
        return e;
    }
    if (httpStatus >= 500) {
        // The request may have been executed: a POST is asked about, never sent again.
        e.action = idempotent ? A::Retry : A::QueryOutcome;
        return e;
    }
    e.action = A::Reject; // -1013 filter failures, -2010 rejections, -2014/-2015 credentials, -1022, 4xx
    return e;
}

} // namespace adapters::binance
