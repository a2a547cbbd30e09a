#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <utility>

namespace adapters::net {

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

//! What went wrong with a request, as far as the caller must act on it.
enum class FailureKind {
    None,           //!< 2xx: the answer is in the body
    Retryable,      //!< the server did not act on it (or it is idempotent): safe to send again
    UnknownOutcome, //!< a non-idempotent request may or may not have taken effect: query, never re-send
    Fatal,          //!< the request itself is wrong (4xx, bad URL, TLS): sending it again will not help
};

[[nodiscard]] const char *failureKindName(FailureKind kind);

//! One HTTP request as the caller describes it.
struct HttpRequest {
    QByteArray method = "GET";
    QUrl url;
    HeaderList headers;
    QByteArray body;
    //! Safe to send twice (GET, or a POST the venue deduplicates by client id). Non-idempotent
    //! requests are never re-sent once they may have reached the server.
    bool idempotent = false;
    //! Units of the host's request budget this request costs (Binance "weight").
    int weight = 1;
    //! Deadline of one attempt from when it leaves the host queue (budget and pause waits do
    //! not count); 0 = the client's default.
    int timeoutMs = 0;

    //! A GET, idempotent by definition.
    [[nodiscard]] static HttpRequest get(const QUrl &url, int weight = 1);
    //! A POST, non-idempotent unless the caller says otherwise.
    [[nodiscard]] static HttpRequest post(const QUrl &url, const QByteArray &body,
                                          const QByteArray &contentType = "application/json");
};

//! The outcome of a request after the client's own retries.
struct HttpResponse {
    int status = 0; //!< HTTP status of the last attempt; 0 when no answer arrived
    HeaderList headers;
    QByteArray body;
    qint64 elapsedMs = 0; //!< from send() to this answer, queueing and retries included
    int attempts = 0;     //!< attempts put on the wire
    FailureKind failure = FailureKind::None;
    QString errorCode;    //!< stable code: HTTP_429, HTTP_418, HTTP_5XX, HTTP_4XX, TIMEOUT, NETWORK, ...
    QString message;      //!< English, for the log
    qint64 retryAfterMs = -1; //!< a server-requested wait that was still running when this was reported

    [[nodiscard]] bool ok() const { return failure == FailureKind::None; }
    //! First value of a header, case-insensitive; empty when absent.
    [[nodiscard]] QByteArray header(const QByteArray &name) const;
};

} // namespace adapters::net
