#pragma once

#include "adapters/rest/alertbook.h"
#include "adapters/rest/apioptions.h"
#include "adapters/rest/apiroute.h"
#include "adapters/rest/idempotencycache.h"
#include "adapters/rest/ratelimiter.h"
#include "adapters/rest/routecontext.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <memory>

namespace engine {
class BotApi;
class Handler;
} // namespace engine

namespace adapters::rest {

class AuthService;
class EventStream;
class HttpServer;
class UserStore;

//! The remote API: the declared routes over BotApi behind one request pipeline — CORS, rate
//! limits per client and per user, bearer authentication, the route's role, strict validation of
//! parameters and JSON bodies, the handler, and an audit row for every state-changing call — plus
//! the WebSocket event stream. Lives on one thread (its own in the app); every answer is JSON in
//! one error shape.
class ApiServer final : public QObject {
    Q_OBJECT
public:
    ApiServer(engine::BotApi &api, UserStore &users, AuthService &auth, ApiOptions options, QObject *parent = nullptr);
    ~ApiServer() override;

    //! Listens as the options say (address, port, TLS). Returns the port.
    engine::Result<quint16> start();
    //! The OpenAPI 3 document of the routes (GET /api/v1/openapi.json).
    [[nodiscard]] QJsonObject openApi() const;

    static constexpr int kStatusPushMs = 1000;
    static constexpr int kUserReloadMs = 2000;

private:
    struct Match {
        const RouteSpec *route = nullptr;
        QHash<QString, QString> pathParams;
        QStringList methodsForPath; // when the path exists
    };
    void handle(const HttpRequest &request, const HttpResponder &responder);
    [[nodiscard]] Match match(const HttpRequest &request) const;
    void preflight(const HttpRequest &request, const Match &found, const HttpResponder &responder) const;
    [[nodiscard]] std::optional<engine::Error> checkParams(const HttpRequest &request, const RouteSpec &route, QHash<QString, QString> *query) const;
    [[nodiscard]] std::optional<engine::Error> parseBody(const HttpRequest &request, const RouteSpec &route, QJsonObject *body) const;
    void addCors(const QByteArray &origin, HttpResponse &response) const;
    void audit(const QString &client, const RouteSpec &route, const QString &user, const QString &target, const HttpResponse &response);
    [[nodiscard]] QJsonObject serverInfo() const;
    [[nodiscard]] qint64 nowMs() const;

    engine::BotApi &m_api;
    UserStore &m_users;
    AuthService &m_auth;
    ApiOptions m_options;
    AlertBook m_alerts;
    IdempotencyCache m_idempotency;
    RouteContext m_context;
    QList<RouteSpec> m_routes;
    QHash<QString, QList<int>> m_staticRoutes; // path → indexes into m_routes
    QList<int> m_paramRoutes;
    RateLimiter m_clientLimiter;
    RateLimiter m_userLimiter;
    RateLimiter m_loginLimiter;
    HttpServer *m_http = nullptr;
    EventStream *m_stream = nullptr;
    std::unique_ptr<engine::Handler> m_events;
    QTimer m_statusTimer;     // the engine's status as the window sees it, pushed when it changes
    QJsonObject m_lastStatus;
    QTimer m_usersTimer;
    QElapsedTimer m_uptime;
    quint16 m_port = 0;
};

} // namespace adapters::rest
