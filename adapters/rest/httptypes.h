#pragma once

#include "engine/core/result.h"

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace adapters::rest {

//! One HTTP request as the API sees it, independent of the server library.
struct HttpRequest {
    QByteArray method;                   // "GET", "POST", …
    QString path;                        // decoded path, "/api/v1/trading/status"
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;
    QString client;                      // the peer's address, "127.0.0.1"

    [[nodiscard]] QByteArray header(const char *lowerName) const { return headers.value(QByteArray(lowerName)); }
};

//! One HTTP response. Bodies are JSON except for preflights and empty answers.
struct HttpResponse {
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("application/json");

    static HttpResponse json(int status, const QJsonObject &object)
    {
        return {status, {}, QJsonDocument(object).toJson(QJsonDocument::Compact)};
    }
    //! The API's one error shape: {"error": {"code", "message", "details"?}}.
    static HttpResponse error(int status, const engine::Error &error);
    static HttpResponse error(int status, const QString &code, const QString &message)
    {
        return HttpResponse::error(status, engine::Error(code, message));
    }
    HttpResponse &withHeader(QByteArray name, QByteArray value)
    {
        headers.append({std::move(name), std::move(value)});
        return *this;
    }
};

//! The HTTP status that goes with an error code (400 for validation, 401 for authentication, …).
[[nodiscard]] int statusForError(const QString &code);

} // namespace adapters::rest
