#include "adapters/rest/openapi.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace adapters::rest {

namespace {

QJsonObject paramSchema(const ParamSpec &param)
{
    switch (param.type) {
    case ParamSpec::Type::Integer: {
        QJsonObject s{{QStringLiteral("type"), QStringLiteral("integer")}, {QStringLiteral("minimum"), param.minimum}};
        if (param.maximum > 0)
            s.insert(QStringLiteral("maximum"), param.maximum);
        return s;
    }
    case ParamSpec::Type::Boolean: return {{QStringLiteral("type"), QStringLiteral("boolean")}};
    case ParamSpec::Type::String: break;
    }
    QJsonObject s{{QStringLiteral("type"), QStringLiteral("string")}, {QStringLiteral("maxLength"), 128}};
    if (!param.allowed.isEmpty())
        s.insert(QStringLiteral("enum"), QJsonArray::fromStringList(param.allowed));
    return s;
}

QJsonObject errorResponse(const QString &description)
{
    return {{QStringLiteral("description"), description},
            {QStringLiteral("content"), QJsonObject{{QStringLiteral("application/json"),
                                                     QJsonObject{{QStringLiteral("schema"), QJsonObject{{QStringLiteral("$ref"), QStringLiteral("#/components/schemas/Error")}}}}}}}};
}

QString operationId(const RouteSpec &route)
{
    QString id = QString::fromLatin1(route.method).toLower();
    for (const QString &part : route.path.mid(int(strlen("/api/v1/"))).split(QRegularExpression(QStringLiteral("[/\\-.{}_]")), Qt::SkipEmptyParts))
        id += part.left(1).toUpper() + part.mid(1);
    return id;
}

QJsonObject operation(const RouteSpec &route)
{
    QJsonObject op{{QStringLiteral("summary"), route.summary},
                   {QStringLiteral("operationId"), operationId(route)},
                   {QStringLiteral("tags"), QJsonArray{route.tag}},
                   {QStringLiteral("x-required-role"), accessName(route.access)}};
    QJsonArray params;
    for (const ParamSpec &param : route.params) {
        params.append(QJsonObject{{QStringLiteral("name"), param.name},
                                  {QStringLiteral("in"), param.in == ParamSpec::In::Path ? QStringLiteral("path") : QStringLiteral("query")},
                                  {QStringLiteral("required"), param.in == ParamSpec::In::Path},
                                  {QStringLiteral("description"), param.description},
                                  {QStringLiteral("schema"), paramSchema(param)}});
    }
    if (!params.isEmpty())
        op.insert(QStringLiteral("parameters"), params);
    if (!route.body.isEmpty()) {
        op.insert(QStringLiteral("requestBody"),
                  QJsonObject{{QStringLiteral("required"), true},
                              {QStringLiteral("content"), QJsonObject{{QStringLiteral("application/json"), QJsonObject{{QStringLiteral("schema"), route.body}}}}}});
    }
    QJsonObject responses{{QString::number(route.successStatus),
                           QJsonObject{{QStringLiteral("description"), QStringLiteral("success")},
                                       {QStringLiteral("content"), QJsonObject{{QStringLiteral("application/json"), QJsonObject{{QStringLiteral("schema"), route.result}}}}}}},
                          {QStringLiteral("400"), errorResponse(QStringLiteral("invalid parameters or body (PARAM_INVALID, BODY_INVALID, …)"))},
                          {QStringLiteral("429"), errorResponse(QStringLiteral("rate limited (RATE_LIMITED); see Retry-After"))}};
    if (route.access != Access::Public) {
        responses.insert(QStringLiteral("401"), errorResponse(QStringLiteral("no valid access token (AUTH_REQUIRED, AUTH_TOKEN_INVALID)")));
        responses.insert(QStringLiteral("403"), errorResponse(QStringLiteral("the caller's role may not do this (FORBIDDEN)")));
        op.insert(QStringLiteral("security"), QJsonArray{QJsonObject{{QStringLiteral("bearerAuth"), QJsonArray{}}}});
    } else {
        op.insert(QStringLiteral("security"), QJsonArray{});
    }
    op.insert(QStringLiteral("responses"), responses);
    return op;
}

} // namespace

QJsonObject buildOpenApi(const QList<RouteSpec> &routes, const QString &version)
{
    QJsonObject paths;
    for (const RouteSpec &route : routes) {
        QJsonObject item = paths.value(route.path).toObject();
        item.insert(QString::fromLatin1(route.method).toLower(), operation(route));
        paths.insert(route.path, item);
    }
    const QJsonObject errorSchema = schema::object(
        {{QStringLiteral("error"), schema::object({{QStringLiteral("code"), schema::string(QStringLiteral("stable code clients match on"))},
                                                   {QStringLiteral("message"), schema::string(QStringLiteral("English text for people"))},
                                                   {QStringLiteral("details"), schema::arrayOf(schema::string())}},
                                                  {QStringLiteral("code"), QStringLiteral("message")})}},
        {QStringLiteral("error")});
    return {{QStringLiteral("openapi"), QStringLiteral("3.0.3")},
            {QStringLiteral("info"), QJsonObject{{QStringLiteral("title"), QStringLiteral("Memedesk remote API")},
                                                 {QStringLiteral("version"), version},
                                                 {QStringLiteral("description"),
                                                  QStringLiteral("Remote control of a Memedesk trading terminal. Sign in at /api/v1/auth/login; send the "
                                                                 "access token as Authorization: Bearer. Events stream over the WebSocket /api/v1/ws "
                                                                 "(first message {\"type\":\"auth\",\"token\":…}). Decimal values are strings.")}}},
            {QStringLiteral("paths"), paths},
            {QStringLiteral("components"),
             QJsonObject{{QStringLiteral("securitySchemes"),
                          QJsonObject{{QStringLiteral("bearerAuth"), QJsonObject{{QStringLiteral("type"), QStringLiteral("http")},
                                                                                 {QStringLiteral("scheme"), QStringLiteral("bearer")},
                                                                                 {QStringLiteral("bearerFormat"), QStringLiteral("JWT")}}}}},
                         {QStringLiteral("schemas"), QJsonObject{{QStringLiteral("Error"), errorSchema}}}}}};
}

} // namespace adapters::rest
