#pragma once

#include "adapters/rest/apiroute.h"

#include <QJsonObject>
#include <QList>

#include <functional>

class QObject;

namespace engine {
class BotApi;
}

namespace adapters::rest {

class AuthService;
class UserStore;
class AlertBook;
class IdempotencyCache;

//! What route handlers work with: the engine's facade, the sign-in and user store, the alerts
//! kept from the event stream, and the server's own figures. `context` lives on the server's
//! thread: asynchronous BotApi answers come back there.
struct RouteContext {
    engine::BotApi &api;
    AuthService &auth;
    UserStore &users;
    const AlertBook &alerts;
    IdempotencyCache &idempotency;
    QObject *context;
    std::function<QJsonObject()> serverInfo;   // version, uptime, connections, options (no secrets)
    std::function<qint64()> nowMs;
};

//! The route declarations, by area (each file declares its routes once).
void addAuthRoutes(QList<RouteSpec> &routes, RouteContext &ctx);
void addTradingRoutes(QList<RouteSpec> &routes, RouteContext &ctx);
void addInsightRoutes(QList<RouteSpec> &routes, RouteContext &ctx); // signals/* and monitoring/*
void addAdminRoutes(QList<RouteSpec> &routes, RouteContext &ctx);

} // namespace adapters::rest
