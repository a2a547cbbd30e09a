// The remote API on real parts: the app's composition root with the demo market, the SQLite
// journal and the OS keychain; the API on its own thread; a real HTTP client (QNetworkAccessManager)
// and WebSocket client on 127.0.0.1. Every declared route is called as each role; the trading,
// user and settings routes change what they say; a manual order's events arrive on the WebSocket;
// forged tokens, bad input, rate limits and CORS get the documented answers; every
// state-changing call leaves an audit row.
#include "app/appcontext.h"
#include "app/secretreader.h"
#include "tests/support/apiclient.h"
#include "tests/support/apprunner.h"
#include "tests/support/testsupport.h"

#include "adapters/keychain/qtkeychainsecretstore.h"
#include "adapters/rest/jwtcodec.h"
#include "adapters/rest/userstore.h"

#include "engine/api/botapi.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTest>
#include <QUuid>

using testsupport::ApiClient;
using testsupport::ApiReply;
using testsupport::WsClient;

namespace {

const QString kService = QStringLiteral("memedesk-test-restapi");
const QString kPassword = QStringLiteral("correct horse battery");
const QStringList kRoles{QStringLiteral("viewer"), QStringLiteral("trader"), QStringLiteral("admin")};

adapters::rest::ApiOptions generousApi()
{
    adapters::rest::ApiOptions api;
    api.enabled = true;
    api.port = 0; // any free port
    api.clientPerMinute = api.userPerMinute = api.loginPerMinute = 0;
    api.webSocketAuthTimeoutMs = 800;
    return api;
}

QString fill(QString path)
{
    return path.replace(QStringLiteral("{client_id}"), QStringLiteral("no-such-order")).replace(QStringLiteral("{username}"), QStringLiteral("nobody"));
}

QString jwtPart(const QJsonObject &o)
{
    return QString::fromLatin1(QJsonDocument(o).toJson(QJsonDocument::Compact).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

class TestRestApi : public QObject {
    Q_OBJECT
    QString m_dir;
    std::unique_ptr<app::AppContext> m_ctx;
    std::unique_ptr<ApiClient> m_client;
    QHash<QString, QString> m_tokens; // role → access token

    QString userOf(const QString &role) const { return role + QStringLiteral("_user"); }
    QString symbolWithPrice()
    {
        const QList<engine::Signal> signals_ = m_ctx->api().recentSignals(50);
        return signals_.isEmpty() ? QString() : signals_.first().symbol;
    }
    void restartApi(const adapters::rest::ApiOptions &options)
    {
        const engine::Result<QString> started = m_ctx->startApi(options);
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
        m_client = std::make_unique<ApiClient>(m_ctx->apiUrl());
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_dir = testsupport::makeTempDir(QStringLiteral("memedesk-restapi"));
        {
            adapters::rest::UserStore users(m_dir + QStringLiteral("/api-users.sqlite"));
            QVERIFY(users.open().ok());
            for (const QString &role : kRoles)
                QVERIFY(users.addUser(userOf(role), role, kPassword, QDateTime::currentMSecsSinceEpoch()).ok());
        }
        app::AppOptions options;
        options.headless = true;
        options.dataDir = m_dir;
        options.demoSeed = 7;
        options.seedGiven = true;
        options.speed = 25;
        options.keychainService = kService;
        m_ctx = std::make_unique<app::AppContext>(options);
        const engine::Result<void> started = m_ctx->initialize();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
        m_ctx->run();
        QTRY_VERIFY_WITH_TIMEOUT(m_ctx->api().status().engineState == engine::EngineState::Running, 30000);
        restartApi(generousApi());
        QVERIFY(m_ctx->apiUrl().startsWith(QStringLiteral("http://127.0.0.1:")));
        for (const QString &role : kRoles) {
            m_tokens[role] = m_client->login(userOf(role), kPassword);
            QVERIFY2(!m_tokens[role].isEmpty(), qPrintable(role));
        }
    }

    void cleanupTestCase()
    {
        m_client.reset();
        if (m_ctx)
            m_ctx->shutdown();
        m_ctx.reset();
    }

    void documentListsEveryRoute()
    {
        const ApiReply ping = m_client->get(QStringLiteral("/api/v1/ping"));
        QCOMPARE(ping.status, 200);
        QCOMPARE(ping.json.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        const ApiReply doc = m_client->get(QStringLiteral("/api/v1/openapi.json"));
        QCOMPARE(doc.status, 200);
        QCOMPARE(doc.json.value(QStringLiteral("openapi")).toString(), QStringLiteral("3.0.3"));
        const QJsonObject paths = doc.json.value(QStringLiteral("paths")).toObject();
        const QStringList wanted{
            QStringLiteral("GET /api/v1/ping"), QStringLiteral("POST /api/v1/auth/login"), QStringLiteral("POST /api/v1/auth/logout"),
            QStringLiteral("POST /api/v1/auth/refresh"), QStringLiteral("GET /api/v1/trading/status"), QStringLiteral("GET /api/v1/trading/config"),
            QStringLiteral("PUT /api/v1/trading/config"), QStringLiteral("POST /api/v1/trading/start"), QStringLiteral("POST /api/v1/trading/stop"),
            QStringLiteral("GET /api/v1/trading/history"), QStringLiteral("GET /api/v1/trading/orders"), QStringLiteral("POST /api/v1/trading/orders"),
            QStringLiteral("DELETE /api/v1/trading/orders/{client_id}"), QStringLiteral("GET /api/v1/trading/positions"),
            QStringLiteral("GET /api/v1/signals/ai-signals"), QStringLiteral("GET /api/v1/signals/social-sentiment"),
            QStringLiteral("GET /api/v1/signals/onchain-data"), QStringLiteral("GET /api/v1/monitoring/performance"),
            QStringLiteral("GET /api/v1/monitoring/logs"), QStringLiteral("GET /api/v1/monitoring/alerts"), QStringLiteral("GET /api/v1/admin/users"),
            QStringLiteral("POST /api/v1/admin/users"), QStringLiteral("PUT /api/v1/admin/users/{username}"),
            QStringLiteral("DELETE /api/v1/admin/users/{username}"), QStringLiteral("GET /api/v1/admin/settings"),
            QStringLiteral("PUT /api/v1/admin/settings"), QStringLiteral("GET /api/v1/admin/system-info"), QStringLiteral("GET /api/v1/openapi.json")};
        for (const QString &route : wanted) {
            const QStringList parts = route.split(QLatin1Char(' '));
            QVERIFY2(paths.value(parts[1]).toObject().contains(parts[0].toLower()), qPrintable(route));
        }
        // Routes that need a role say so, with the bearer scheme.
        const QJsonObject status = paths.value(QStringLiteral("/api/v1/trading/status")).toObject().value(QStringLiteral("get")).toObject();
        QCOMPARE(status.value(QStringLiteral("x-required-role")).toString(), QStringLiteral("viewer"));
        QVERIFY(!status.value(QStringLiteral("security")).toArray().isEmpty());
    }

    //! The role matrix, from the document itself: no token → 401, a lower role → 403, and every
    //! GET route answers 200 to its role and above.
    void everyRouteChecksItsRole()
    {
        const QJsonObject paths = m_client->get(QStringLiteral("/api/v1/openapi.json")).json.value(QStringLiteral("paths")).toObject();
        int checked = 0;
        for (auto p = paths.begin(); p != paths.end(); ++p) {
            const QJsonObject methods = p.value().toObject();
            for (auto m = methods.begin(); m != methods.end(); ++m) {
                const QByteArray method = m.key().toUpper().toLatin1();
                const QString path = fill(p.key());
                const QString needed = m.value().toObject().value(QStringLiteral("x-required-role")).toString();
                const QString what = QStringLiteral("%1 %2").arg(QString::fromLatin1(method), path);
                if (needed == QLatin1String("public"))
                    continue;
                const ApiReply anonymous = m_client->call(method, path);
                QVERIFY2(anonymous.status == 401 && anonymous.errorCode() == QLatin1String("AUTH_REQUIRED"), qPrintable(what + anonymous.describe()));
                QVERIFY(anonymous.headers.value("www-authenticate").startsWith("Bearer"));
                const int neededRank = int(kRoles.indexOf(needed));
                QVERIFY2(neededRank >= 0, qPrintable(what));
                for (int rank = 0; rank < kRoles.size(); ++rank) {
                    // Allowed state-changing calls have tests of their own below.
                    if (rank >= neededRank && method != "GET")
                        continue;
                    const ApiReply reply = m_client->call(method, path, m_tokens[kRoles[rank]]);
                    if (rank < neededRank) {
                        QVERIFY2(reply.status == 403 && reply.errorCode() == QLatin1String("FORBIDDEN"), qPrintable(what + kRoles[rank] + reply.describe()));
                    } else if (method == "GET") {
                        QVERIFY2(reply.status == 200, qPrintable(what + kRoles[rank] + reply.describe()));
                        QVERIFY(!reply.json.isEmpty());
                    }
                    ++checked;
                }
            }
        }
        QVERIFY(checked >= 50);
    }

    void listsArePagedAndFiltered()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_ctx->api().recentSignals(10).size() >= 3, 60000);
        const QString viewer = m_tokens[QStringLiteral("viewer")];
        const ApiReply page = m_client->get(QStringLiteral("/api/v1/signals/ai-signals?limit=2&offset=1"), viewer);
        QCOMPARE(page.status, 200);
        QCOMPARE(page.json.value(QStringLiteral("limit")).toInt(), 2);
        QCOMPARE(page.json.value(QStringLiteral("offset")).toInt(), 1);
        QVERIFY(page.json.value(QStringLiteral("total")).toInt() >= 3);
        QCOMPARE(page.json.value(QStringLiteral("items")).toArray().size(), 2);
        const QString symbol = page.json.value(QStringLiteral("items")).toArray().first().toObject().value(QStringLiteral("symbol")).toString();
        const ApiReply one = m_client->get(QStringLiteral("/api/v1/signals/ai-signals?symbol=%1&limit=500").arg(symbol), viewer);
        for (const QJsonValue &item : one.json.value(QStringLiteral("items")).toArray())
            QCOMPARE(item.toObject().value(QStringLiteral("symbol")).toString(), symbol);
        const ApiReply social = m_client->get(QStringLiteral("/api/v1/signals/social-sentiment?symbol=%1").arg(symbol), viewer);
        QCOMPARE(social.json.value(QStringLiteral("items")).toArray().size(), 1);
        const ApiReply perf = m_client->get(QStringLiteral("/api/v1/monitoring/performance?points=10"), viewer);
        QVERIFY(perf.json.value(QStringLiteral("equity_curve")).toArray().size() <= 11);
        QVERIFY(!perf.json.value(QStringLiteral("equity")).toString().isEmpty());

        // Bad parameters: one error shape, nothing done.
        for (const QString &bad : {QStringLiteral("/api/v1/signals/ai-signals?limit=0"), QStringLiteral("/api/v1/signals/ai-signals?limit=100000"),
                                   QStringLiteral("/api/v1/signals/ai-signals?limit=ten"), QStringLiteral("/api/v1/signals/ai-signals?bogus=1"),
                                   QStringLiteral("/api/v1/signals/ai-signals?action=MAYBE"), QStringLiteral("/api/v1/signals/ai-signals?limit=1&limit=2"),
                                   QStringLiteral("/api/v1/trading/history?symbol=pepe%27--"), QStringLiteral("/api/v1/monitoring/logs?level=%0d%0aX:1")}) {
            const ApiReply reply = m_client->get(bad, viewer);
            QVERIFY2(reply.status == 400 && reply.errorCode() == QLatin1String("PARAM_INVALID"), qPrintable(bad + reply.describe()));
            QVERIFY(!reply.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().isEmpty());
        }
    }

    void configChangesAllOrNothing()
    {
        const QString trader = m_tokens[QStringLiteral("trader")];
        const ApiReply before = m_client->get(QStringLiteral("/api/v1/trading/config"), trader);
        QCOMPARE(before.status, 200);
        const ApiReply changed = m_client->send("PUT", QStringLiteral("/api/v1/trading/config"), trader,
                                                {{QStringLiteral("risk"), QJsonObject{{QStringLiteral("maxOpenPositions"), 4}}}});
        QVERIFY2(changed.status == 200, qPrintable(changed.describe()));
        QCOMPARE(changed.json.value(QStringLiteral("risk")).toObject().value(QStringLiteral("maxOpenPositions")).toInt(), 4);
        QCOMPARE(m_ctx->api().config().risk.maxOpenPositions, 4);

        const ApiReply invalid = m_client->send("PUT", QStringLiteral("/api/v1/trading/config"), trader,
                                                {{QStringLiteral("risk"), QJsonObject{{QStringLiteral("maxOpenPositions"), 5}, {QStringLiteral("stopLossPct"), QStringLiteral("7")}}}});
        QCOMPARE(invalid.status, 400);
        QCOMPARE(invalid.errorCode(), QStringLiteral("CONFIG_INVALID"));
        QCOMPARE(m_ctx->api().config().risk.maxOpenPositions, 4); // nothing half-applied

        const ApiReply mode = m_client->send("PUT", QStringLiteral("/api/v1/trading/config"), trader, {{QStringLiteral("mode"), QStringLiteral("live")}});
        QCOMPARE(mode.status, 403);
        QCOMPARE(engine::toString(m_ctx->api().config().mode), QStringLiteral("demo"));
    }

    void manualOrdersReachTheWebSocket()
    {
        const QString trader = m_tokens[QStringLiteral("trader")];
        WsClient ws;
        QVERIFY(ws.open(QUrl(QString(m_ctx->apiUrl()).replace(QLatin1String("http"), QLatin1String("ws")) + QStringLiteral("/api/v1/ws"))));
        ws.send({{QStringLiteral("type"), QStringLiteral("auth")}, {QStringLiteral("token"), trader}});
        const QJsonObject welcome = ws.waitFor([](const QJsonObject &m) { return m.value(QStringLiteral("type")) == QLatin1String("welcome"); }, 5000);
        QCOMPARE(welcome.value(QStringLiteral("user")).toString(), userOf(QStringLiteral("trader")));

        QTRY_VERIFY_WITH_TIMEOUT(!symbolWithPrice().isEmpty(), 60000);
        const QString symbol = symbolWithPrice();
        const qsizetype mark = ws.mark();
        const ApiReply placed = m_client->send("POST", QStringLiteral("/api/v1/trading/orders"), trader,
                                               {{QStringLiteral("symbol"), symbol}, {QStringLiteral("side"), QStringLiteral("BUY")},
                                                {QStringLiteral("type"), QStringLiteral("MARKET")}, {QStringLiteral("quote_qty"), QStringLiteral("50")}});
        QVERIFY2(placed.status == 201, qPrintable(placed.describe()));
        const QString clientId = placed.json.value(QStringLiteral("client_id")).toString();
        QVERIFY(!clientId.isEmpty());
        const auto about = [&](const char *type) {
            return [clientId, type](const QJsonObject &m) {
                return m.value(QStringLiteral("type")) == QLatin1String(type) &&
                       m.value(QStringLiteral("data")).toObject().value(QStringLiteral("client_id")).toString() == clientId;
            };
        };
        const QJsonObject fill = ws.waitFor(about("fill"), 30000, mark);
        QVERIFY2(!fill.isEmpty(), "no fill event for the manual order");
        QVERIFY(!fill.value(QStringLiteral("data")).toObject().value(QStringLiteral("price")).toString().isEmpty());
        QVERIFY(!ws.waitFor(about("order"), 5000, mark).isEmpty());

        const ApiReply orders = m_client->get(QStringLiteral("/api/v1/trading/orders?status=all&symbol=%1").arg(symbol), m_tokens[QStringLiteral("viewer")]);
        bool listed = false;
        for (const QJsonValue &o : orders.json.value(QStringLiteral("items")).toArray())
            listed = listed || o.toObject().value(QStringLiteral("client_id")).toString() == clientId;
        QVERIFY(listed);
        QTRY_VERIFY_WITH_TIMEOUT(m_client->get(QStringLiteral("/api/v1/trading/history?kind=orders&symbol=%1").arg(symbol), trader)
                                         .json.value(QStringLiteral("total")).toInt() >= 1, 10000);

        // A limit far below the market rests; cancelling it arrives as a CANCELLED order event.
        const double price = m_ctx->api().recentSignals(50).first().price.toDouble();
        const QString limit = engine::Decimal::fromDouble(price * 0.5, 10).toString();
        const QString qty = QString::number(std::ceil(40.0 / (price * 0.5)), 'f', 0);
        const ApiReply resting = m_client->send("POST", QStringLiteral("/api/v1/trading/orders"), trader,
                                                {{QStringLiteral("symbol"), symbol}, {QStringLiteral("side"), QStringLiteral("BUY")},
                                                 {QStringLiteral("type"), QStringLiteral("LIMIT")}, {QStringLiteral("qty"), qty},
                                                 {QStringLiteral("limit_price"), limit}});
        QVERIFY2(resting.status == 201, qPrintable(resting.describe()));
        const QString restingId = resting.json.value(QStringLiteral("client_id")).toString();
        const qsizetype beforeCancel = ws.mark();
        const ApiReply cancel = m_client->call("DELETE", QStringLiteral("/api/v1/trading/orders/") + restingId, trader);
        QString seen;
        for (const QJsonObject &m : ws.received())
            if (m.value(QStringLiteral("data")).toObject().value(QStringLiteral("client_id")).toString() == restingId)
                seen += QString::fromUtf8(QJsonDocument(m).toJson(QJsonDocument::Compact));
        QVERIFY2(cancel.status == 202, qPrintable(cancel.describe() + seen));
        const QJsonObject cancelled = ws.waitFor([&](const QJsonObject &m) {
            const QJsonObject d = m.value(QStringLiteral("data")).toObject();
            return m.value(QStringLiteral("type")) == QLatin1String("order") && d.value(QStringLiteral("client_id")).toString() == restingId &&
                   d.value(QStringLiteral("status")).toString() == QLatin1String("CANCELLED");
        }, 20000, beforeCancel);
        QVERIFY2(!cancelled.isEmpty(), "no CANCELLED event");

        // An Idempotency-Key makes a retry safe: the same answer, no second order.
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("symbol"), symbol}, {QStringLiteral("side"), QStringLiteral("BUY")},
                                                          {QStringLiteral("type"), QStringLiteral("MARKET")}, {QStringLiteral("quote_qty"), QStringLiteral("20")}})
                                    .toJson(QJsonDocument::Compact);
        const ApiReply once = m_client->call("POST", QStringLiteral("/api/v1/trading/orders"), trader, body, "application/json", {{"Idempotency-Key", "retry-test-1"}});
        QVERIFY2(once.status == 201, qPrintable(once.describe()));
        const ApiReply twice = m_client->call("POST", QStringLiteral("/api/v1/trading/orders"), trader, body, "application/json", {{"Idempotency-Key", "retry-test-1"}});
        QCOMPARE(twice.status, 201);
        QCOMPARE(twice.json.value(QStringLiteral("client_id")).toString(), once.json.value(QStringLiteral("client_id")).toString());
        QCOMPARE(twice.headers.value("idempotent-replayed"), QByteArray("true"));
        QCOMPARE(m_client->call("POST", QStringLiteral("/api/v1/trading/orders"), trader, body, "application/json", {{"Idempotency-Key", "bad key!"}}).status, 400);

        // Invalid orders change nothing.
        for (const QJsonObject &bad : {QJsonObject{{QStringLiteral("symbol"), symbol}, {QStringLiteral("side"), QStringLiteral("BUY")}, {QStringLiteral("type"), QStringLiteral("MARKET")}, {QStringLiteral("quote_qty"), QStringLiteral("abc")}},
                                      QJsonObject{{QStringLiteral("symbol"), QStringLiteral("'; DROP TABLE orders;--")}, {QStringLiteral("side"), QStringLiteral("BUY")}, {QStringLiteral("type"), QStringLiteral("MARKET")}, {QStringLiteral("quote_qty"), QStringLiteral("5")}},
                                      QJsonObject{{QStringLiteral("symbol"), symbol}, {QStringLiteral("side"), QStringLiteral("HODL")}, {QStringLiteral("type"), QStringLiteral("MARKET")}, {QStringLiteral("quote_qty"), QStringLiteral("5")}},
                                      QJsonObject{{QStringLiteral("symbol"), symbol}, {QStringLiteral("side"), QStringLiteral("BUY")}, {QStringLiteral("type"), QStringLiteral("MARKET")}, {QStringLiteral("quote_qty"), 5}}}) {
            const ApiReply reply = m_client->send("POST", QStringLiteral("/api/v1/trading/orders"), trader, bad);
            QVERIFY2(reply.status == 400, qPrintable(reply.describe()));
        }
        const ApiReply denied = m_client->send("POST", QStringLiteral("/api/v1/trading/orders"), trader,
                                               {{QStringLiteral("symbol"), symbol}, {QStringLiteral("side"), QStringLiteral("BUY")},
                                                {QStringLiteral("type"), QStringLiteral("MARKET")}, {QStringLiteral("quote_qty"), QStringLiteral("900000000")}});
        QVERIFY2(denied.status == 422 || denied.status == 400, qPrintable(denied.describe()));
    }

    void startAndStop()
    {
        const QString trader = m_tokens[QStringLiteral("trader")];
        QCOMPARE(m_client->call("POST", QStringLiteral("/api/v1/trading/stop"), trader).status, 202);
        QTRY_COMPARE_WITH_TIMEOUT(m_client->get(QStringLiteral("/api/v1/trading/status"), trader).json.value(QStringLiteral("engine_state")).toString(),
                                  QStringLiteral("STOPPED"), 20000);
        QCOMPARE(m_client->call("POST", QStringLiteral("/api/v1/trading/start"), trader).status, 202);
        QTRY_COMPARE_WITH_TIMEOUT(m_client->get(QStringLiteral("/api/v1/trading/status"), trader).json.value(QStringLiteral("engine_state")).toString(),
                                  QStringLiteral("RUNNING"), 30000);
    }

    void signInRefreshAndSignOut()
    {
        QString refresh1;
        const QString access = m_client->login(userOf(QStringLiteral("viewer")), kPassword, &refresh1);
        QVERIFY(!access.isEmpty() && !refresh1.isEmpty());
        const ApiReply wrong = m_client->send("POST", QStringLiteral("/api/v1/auth/login"), {},
                                              {{QStringLiteral("username"), userOf(QStringLiteral("viewer"))}, {QStringLiteral("password"), QStringLiteral("wrong password!")}});
        QCOMPARE(wrong.status, 401);
        QCOMPARE(wrong.errorCode(), QStringLiteral("AUTH_FAILED"));

        const ApiReply rotated = m_client->send("POST", QStringLiteral("/api/v1/auth/refresh"), {}, {{QStringLiteral("refresh_token"), refresh1}});
        QCOMPARE(rotated.status, 200);
        QCOMPARE(rotated.json.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
        QCOMPARE(rotated.json.value(QStringLiteral("expires_in")).toInt(), 900);
        const QString refresh2 = rotated.json.value(QStringLiteral("refresh_token")).toString();
        // The old token again: stolen, so the whole family goes.
        const ApiReply reused = m_client->send("POST", QStringLiteral("/api/v1/auth/refresh"), {}, {{QStringLiteral("refresh_token"), refresh1}});
        QCOMPARE(reused.status, 401);
        QCOMPARE(reused.errorCode(), QStringLiteral("AUTH_REFRESH_REUSED"));
        QCOMPARE(m_client->send("POST", QStringLiteral("/api/v1/auth/refresh"), {}, {{QStringLiteral("refresh_token"), refresh2}}).status, 401);

        QString refresh3;
        const QString access3 = m_client->login(userOf(QStringLiteral("viewer")), kPassword, &refresh3);
        QCOMPARE(m_client->send("POST", QStringLiteral("/api/v1/auth/logout"), access3, {{QStringLiteral("refresh_token"), refresh3}}).status, 200);
        QCOMPARE(m_client->send("POST", QStringLiteral("/api/v1/auth/refresh"), {}, {{QStringLiteral("refresh_token"), refresh3}}).status, 401);
    }

    //! Tokens made with the real signing key (read from the keychain) but wrong claims, and tokens
    //! forged without it: all refused with 401, none reaches a route.
    void forgedTokensAreRefused()
    {
        adapters::keychain::QtKeychainSecretStore keychain(kService);
        const app::SecretsRead read = app::readSecretsNow(keychain, {QStringLiteral("api.jwt_secret")});
        QVERIFY2(read.problems.isEmpty(), qPrintable(read.problems.join(QLatin1Char(';'))));
        const QByteArray secret = QByteArray::fromBase64(read.values.value(QStringLiteral("api.jwt_secret")), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        QCOMPARE(secret.size(), 32);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const auto claims = [&](qint64 iat, qint64 exp, const QString &aud) {
            return adapters::rest::TokenClaims{userOf(QStringLiteral("admin")), QStringLiteral("admin"), aud, QUuid::createUuid().toString(QUuid::WithoutBraces), iat, exp};
        };
        adapters::rest::JwtCodec right(secret, QStringLiteral("memedesk-api"));
        adapters::rest::JwtCodec otherAudience(secret, QStringLiteral("someone-else"));
        adapters::rest::JwtCodec otherKey(QByteArray(32, 'k'), QStringLiteral("memedesk-api"));
        const QString viewer = m_tokens[QStringLiteral("viewer")];
        const QStringList parts = viewer.split(QLatin1Char('.'));
        QJsonObject payload = QJsonDocument::fromJson(QByteArray::fromBase64(parts[1].toLatin1(), QByteArray::Base64UrlEncoding)).object();
        payload.insert(QStringLiteral("role"), QStringLiteral("admin"));
        const QStringList forged{
            right.sign(claims(now - 3600, now - 1800, QStringLiteral("memedesk-api"))),  // expired
            right.sign(claims(now + 3600, now + 4000, QStringLiteral("memedesk-api"))),  // not yet valid
            otherAudience.sign(claims(now, now + 600, QStringLiteral("someone-else"))), // wrong audience
            otherKey.sign(claims(now, now + 600, QStringLiteral("memedesk-api"))),      // another key
            jwtPart({{QStringLiteral("alg"), QStringLiteral("none")}, {QStringLiteral("typ"), QStringLiteral("JWT")}}) + QLatin1Char('.') + jwtPart(payload) + QLatin1Char('.'),
            jwtPart({{QStringLiteral("alg"), QStringLiteral("RS256")}, {QStringLiteral("typ"), QStringLiteral("JWT")}}) + QLatin1Char('.') + parts[1] + QLatin1Char('.') + parts[2],
            parts[0] + QLatin1Char('.') + jwtPart(payload) + QLatin1Char('.') + parts[2], // tampered role
            viewer + QStringLiteral("x"),
            QStringLiteral("' OR 1=1 --"),
        };
        for (const QString &token : forged) {
            const ApiReply reply = m_client->get(QStringLiteral("/api/v1/admin/system-info"), token);
            QVERIFY2(reply.status == 401 && reply.errorCode() == QLatin1String("AUTH_TOKEN_INVALID"), qPrintable(token.left(60) + reply.describe()));
        }
        // The real key and the right claims work, which shows the refusals above were for the claims.
        QCOMPARE(m_client->get(QStringLiteral("/api/v1/admin/system-info"), right.sign(claims(now, now + 600, QStringLiteral("memedesk-api")))).status, 200);
    }

    void adminManagesUsers()
    {
        const QString admin = m_tokens[QStringLiteral("admin")];
        const QJsonObject carl{{QStringLiteral("username"), QStringLiteral("carl")}, {QStringLiteral("role"), QStringLiteral("trader")},
                               {QStringLiteral("password"), QStringLiteral("carl's long password")}};
        const ApiReply added = m_client->send("POST", QStringLiteral("/api/v1/admin/users"), admin, carl);
        QVERIFY2(added.status == 201, qPrintable(added.describe()));
        QCOMPARE(added.json.value(QStringLiteral("role")).toString(), QStringLiteral("trader"));
        QVERIFY(!added.body.contains("password") && !added.body.contains("argon2"));
        QCOMPARE(m_client->send("POST", QStringLiteral("/api/v1/admin/users"), admin, carl).status, 409);
        QCOMPARE(m_client->send("POST", QStringLiteral("/api/v1/admin/users"), admin,
                                {{QStringLiteral("username"), QStringLiteral("d")}, {QStringLiteral("role"), QStringLiteral("root")}, {QStringLiteral("password"), QStringLiteral("x")}})
                     .status, 400);
        const QString carlToken = m_client->login(QStringLiteral("carl"), QStringLiteral("carl's long password"));
        QVERIFY(!carlToken.isEmpty());
        const ApiReply demoted = m_client->send("PUT", QStringLiteral("/api/v1/admin/users/carl"), admin, {{QStringLiteral("role"), QStringLiteral("viewer")}});
        QCOMPARE(demoted.status, 200);
        QCOMPARE(demoted.json.value(QStringLiteral("role")).toString(), QStringLiteral("viewer"));
        // The token carl already holds says trader; the demotion counts at once.
        QCOMPARE(m_client->call("POST", QStringLiteral("/api/v1/trading/resume"), carlToken).status, 403);
        QCOMPARE(m_client->get(QStringLiteral("/api/v1/trading/status"), carlToken).status, 200);
        QCOMPARE(m_client->call("DELETE", QStringLiteral("/api/v1/admin/users/carl"), admin).status, 200);
        QVERIFY(m_client->login(QStringLiteral("carl"), QStringLiteral("carl's long password")).isEmpty());
        QCOMPARE(m_client->get(QStringLiteral("/api/v1/trading/status"), carlToken).status, 401); // deleted: the token is over too
        QCOMPARE(m_client->call("DELETE", QStringLiteral("/api/v1/admin/users/carl"), admin).status, 404);
        // The last admin stays.
        const QString self = QStringLiteral("/api/v1/admin/users/") + userOf(QStringLiteral("admin"));
        QCOMPARE(m_client->call("DELETE", self, admin).errorCode(), QStringLiteral("USER_LAST_ADMIN"));
        QCOMPARE(m_client->send("PUT", self, admin, {{QStringLiteral("role"), QStringLiteral("viewer")}}).status, 409);
        const ApiReply list = m_client->get(QStringLiteral("/api/v1/admin/users"), admin);
        QCOMPARE(list.json.value(QStringLiteral("total")).toInt(), 3);
    }

    void settingsNeverShowSecrets()
    {
        const QString admin = m_tokens[QStringLiteral("admin")];
        const QString key = QStringLiteral("TESTKEY-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        bool stored = false;
        m_ctx->api().storeSecret(QLatin1String(engine::secrets::kBinanceApiKey), key, this, [&](const QString &error) { stored = error.isEmpty(); });
        QTRY_VERIFY_WITH_TIMEOUT(stored, 15000);
        const ApiReply settings = m_client->get(QStringLiteral("/api/v1/admin/settings"), admin);
        QCOMPARE(settings.status, 200);
        QCOMPARE(settings.json.value(QStringLiteral("secrets")).toObject().value(QLatin1String(engine::secrets::kBinanceApiKey)).toString(), QStringLiteral("********"));
        QVERIFY(!settings.body.contains(key.toUtf8()));
        QVERIFY(!m_client->get(QStringLiteral("/api/v1/admin/system-info"), admin).body.contains(key.toUtf8()));
        const ApiReply bad = m_client->send("PUT", QStringLiteral("/api/v1/admin/settings"), admin,
                                            {{QStringLiteral("venue"), QJsonObject{{QStringLiteral("binance.rest_url"), QStringLiteral("ftp://example.com")}}}});
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.errorCode(), QStringLiteral("SETTINGS_INVALID"));
        const ApiReply good = m_client->send("PUT", QStringLiteral("/api/v1/admin/settings"), admin,
                                             {{QStringLiteral("venue"), QJsonObject{{QStringLiteral("symbols"), QStringLiteral("PEPEUSDT,DOGEUSDT")}}}});
        QVERIFY2(good.status == 200, qPrintable(good.describe()));
        QCOMPARE(m_ctx->api().venueSettings().value(QStringLiteral("symbols")), QStringLiteral("PEPEUSDT,DOGEUSDT"));
    }

    void badBodiesAreRefused()
    {
        const QString trader = m_tokens[QStringLiteral("trader")];
        const QString path = QStringLiteral("/api/v1/trading/orders");
        QCOMPARE(m_client->call("POST", path, trader, "symbol=PEPEUSDT", "application/x-www-form-urlencoded").status, 415);
        QCOMPARE(m_client->call("POST", path, trader, "{\"symbol\":").errorCode(), QStringLiteral("BODY_INVALID"));
        QCOMPARE(m_client->call("POST", path, trader, "[1,2,3]").errorCode(), QStringLiteral("BODY_INVALID"));
        QCOMPARE(m_client->call("POST", path, trader, QByteArray("{\"symbol\":\"PEPE\xff\xfeUSDT\",\"side\":\"BUY\",\"type\":\"MARKET\"}")).errorCode(), QStringLiteral("BODY_INVALID"));
        QCOMPARE(m_client->call("POST", path, trader, QByteArray(100000, '[') + QByteArray(100000, ']')).errorCode(), QStringLiteral("BODY_INVALID"));
        QCOMPARE(m_client->send("POST", path, trader, {{QStringLiteral("symbol"), QStringLiteral("PEPEUSDT")}, {QStringLiteral("extra"), 1}}).errorCode(),
                 QStringLiteral("BODY_INVALID"));
        QCOMPARE(m_client->call("GET", QStringLiteral("/api/v1/trading/status"), trader, "{}").errorCode(), QStringLiteral("BODY_INVALID"));
        const ApiReply method = m_client->call("PATCH", QStringLiteral("/api/v1/trading/status"), trader);
        QCOMPARE(method.status, 405);
        QCOMPARE(method.headers.value("allow"), QByteArray("GET"));
        QCOMPARE(m_client->get(QStringLiteral("/api/v1/trading/nothing"), trader).status, 404);
        QCOMPARE(m_client->get(QStringLiteral("/api/v1/../../etc/passwd"), trader).status, 404);
    }

    void webSocketNeedsAuthFirst()
    {
        const QString base = QString(m_ctx->apiUrl()).replace(QLatin1String("http"), QLatin1String("ws"));
        {
            WsClient silent; // says nothing: closed after the timeout
            QVERIFY(silent.open(QUrl(base + QStringLiteral("/api/v1/ws"))));
            QCOMPARE(silent.waitClosed(10000), 1008);
        }
        {
            WsClient inUrl; // a token in the URL is refused outright
            QVERIFY(inUrl.open(QUrl(base + QStringLiteral("/api/v1/ws?token=") + m_tokens[QStringLiteral("viewer")])));
            QCOMPARE(inUrl.waitClosed(10000), 1008);
        }
        {
            WsClient forged;
            QVERIFY(forged.open(QUrl(base + QStringLiteral("/api/v1/ws"))));
            forged.send({{QStringLiteral("type"), QStringLiteral("auth")}, {QStringLiteral("token"), QStringLiteral("abc.def.ghi")}});
            QCOMPARE(forged.waitClosed(10000), 1008);
        }
        {
            WsClient elsewhere;
            QVERIFY(elsewhere.open(QUrl(base + QStringLiteral("/api/v1/other"))));
            QCOMPARE(elsewhere.waitClosed(10000), 1008);
        }
        WsClient narrow; // only status events after subscribing
        QVERIFY(narrow.open(QUrl(base + QStringLiteral("/api/v1/ws"))));
        narrow.send({{QStringLiteral("type"), QStringLiteral("auth")}, {QStringLiteral("token"), m_tokens[QStringLiteral("viewer")]}});
        QVERIFY(!narrow.waitFor([](const QJsonObject &m) { return m.value(QStringLiteral("type")) == QLatin1String("welcome"); }, 5000).isEmpty());
        narrow.send({{QStringLiteral("type"), QStringLiteral("subscribe")}, {QStringLiteral("events"), QJsonArray{QStringLiteral("status")}}});
        QVERIFY(!narrow.waitFor([](const QJsonObject &m) { return m.value(QStringLiteral("type")) == QLatin1String("subscribed"); }, 5000).isEmpty());
        const qsizetype mark = narrow.mark();
        QVERIFY(!narrow.waitFor([](const QJsonObject &m) { return m.value(QStringLiteral("type")) == QLatin1String("status"); }, 10000, mark).isEmpty());
        for (qsizetype i = mark; i < narrow.received().size(); ++i)
            QCOMPARE(narrow.received()[i].value(QStringLiteral("type")).toString(), QStringLiteral("status"));
    }

    void stateChangesAreAudited()
    {
        const QString audit = testsupport::querySql(m_dir + QStringLiteral("/api-users.sqlite"),
                                                    QStringLiteral("SELECT group_concat(user_name || '|' || action || '|' || result, '\n') FROM api_audit"));
        QVERIFY2(audit.contains(QStringLiteral("trader_user|POST trading/orders|ok")), qPrintable(audit.left(2000)));
        QVERIFY(audit.contains(QStringLiteral("trader_user|PUT trading/config|ok")));
        QVERIFY(audit.contains(QStringLiteral("trader_user|PUT trading/config|400 CONFIG_INVALID")));
        QVERIFY(audit.contains(QStringLiteral("viewer_user|POST trading/orders|403 FORBIDDEN")));
        QVERIFY(audit.contains(QStringLiteral("(anonymous)|POST trading/stop|401 AUTH_REQUIRED")));
        QVERIFY(audit.contains(QStringLiteral("admin_user|DELETE admin/users/{username}|ok")));
        QVERIFY(audit.contains(QStringLiteral("auth/login")));
    }

    //! Trading Config's settings: applied at once, saved only when they work, and the API comes
    //! back with the app.
    void savedSettingsStartWithTheApp()
    {
        const QString dir = testsupport::makeTempDir(QStringLiteral("memedesk-restapi-saved"));
        app::AppOptions options;
        options.headless = true;
        options.dataDir = dir;
        options.autostart = false;
        options.keychainService = kService;
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        engine::RemoteApiSettings settings;
        settings.enabled = true;
        settings.port = probe.serverPort(); // still taken: the start fails and nothing is saved
        {
            app::AppContext ctx(options);
            QVERIFY(ctx.initialize().ok());
            ctx.run();
            const engine::Result<void> taken = ctx.api().setRemoteApiSettings(settings);
            QVERIFY(!taken.ok());
            QCOMPARE(taken.error().code, QStringLiteral("API_LISTEN_FAILED"));
            QVERIFY(!ctx.api().remoteApiSettings().enabled);
            QVERIFY(!ctx.api().remoteApiState().error.isEmpty());
            probe.close();
            engine::RemoteApiSettings remote = settings;
            remote.bindAddress = QStringLiteral("0.0.0.0");
            QCOMPARE(ctx.api().setRemoteApiSettings(remote).error().code, QStringLiteral("API_OPTIONS_INVALID"));
            QVERIFY(ctx.api().setRemoteApiSettings(settings).ok());
            QVERIFY(ctx.api().remoteApiState().running);
            QCOMPARE(ApiClient(ctx.apiUrl()).get(QStringLiteral("/api/v1/ping")).status, 200);
            ctx.shutdown();
        }
        app::AppContext again(options);
        QVERIFY(again.initialize().ok());
        again.run();
        QVERIFY(again.api().remoteApiSettings().enabled);
        QCOMPARE(again.apiUrl(), QStringLiteral("http://127.0.0.1:%1").arg(settings.port));
        QCOMPARE(ApiClient(again.apiUrl()).get(QStringLiteral("/api/v1/ping")).status, 200);
        settings.enabled = false;
        QVERIFY(again.api().setRemoteApiSettings(settings).ok());
        QVERIFY(again.apiUrl().isEmpty());
        again.shutdown();
    }

    void rateLimitsAndCors()
    {
        adapters::rest::ApiOptions tight = generousApi();
        tight.clientPerMinute = 60;
        tight.clientBurst = 5;
        tight.loginPerMinute = 60;
        tight.loginBurst = 10;
        tight.corsOrigins = {QStringLiteral("https://app.example")};
        restartApi(tight);
        int limited = 0;
        ApiReply last;
        for (int i = 0; i < 8; ++i) {
            last = m_client->get(QStringLiteral("/api/v1/ping"));
            limited += last.status == 429 ? 1 : 0;
        }
        QVERIFY(limited >= 2);
        QCOMPARE(last.errorCode(), QStringLiteral("RATE_LIMITED"));
        QVERIFY(last.headers.value("retry-after").toInt() >= 1);

        restartApi(tight); // fresh buckets
        const ApiReply allowed = m_client->call("OPTIONS", QStringLiteral("/api/v1/trading/status"), {}, {}, {},
                                                {{"Origin", "https://app.example"}, {"Access-Control-Request-Method", "GET"}});
        QCOMPARE(allowed.status, 204);
        QCOMPARE(allowed.headers.value("access-control-allow-origin"), QByteArray("https://app.example"));
        const ApiReply refused = m_client->call("OPTIONS", QStringLiteral("/api/v1/trading/status"), {}, {}, {},
                                                {{"Origin", "https://evil.example"}, {"Access-Control-Request-Method", "GET"}});
        QCOMPARE(refused.status, 403);
        QVERIFY(!refused.headers.contains("access-control-allow-origin"));
        const ApiReply plain = m_client->call("GET", QStringLiteral("/api/v1/ping"), {}, {}, {}, {{"Origin", "https://evil.example"}});
        QVERIFY(!plain.headers.contains("access-control-allow-origin"));
    }
};

QTEST_GUILESS_MAIN(TestRestApi)
#include "test_restapi.moc"
