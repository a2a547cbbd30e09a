// Routes: ping and auth/* (sign-in, token refresh, sign-out).
#include "adapters/rest/authservice.h"
#include "adapters/rest/routecontext.h"

namespace adapters::rest {

namespace {

QJsonObject tokenPairSchema()
{
    return schema::object({{QStringLiteral("access_token"), schema::string(QStringLiteral("JWT, HS256, valid 15 minutes"))},
                           {QStringLiteral("refresh_token"), schema::string(QStringLiteral("single use; trade it at auth/refresh"))},
                           {QStringLiteral("token_type"), schema::string(QStringLiteral("Bearer"))},
                           {QStringLiteral("expires_in"), schema::integer(QStringLiteral("seconds the access token is valid"))}});
}

void answer(const ApiCall &call, const engine::Result<TokenPair> &pair)
{
    if (!pair)
        return call.fail(pair.error());
    call.reply(pair->toJson());
}

} // namespace

void addAuthRoutes(QList<RouteSpec> &routes, RouteContext &ctx)
{
    routes.append({"GET", QStringLiteral("/api/v1/ping"), QStringLiteral("meta"), QStringLiteral("Is the API up"), Access::Public, {}, {},
                   schema::object({{QStringLiteral("status"), schema::string()}, {QStringLiteral("time_ms"), schema::integer()}}), 200, false, false,
                   [&ctx](const ApiCall &call) { call.reply({{QStringLiteral("status"), QStringLiteral("ok")}, {QStringLiteral("time_ms"), ctx.nowMs()}}); }});

    routes.append({"POST", QStringLiteral("/api/v1/auth/login"), QStringLiteral("auth"),
                   QStringLiteral("Sign in with a user name and password; answers an access and a refresh token"), Access::Public, {},
                   schema::object({{QStringLiteral("username"), schema::string()}, {QStringLiteral("password"), schema::string()}},
                                  {QStringLiteral("username"), QStringLiteral("password")}),
                   tokenPairSchema(), 200, false, true, [&ctx](const ApiCall &call) {
                       const QJsonObject &body = call.body();
                       answer(call, ctx.auth.login(body.value(QStringLiteral("username")).toString(), body.value(QStringLiteral("password")).toString(),
                                                   call.client(), ctx.nowMs()));
                   }});

    routes.append({"POST", QStringLiteral("/api/v1/auth/refresh"), QStringLiteral("auth"),
                   QStringLiteral("Trade a refresh token for a new pair (a token used twice revokes its whole family)"), Access::Public, {},
                   schema::object({{QStringLiteral("refresh_token"), schema::string()}}, {QStringLiteral("refresh_token")}), tokenPairSchema(), 200,
                   false, true, [&ctx](const ApiCall &call) {
                       answer(call, ctx.auth.refresh(call.body().value(QStringLiteral("refresh_token")).toString(), call.client(), ctx.nowMs()));
                   }});

    routes.append({"POST", QStringLiteral("/api/v1/auth/logout"), QStringLiteral("auth"),
                   QStringLiteral("Sign out: revokes the refresh token's family"), Access::Viewer, {},
                   schema::object({{QStringLiteral("refresh_token"), schema::string()}}, {QStringLiteral("refresh_token")}),
                   schema::object({{QStringLiteral("status"), schema::string()}}), 200, false, false, [&ctx](const ApiCall &call) {
                       const engine::Result<void> done = ctx.auth.logout(call.body().value(QStringLiteral("refresh_token")).toString(), call.client(), ctx.nowMs());
                       if (!done)
                           return call.fail(done.error());
                       call.reply({{QStringLiteral("status"), QStringLiteral("signed out")}});
                   }});
}

} // namespace adapters::rest
