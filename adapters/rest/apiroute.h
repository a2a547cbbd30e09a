#pragma once

#include "adapters/rest/httpserver.h"
#include "adapters/rest/jwtcodec.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace adapters::rest {

//! Who may call a route. Roles nest: admin > trader > viewer.
enum class Access { Public, Viewer, Trader, Admin };
//! "public", "viewer", "trader", "admin": the role's name (OpenAPI's x-required-role, messages).
[[nodiscard]] QString accessName(Access access);

//! A query or path parameter, as declared once for validation and for the OpenAPI document.
struct ParamSpec {
    enum class In { Query, Path };
    enum class Type { String, Integer, Boolean };
    QString name;
    In in = In::Query;
    Type type = Type::String;
    QString description;
    qint64 minimum = 0;         // integers
    qint64 maximum = 0;         // integers; 0 = no bound
    QStringList allowed;        // strings: the values accepted, empty = any (length-checked)
};

class ApiCall;

//! One route, declared once: what it is (method, path, summary), who may call it, what it takes
//! and what it returns. The server validates requests against it and the OpenAPI document is
//! generated from it.
struct RouteSpec {
    QByteArray method;            // GET, POST, PUT, DELETE
    QString path;                 // "/api/v1/trading/orders/{client_id}"
    QString tag;                  // OpenAPI grouping: "auth", "trading", …
    QString summary;
    Access access = Access::Viewer;
    QList<ParamSpec> params;
    QJsonObject body;             // JSON schema of the request body; empty = no body
    QJsonObject result;           // JSON schema of the success answer
    int successStatus = 200;
    bool audited = false;         // state-changing: one audit row per call
    bool checksCredentials = false; // login, refresh: the stricter per-client limit applies
    std::function<void(const ApiCall &)> handler;
};

//! A validated request on its way through a route's handler: its parameters, body and caller,
//! and the one way to answer. Copies share the answer, so an asynchronous handler keeps a copy.
class ApiCall {
public:
    using Finish = std::function<void(const HttpResponse &)>;

    ApiCall(const HttpRequest &request, QHash<QString, QString> pathParams, QJsonObject body,
            std::optional<TokenClaims> caller, Finish finish)
        : m_request(&request), m_pathParams(std::move(pathParams)), m_body(std::move(body)),
          m_caller(std::move(caller)), m_finish(std::move(finish))
    {
    }

    //! A parameter's text (path or query); empty when absent.
    [[nodiscard]] QString param(const QString &name) const;
    //! An integer parameter (already range-checked), or `fallback` when absent.
    [[nodiscard]] qint64 intParam(const QString &name, qint64 fallback) const;
    [[nodiscard]] bool hasParam(const QString &name) const;
    [[nodiscard]] const QJsonObject &body() const { return m_body; }
    //! The signed-in user (nullopt on public routes).
    [[nodiscard]] const std::optional<TokenClaims> &caller() const { return m_caller; }
    [[nodiscard]] QString callerName() const { return m_caller ? m_caller->subject : QString(); }
    [[nodiscard]] QString client() const { return m_client; }
    //! Valid only while the handler runs (not in asynchronous continuations).
    [[nodiscard]] const HttpRequest &request() const { return *m_request; }

    void reply(int status, const QJsonObject &object) const { m_finish(HttpResponse::json(status, object)); }
    void reply(const QJsonObject &object) const { reply(200, object); }
    void fail(const engine::Error &error) const { m_finish(HttpResponse::error(statusForError(error.code), error)); }
    void fail(const QString &code, const QString &message) const { fail(engine::Error(code, message)); }
    void send(const HttpResponse &response) const { m_finish(response); }

private:
    friend class ApiServer;
    const HttpRequest *m_request;
    QHash<QString, QString> m_pathParams;
    QJsonObject m_body;
    std::optional<TokenClaims> m_caller;
    Finish m_finish;
    QString m_client;
    QHash<QString, QString> m_query;
};

//! Schema helpers for declarations: {"type": "string"}, an object with properties, a list.
namespace schema {
[[nodiscard]] QJsonObject string(const QString &description = {});
[[nodiscard]] QJsonObject integer(const QString &description = {});
[[nodiscard]] QJsonObject number(const QString &description = {});
[[nodiscard]] QJsonObject boolean(const QString &description = {});
[[nodiscard]] QJsonObject decimal(const QString &description = {}); // a decimal number as a string
[[nodiscard]] QJsonObject anyObject(const QString &description = {});
[[nodiscard]] QJsonObject object(const QJsonObject &properties, const QStringList &required = {});
[[nodiscard]] QJsonObject arrayOf(const QJsonObject &items);
//! {"items": [...], "total", "offset", "limit"}: the shape of every paged list.
[[nodiscard]] QJsonObject page(const QJsonObject &items);
//! Problems of `value` against a body schema built with these helpers: unknown or missing
//! properties, wrong types. Empty = valid.
[[nodiscard]] QStringList validate(const QJsonObject &value, const QJsonObject &schema);
} // namespace schema

//! The standard paging parameters (offset, limit ≤ kMaxPageSize) for list routes.
[[nodiscard]] QList<ParamSpec> pagingParams();
inline constexpr int kMaxPageSize = 500;
inline constexpr int kDefaultPageSize = 100;
//! One page of `items` as the call's offset and limit ask: {"items", "total", "offset", "limit"}.
[[nodiscard]] QJsonObject pageOf(const ApiCall &call, const QList<QJsonObject> &items);
//! A string parameter declaration (query), optionally limited to `allowed` values.
[[nodiscard]] ParamSpec queryParam(const QString &name, const QString &description, const QStringList &allowed = {});
[[nodiscard]] ParamSpec intParam(const QString &name, const QString &description, qint64 minimum, qint64 maximum);
//! True for a plausible exchange symbol ("PEPEUSDT"): 2–20 capital letters and digits.
[[nodiscard]] bool isSymbol(const QString &text);

} // namespace adapters::rest
