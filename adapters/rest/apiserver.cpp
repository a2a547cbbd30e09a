#include "adapters/rest/apiserver.h"

#include "adapters/rest/authservice.h"
#include "adapters/rest/dtojson.h"
#include "adapters/rest/eventstream.h"
#include "adapters/rest/httpserver.h"
#include "adapters/rest/openapi.h"
#include "adapters/rest/userstore.h"

#include "engine/api/botapi.h"
#include "engine/core/version.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringDecoder>

#include <exception>

namespace adapters::rest {

namespace {

constexpr int kMaxParamChars = 128;

bool roleAllows(const QString &role, Access access)
{
    switch (access) {
    case Access::Public: return true;
    case Access::Viewer: return AuthService::allows(role, AuthService::Role::Viewer);
    case Access::Trader: return AuthService::allows(role, AuthService::Role::Trader);
    case Access::Admin: return AuthService::allows(role, AuthService::Role::Admin);
    }
    return false;
}

bool hasControlChars(const QString &text)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return true;
    }
    return false;
}

HttpResponse tooMany(int retryAfterSec, const QString &message)
{
    return HttpResponse::error(429, QStringLiteral("RATE_LIMITED"), message)
        .withHeader("Retry-After", QByteArray::number(retryAfterSec));
}

} // namespace

ApiServer::ApiServer(engine::BotApi &api, UserStore &users, AuthService &auth, ApiOptions options, QObject *parent)
    : QObject(parent), m_api(api), m_users(users), m_auth(auth), m_options(std::move(options)),
      m_context{api, auth, users, m_alerts, m_idempotency, this, [this] { return serverInfo(); }, [this] { return nowMs(); }},
      m_clientLimiter(m_options.clientPerMinute, m_options.clientBurst),
      m_userLimiter(m_options.userPerMinute, m_options.userBurst),
      m_loginLimiter(m_options.loginPerMinute, m_options.loginBurst)
{
    m_uptime.start();
    addAuthRoutes(m_routes, m_context);
    addTradingRoutes(m_routes, m_context);
    addInsightRoutes(m_routes, m_context);
    addAdminRoutes(m_routes, m_context);
    m_routes.append(RouteSpec{"GET", QStringLiteral("/api/v1/openapi.json"), QStringLiteral("meta"),
                              QStringLiteral("This API's OpenAPI 3 document"), Access::Public, {}, {},
                              schema::anyObject(QStringLiteral("OpenAPI 3.0 document")), 200, false, false,
                              [this](const ApiCall &call) { call.reply(openApi()); }});
    for (int i = 0; i < m_routes.size(); ++i) {
        if (m_routes[i].path.contains(QLatin1Char('{')))
            m_paramRoutes.append(i);
        else
            m_staticRoutes[m_routes[i].path].append(i);
    }
    m_http = new HttpServer([this](const HttpRequest &request, const HttpResponder &responder) { handle(request, responder); },
                            m_options.connections, this);
    m_stream = new EventStream(m_auth, m_options, this);
    connect(m_http, &HttpServer::webSocketConnected, m_stream, &EventStream::accept);
    m_events = m_api.handleEvents(this, [this](const engine::BotEvent &event) {
        m_alerts.onEvent(event);
        m_stream->broadcast(event);
    });
    // The engine publishes its status as a snapshot that the window polls; clients of the stream
    // get it pushed once a second when something in it changed.
    m_statusTimer.setInterval(kStatusPushMs);
    connect(&m_statusTimer, &QTimer::timeout, this, [this] {
        const engine::BotStatus status = m_api.status();
        QJsonObject json = toJson(status);
        json.remove(QStringLiteral("clock_ms"));
        if (json == m_lastStatus)
            return;
        m_lastStatus = json;
        const engine::BotEvent event = status;
        m_alerts.onEvent(event);
        m_stream->broadcast(event);
    });
    m_statusTimer.start();
    // Who may use the tokens already handed out: users deleted, demoted or with a new password
    // (here or by `memedesk user` in another process) count within a few seconds.
    (void)m_auth.reloadUsers();
    m_usersTimer.setInterval(kUserReloadMs);
    connect(&m_usersTimer, &QTimer::timeout, this, [this] { (void)m_auth.reloadUsers(); });
    m_usersTimer.start();
}

ApiServer::~ApiServer() = default;

engine::Result<quint16> ApiServer::start()
{
    if (const QStringList problems = m_options.validate(); !problems.isEmpty())
        return engine::Error(QStringLiteral("API_OPTIONS_INVALID"), problems.join(QStringLiteral("; ")), problems);
    const TlsFiles tls{m_options.tlsCertificate, m_options.tlsPrivateKey};
    engine::Result<quint16> port = m_http->start(QHostAddress(m_options.bindAddress), m_options.port, m_options.usesTls() ? &tls : nullptr);
    if (port)
        m_port = port.value();
    return port;
}

QJsonObject ApiServer::openApi() const
{
    return buildOpenApi(m_routes, QString::fromLatin1(engine::version()));
}

qint64 ApiServer::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

QJsonObject ApiServer::serverInfo() const
{
    return {{QStringLiteral("version"), QString::fromLatin1(engine::version())},
            {QStringLiteral("qt_version"), QString::fromLatin1(qVersion())},
            {QStringLiteral("uptime_sec"), m_uptime.elapsed() / 1000},
            {QStringLiteral("api_url"), m_options.baseUrl(m_port)},
            {QStringLiteral("tls"), m_options.usesTls()},
            {QStringLiteral("cors_origins"), QJsonArray::fromStringList(m_options.corsOrigins)},
            {QStringLiteral("http_connections"), m_http->guard().connectionCount()},
            {QStringLiteral("connections_refused"), m_http->guard().rejectedCount()},
            {QStringLiteral("websocket_clients"), m_stream->clientCount()},
            {QStringLiteral("websocket_dropped"), m_stream->droppedCount()}};
}

ApiServer::Match ApiServer::match(const HttpRequest &request) const
{
    Match found;
    const auto pick = [&](int index, QHash<QString, QString> params) {
        const RouteSpec &route = m_routes[index];
        found.methodsForPath.append(QString::fromLatin1(route.method));
        if (route.method == request.method) {
            found.route = &route;
            found.pathParams = std::move(params);
        }
    };
    if (const auto it = m_staticRoutes.constFind(request.path); it != m_staticRoutes.cend()) {
        for (int index : it.value())
            pick(index, {});
        return found;
    }
    const QStringList parts = request.path.split(QLatin1Char('/'));
    for (int index : m_paramRoutes) {
        const QStringList pattern = m_routes[index].path.split(QLatin1Char('/'));
        if (pattern.size() != parts.size())
            continue;
        QHash<QString, QString> params;
        bool same = true;
        for (int i = 0; i < pattern.size() && same; ++i) {
            if (pattern[i].startsWith(QLatin1Char('{')))
                params.insert(pattern[i].mid(1, pattern[i].size() - 2), parts[i]);
            else
                same = pattern[i] == parts[i];
        }
        if (same)
            pick(index, std::move(params));
    }
    return found;
}

void ApiServer::addCors(const QByteArray &origin, HttpResponse &response) const
{
    if (!origin.isEmpty() && m_options.corsOrigins.contains(QString::fromUtf8(origin))) {
        response.withHeader("Access-Control-Allow-Origin", origin);
        response.withHeader("Vary", "Origin");
    }
}

void ApiServer::preflight(const HttpRequest &request, const Match &found, const HttpResponder &responder) const
{
    const QByteArray origin = request.header("origin");
    if (found.methodsForPath.isEmpty())
        return responder.send(HttpResponse::error(404, QStringLiteral("NOT_FOUND"), QStringLiteral("no such route")));
    if (origin.isEmpty() || !m_options.corsOrigins.contains(QString::fromUtf8(origin)))
        return responder.send(HttpResponse::error(403, QStringLiteral("CORS_FORBIDDEN"), QStringLiteral("this origin may not call the API")));
    HttpResponse response{204, {}, {}, {}};
    addCors(origin, response);
    response.withHeader("Access-Control-Allow-Methods", found.methodsForPath.join(QStringLiteral(", ")).toLatin1());
    response.withHeader("Access-Control-Allow-Headers", "Authorization, Content-Type");
    response.withHeader("Access-Control-Max-Age", "600");
    responder.send(response);
}

std::optional<engine::Error> ApiServer::checkParams(const HttpRequest &request, const RouteSpec &route, QHash<QString, QString> *query) const
{
    QStringList problems;
    const auto items = request.query.queryItems(QUrl::FullyDecoded);
    for (const auto &[name, value] : items) {
        const auto spec = std::find_if(route.params.cbegin(), route.params.cend(),
                                       [&](const ParamSpec &p) { return p.in == ParamSpec::In::Query && p.name == name; });
        const QString shownName = name.left(40);
        if (spec == route.params.cend()) {
            problems << QStringLiteral("unknown parameter \"%1\"").arg(hasControlChars(shownName) ? QStringLiteral("?") : shownName);
            continue;
        }
        if (query->contains(name)) {
            problems << QStringLiteral("parameter \"%1\" given twice").arg(name);
            continue;
        }
        query->insert(name, value);
    }
    for (const ParamSpec &spec : route.params) {
        if (!query->contains(spec.name))
            continue;
        const QString value = query->value(spec.name);
        if (value.size() > kMaxParamChars || hasControlChars(value)) {
            problems << QStringLiteral("parameter \"%1\" is too long or holds control characters").arg(spec.name);
        } else if (spec.type == ParamSpec::Type::Integer) {
            bool ok = false;
            const qint64 number = value.toLongLong(&ok);
            if (!ok || number < spec.minimum || (spec.maximum > 0 && number > spec.maximum))
                problems << QStringLiteral("parameter \"%1\" must be an integer from %2 to %3").arg(spec.name).arg(spec.minimum).arg(spec.maximum);
        } else if (spec.type == ParamSpec::Type::Boolean) {
            if (value != QLatin1String("true") && value != QLatin1String("false"))
                problems << QStringLiteral("parameter \"%1\" must be true or false").arg(spec.name);
        } else if (!spec.allowed.isEmpty() && !spec.allowed.contains(value)) {
            problems << QStringLiteral("parameter \"%1\" must be one of %2").arg(spec.name, spec.allowed.join(QStringLiteral(", ")));
        }
    }
    if (problems.isEmpty())
        return std::nullopt;
    return engine::Error(QStringLiteral("PARAM_INVALID"), problems.first(), problems);
}

std::optional<engine::Error> ApiServer::parseBody(const HttpRequest &request, const RouteSpec &route, QJsonObject *body) const
{
    const auto invalid = [](const QString &message, QStringList details = {}) {
        return engine::Error(QStringLiteral("BODY_INVALID"), message, std::move(details));
    };
    if (route.body.isEmpty()) {
        if (!request.body.trimmed().isEmpty())
            return invalid(QStringLiteral("this route takes no body"));
        return std::nullopt;
    }
    const QByteArray type = request.header("content-type").split(';').first().trimmed().toLower();
    if (type != "application/json")
        return engine::Error(QStringLiteral("UNSUPPORTED_MEDIA_TYPE"), QStringLiteral("send the body as application/json"));
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8.decode(request.body);
    Q_UNUSED(text)
    if (utf8.hasError())
        return invalid(QStringLiteral("the body is not valid UTF-8"));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError)
        return invalid(QStringLiteral("the body is not valid JSON: %1 at offset %2").arg(error.errorString()).arg(error.offset));
    if (!document.isObject())
        return invalid(QStringLiteral("the body must be a JSON object"));
    *body = document.object();
    if (const QStringList problems = schema::validate(*body, route.body); !problems.isEmpty())
        return invalid(problems.first(), problems);
    return std::nullopt;
}

void ApiServer::audit(const QString &client, const RouteSpec &route, const QString &user, const QString &target,
                      const HttpResponse &response)
{
    QString result = QStringLiteral("ok");
    if (response.status >= 400) {
        const QString code = QJsonDocument::fromJson(response.body).object().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
        result = QStringLiteral("%1 %2").arg(response.status).arg(code);
    }
    const QString action = QStringLiteral("%1 %2").arg(QString::fromLatin1(route.method), route.path.mid(int(strlen("/api/v1/"))));
    (void)m_users.audit(nowMs(), user.isEmpty() ? QStringLiteral("(anonymous)") : user, client, action,
                        target.left(64), result);
}

void ApiServer::handle(const HttpRequest &request, const HttpResponder &responder)
{
    const qint64 now = nowMs();
    const Match found = match(request);
    if (request.method == "OPTIONS")
        return preflight(request, found, responder);

    const QByteArray origin = request.header("origin");
    const auto plain = [this, &origin, &responder](HttpResponse response) {
        addCors(origin, response);
        responder.send(response);
    };
    if (const int wait = m_clientLimiter.acquire(request.client, now); wait > 0)
        return plain(tooMany(wait, QStringLiteral("too many requests from this address")));
    if (!found.route) {
        if (found.methodsForPath.isEmpty())
            return plain(HttpResponse::error(404, QStringLiteral("NOT_FOUND"), QStringLiteral("no such route")));
        return plain(HttpResponse::error(405, QStringLiteral("METHOD_NOT_ALLOWED"), QStringLiteral("this route takes %1").arg(found.methodsForPath.join(QStringLiteral(", "))))
                         .withHeader("Allow", found.methodsForPath.join(QStringLiteral(", ")).toLatin1()));
    }
    const RouteSpec &route = *found.route;
    const QString target = found.pathParams.isEmpty() ? QString() : found.pathParams.cbegin().value();

    // From here on every answer of a state-changing route leaves an audit row.
    auto user = std::make_shared<QString>();
    auto finish = [this, responder, route = &route, user, target, origin, client = request.client](HttpResponse response) {
        addCors(origin, response);
        // Sign-in attempts that fail use up the address's allowance; successful ones do not.
        if (route->checksCredentials && (response.status == 400 || response.status == 401 || response.status == 423))
            (void)m_loginLimiter.acquire(client, nowMs());
        if (route->audited)
            audit(client, *route, *user, target, response);
        responder.send(response);
    };

    if (route.checksCredentials) {
        if (const int wait = m_loginLimiter.wait(request.client, now); wait > 0)
            return finish(tooMany(wait, QStringLiteral("too many failed sign-in attempts from this address")));
    }
    std::optional<TokenClaims> claims;
    if (route.access != Access::Public) {
        engine::Result<TokenClaims> checked = m_auth.authenticate(QString::fromLatin1(request.header("authorization")), now);
        if (!checked) {
            return finish(HttpResponse::error(401, checked.error().code,
                                              checked.error().is("AUTH_REQUIRED") ? QStringLiteral("sign in and send Authorization: Bearer <access token>")
                                                                                  : QStringLiteral("the access token is not valid; sign in again"))
                              .withHeader("WWW-Authenticate", "Bearer realm=\"memedesk\""));
        }
        claims = checked.value();
        *user = claims->subject;
        if (!roleAllows(claims->role, route.access))
            return finish(HttpResponse::error(403, QStringLiteral("FORBIDDEN"), QStringLiteral("this needs the %1 role").arg(accessName(route.access))));
        if (const int wait = m_userLimiter.acquire(claims->subject, now); wait > 0)
            return finish(tooMany(wait, QStringLiteral("too many requests for this user")));
    }
    QHash<QString, QString> query;
    if (auto error = checkParams(request, route, &query))
        return finish(HttpResponse::error(400, *error));
    QJsonObject body;
    if (auto error = parseBody(request, route, &body))
        return finish(HttpResponse::error(statusForError(error->code), *error));

    ApiCall call(request, found.pathParams, std::move(body), claims, finish);
    call.m_client = request.client;
    call.m_query = std::move(query);
    try {
        route.handler(call);
    } catch (const std::exception &e) {
        call.fail(QStringLiteral("INTERNAL"), QStringLiteral("the server could not complete this request"));
    }
}

} // namespace adapters::rest
