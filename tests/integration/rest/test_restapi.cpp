// The remote API's routes on real parts: the app's composition root with the demo market, the
// SQLite journal and the OS keychain; the API on its own thread; a real HTTP client
// (QNetworkAccessManager) and WebSocket client on 127.0.0.1. Every declared route is called as each
// role; lists page and filter; the configuration changes all or nothing; a manual order's events
// arrive on the WebSocket; bad parameters and bodies get the documented answers; every
// state-changing call leaves an audit row. (Sign-in, users and settings: test_restaccounts.)
#include "tests/integration/rest/restfixture.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace resttest;
using testsupport::ApiReply;
using testsupport::WsClient;

namespace {

QString fill(QString path)
{
    return path.replace(QStringLiteral("{client_id}"), QStringLiteral("no-such-order")).replace(QStringLiteral("{username}"), QStringLiteral("nobody"));
}

} // namespace

class TestRestApi : public QObject {
    Q_OBJECT
    RestFixture m_f;

    QString symbolWithPrice()
    {
        const QList<engine::Signal> signals_ = m_f.ctx->api().recentSignals(50);
        return signals_.isEmpty() ? QString() : signals_.first().symbol;
    }

private Q_SLOTS:
    void initTestCase() { m_f.start(QStringLiteral("memedesk-test-restapi"), QStringLiteral("memedesk-restapi")); }
    void cleanupTestCase() { m_f.stop(); }

    void documentListsEveryRoute()
    {
        const ApiReply ping = m_f.client->get(QStringLiteral("/api/v1/ping"));
        QCOMPARE(ping.status, 200);
        QCOMPARE(ping.json.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        const ApiReply doc = m_f.client->get(QStringLiteral("/api/v1/openapi.json"));
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
        const QJsonObject paths = m_f.client->get(QStringLiteral("/api/v1/openapi.json")).json.value(QStringLiteral("paths")).toObject();
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
                const ApiReply anonymous = m_f.client->call(method, path);
                QVERIFY2(anonymous.status == 401 && anonymous.errorCode() == QLatin1String("AUTH_REQUIRED"), qPrintable(what + anonymous.describe()));
                QVERIFY(anonymous.headers.value("www-authenticate").startsWith("Bearer"));
                const int neededRank = int(kRoles.indexOf(needed));
                QVERIFY2(neededRank >= 0, qPrintable(what));
                for (int rank = 0; rank < kRoles.size(); ++rank) {
                    // Allowed state-changing calls have tests of their own below.
                    if (rank >= neededRank && method != "GET")
                        continue;
                    const ApiReply reply = m_f.client->call(method, path, m_f.tokens[kRoles[rank]]);
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
        QTRY_VERIFY_WITH_TIMEOUT(m_f.ctx->api().recentSignals(10).size() >= 3, 60000);
        const QString viewer = m_f.tokens[QStringLiteral("viewer")];
        const ApiReply page = m_f.client->get(QStringLiteral("/api/v1/signals/ai-signals?limit=2&offset=1"), viewer);
        QCOMPARE(page.status, 200);
        QCOMPARE(page.json.value(QStringLiteral("limit")).toInt(), 2);
        QCOMPARE(page.json.value(QStringLiteral("offset")).toInt(), 1);
        QVERIFY(page.json.value(QStringLiteral("total")).toInt() >= 3);
        QCOMPARE(page.json.value(QStringLiteral("items")).toArray().size(), 2);
        const QString symbol = page.json.value(QStringLiteral("items")).toArray().first().toObject().value(QStringLiteral("symbol")).toString();
        const ApiReply one = m_f.client->get(QStringLiteral("/api/v1/signals/ai-signals?symbol=%1&limit=500").arg(symbol), viewer);
        for (const QJsonValue &item : one.json.value(QStringLiteral("items")).toArray())
            QCOMPARE(item.toObject().value(QStringLiteral("symbol")).toString(), symbol);
        const ApiReply social = m_f.client->get(QStringLiteral("/api/v1/signals/social-sentiment?symbol=%1").arg(symbol), viewer);
        QCOMPARE(social.json.value(QStringLiteral("items")).toArray().size(), 1);
        const ApiReply perf = m_f.client->get(QStringLiteral("/api/v1/monitoring/performance?points=10"), viewer);
        QVERIFY(perf.json.value(QStringLiteral("equity_curve")).toArray().size() <= 11);
        QVERIFY(!perf.json.value(QStringLiteral("equity")).toString().isEmpty());

        // Bad parameters: one error shape, nothing done.
        for (const QString &bad : {QStringLiteral("/api/v1/signals/ai-signals?limit=0"), QStringLiteral("/api/v1/signals/ai-signals?limit=100000"),
                                   QStringLiteral("/api/v1/signals/ai-signals?limit=ten"), QStringLiteral("/api/v1/signals/ai-signals?bogus=1"),
                                   QStringLiteral("/api/v1/signals/ai-signals?action=MAYBE"), QStringLiteral("/api/v1/signals/ai-signals?limit=1&limit=2"),
                                   QStringLiteral("/api/v1/trading/history?symbol=pepe%27--"), QStringLiteral("/api/v1/monitoring/logs?level=%0d%0aX:1")}) {
            const ApiReply reply = m_f.client->get(bad, viewer);
            QVERIFY2(reply.status == 400 && reply.errorCode() == QLatin1String("PARAM_INVALID"), qPrintable(bad + reply.describe()));
            QVERIFY(!reply.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().isEmpty());
        }
    }

    void configChangesAllOrNothing()
    {
        const QString trader = m_f.tokens[QStringLiteral("trader")];
        const ApiReply before = m_f.client->get(QStringLiteral("/api/v1/trading/config"), trader);
        QCOMPARE(before.status, 200);
        const ApiReply changed = m_f.client->send("PUT", QStringLiteral("/api/v1/trading/config"), trader,
                                                {{QStringLiteral("risk"), QJsonObject{{QStringLiteral("maxOpenPositions"), 4}}}});
        QVERIFY2(changed.status == 200, qPrintable(changed.describe()));
        QCOMPARE(changed.json.value(QStringLiteral("risk")).toObject().value(QStringLiteral("maxOpenPositions")).toInt(), 4);
        QCOMPARE(m_f.ctx->api().config().risk.maxOpenPositions, 4);

        const ApiReply invalid = m_f.client->send("PUT", QStringLiteral("/api/v1/trading/config"), trader,
                                                {{QStringLiteral("risk"), QJsonObject{{QStringLiteral("maxOpenPositions"), 5}, {QStringLiteral("stopLossPct"), QStringLiteral("7")}}}});
        QCOMPARE(invalid.status, 400);
        QCOMPARE(invalid.errorCode(), QStringLiteral("CONFIG_INVALID"));
        QCOMPARE(m_f.ctx->api().config().risk.maxOpenPositions, 4); // nothing half-applied

        const ApiReply mode = m_f.client->send("PUT", QStringLiteral("/api/v1/trading/config"), trader, {{QStringLiteral("mode"), QStringLiteral("live")}});
        QCOMPARE(mode.status, 403);
        QCOMPARE(engine::toString(m_f.ctx->api().config().mode), QStringLiteral("demo"));
        // Even an admin must say it when the switch is to real money.
        const ApiReply unconfirmed = m_f.client->send("PUT", QStringLiteral("/api/v1/trading/config"), m_f.tokens[QStringLiteral("admin")],
                                                      {{QStringLiteral("mode"), QStringLiteral("live")}});
        QCOMPARE(unconfirmed.status, 428);
        QCOMPARE(unconfirmed.errorCode(), QStringLiteral("CONFIRMATION_REQUIRED"));
        // Confirmed, it goes to the engine, which refuses live without the exchange keys.
        const ApiReply noKeys = m_f.client->call("PUT", QStringLiteral("/api/v1/trading/config?confirm_live=true"), m_f.tokens[QStringLiteral("admin")],
                                                 "{\"mode\":\"live\"}");
        QVERIFY2(noKeys.status >= 400 && noKeys.status != 428, qPrintable(noKeys.describe()));
        QCOMPARE(engine::toString(m_f.ctx->api().config().mode), QStringLiteral("demo"));
    }

    void manualOrdersReachTheWebSocket()
    {
        const QString trader = m_f.tokens[QStringLiteral("trader")];
        WsClient ws;
        QVERIFY(ws.open(QUrl(QString(m_f.ctx->apiUrl()).replace(QLatin1String("http"), QLatin1String("ws")) + QStringLiteral("/api/v1/ws"))));
        ws.send({{QStringLiteral("type"), QStringLiteral("auth")}, {QStringLiteral("token"), trader}});
        const QJsonObject welcome = ws.waitFor([](const QJsonObject &m) { return m.value(QStringLiteral("type")) == QLatin1String("welcome"); }, 5000);
        QCOMPARE(welcome.value(QStringLiteral("user")).toString(), userOf(QStringLiteral("trader")));

        QTRY_VERIFY_WITH_TIMEOUT(!symbolWithPrice().isEmpty(), 60000);
        const QString symbol = symbolWithPrice();
        const qsizetype mark = ws.mark();
        const ApiReply placed = m_f.client->send("POST", QStringLiteral("/api/v1/trading/orders"), trader,
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

        const ApiReply orders = m_f.client->get(QStringLiteral("/api/v1/trading/orders?status=all&symbol=%1").arg(symbol), m_f.tokens[QStringLiteral("viewer")]);
        bool listed = false;
        for (const QJsonValue &o : orders.json.value(QStringLiteral("items")).toArray())
            listed = listed || o.toObject().value(QStringLiteral("client_id")).toString() == clientId;
        QVERIFY(listed);
        QTRY_VERIFY_WITH_TIMEOUT(m_f.client->get(QStringLiteral("/api/v1/trading/history?kind=orders&symbol=%1").arg(symbol), trader)
                                         .json.value(QStringLiteral("total")).toInt() >= 1, 10000);

        // A limit far below the market rests; cancelling it arrives as a CANCELLED order event.
        const double price = m_f.ctx->api().recentSignals(50).first().price.toDouble();
        const QString limit = engine::Decimal::fromDouble(price * 0.5, 10).toString();
        const QString qty = QString::number(std::ceil(40.0 / (price * 0.5)), 'f', 0);
        const ApiReply resting = m_f.client->send("POST", QStringLiteral("/api/v1/trading/orders"), trader,
                                                {{QStringLiteral("symbol"), symbol}, {QStringLiteral("side"), QStringLiteral("BUY")},
                                                 {QStringLiteral("type"), QStringLiteral("LIMIT")}, {QStringLiteral("qty"), qty},
                                                 {QStringLiteral("limit_price"), limit}});
        QVERIFY2(resting.status == 201, qPrintable(resting.describe()));
        const QString restingId = resting.json.value(QStringLiteral("client_id")).toString();
        const qsizetype beforeCancel = ws.mark();
        const ApiReply cancel = m_f.client->call("DELETE", QStringLiteral("/api/v1/trading/orders/") + restingId, trader);
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
        const ApiReply once = m_f.client->call("POST", QStringLiteral("/api/v1/trading/orders"), trader, body, "application/json", {{"Idempotency-Key", "retry-test-1"}});
        QVERIFY2(once.status == 201, qPrintable(once.describe()));
        const ApiReply twice = m_f.client->call("POST", QStringLiteral("/api/v1/trading/orders"), trader, body, "application/json", {{"Idempotency-Key", "retry-test-1"}});
        QCOMPARE(twice.status, 201);
        QCOMPARE(twice.json.value(QStringLiteral("client_id")).toString(), once.json.value(QStringLiteral("client_id")).toString());
        QCOMPARE(twice.headers.value("idempotent-replayed"), QByteArray("true"));
        QCOMPARE(m_f.client->call("POST", QStringLiteral("/api/v1/trading/orders"), trader, body, "application/json", {{"Idempotency-Key", "bad key!"}}).status, 400);

        // Invalid orders change nothing.
        for (const QJsonObject &bad : {QJsonObject{{QStringLiteral("symbol"), symbol}, {QStringLiteral("side"), QStringLiteral("BUY")}, {QStringLiteral("type"), QStringLiteral("MARKET")}, {QStringLiteral("quote_qty"), QStringLiteral("abc")}},
                                      QJsonObject{{QStringLiteral("symbol"), QStringLiteral("'; DROP TABLE orders;--")}, {QStringLiteral("side"), QStringLiteral("BUY")}, {QStringLiteral("type"), QStringLiteral("MARKET")}, {QStringLiteral("quote_qty"), QStringLiteral("5")}},
                                      QJsonObject{{QStringLiteral("symbol"), symbol}, {QStringLiteral("side"), QStringLiteral("HODL")}, {QStringLiteral("type"), QStringLiteral("MARKET")}, {QStringLiteral("quote_qty"), QStringLiteral("5")}},
                                      QJsonObject{{QStringLiteral("symbol"), symbol}, {QStringLiteral("side"), QStringLiteral("BUY")}, {QStringLiteral("type"), QStringLiteral("MARKET")}, {QStringLiteral("quote_qty"), 5}}}) {
            const ApiReply reply = m_f.client->send("POST", QStringLiteral("/api/v1/trading/orders"), trader, bad);
            QVERIFY2(reply.status == 400, qPrintable(reply.describe()));
        }
        const ApiReply denied = m_f.client->send("POST", QStringLiteral("/api/v1/trading/orders"), trader,
                                               {{QStringLiteral("symbol"), symbol}, {QStringLiteral("side"), QStringLiteral("BUY")},
                                                {QStringLiteral("type"), QStringLiteral("MARKET")}, {QStringLiteral("quote_qty"), QStringLiteral("900000000")}});
        QVERIFY2(denied.status == 422 || denied.status == 400, qPrintable(denied.describe()));
    }

    void startAndStop()
    {
        const QString trader = m_f.tokens[QStringLiteral("trader")];
        QCOMPARE(m_f.client->call("POST", QStringLiteral("/api/v1/trading/stop"), trader).status, 202);
        QTRY_COMPARE_WITH_TIMEOUT(m_f.client->get(QStringLiteral("/api/v1/trading/status"), trader).json.value(QStringLiteral("engine_state")).toString(),
                                  QStringLiteral("STOPPED"), 20000);
        QCOMPARE(m_f.client->call("POST", QStringLiteral("/api/v1/trading/start"), trader).status, 202);
        QTRY_COMPARE_WITH_TIMEOUT(m_f.client->get(QStringLiteral("/api/v1/trading/status"), trader).json.value(QStringLiteral("engine_state")).toString(),
                                  QStringLiteral("RUNNING"), 30000);
    }

    void badBodiesAreRefused()
    {
        const QString trader = m_f.tokens[QStringLiteral("trader")];
        const QString path = QStringLiteral("/api/v1/trading/orders");
        QCOMPARE(m_f.client->call("POST", path, trader, "symbol=PEPEUSDT", "application/x-www-form-urlencoded").status, 415);
        QCOMPARE(m_f.client->call("POST", path, trader, "{\"symbol\":").errorCode(), QStringLiteral("BODY_INVALID"));
        QCOMPARE(m_f.client->call("POST", path, trader, "[1,2,3]").errorCode(), QStringLiteral("BODY_INVALID"));
        QCOMPARE(m_f.client->call("POST", path, trader, QByteArray("{\"symbol\":\"PEPE\xff\xfeUSDT\",\"side\":\"BUY\",\"type\":\"MARKET\"}")).errorCode(), QStringLiteral("BODY_INVALID"));
        QCOMPARE(m_f.client->call("POST", path, trader, QByteArray(100000, '[') + QByteArray(100000, ']')).errorCode(), QStringLiteral("BODY_INVALID"));
        QCOMPARE(m_f.client->send("POST", path, trader, {{QStringLiteral("symbol"), QStringLiteral("PEPEUSDT")}, {QStringLiteral("extra"), 1}}).errorCode(),
                 QStringLiteral("BODY_INVALID"));
        QCOMPARE(m_f.client->call("GET", QStringLiteral("/api/v1/trading/status"), trader, "{}").errorCode(), QStringLiteral("BODY_INVALID"));
        const ApiReply method = m_f.client->call("PATCH", QStringLiteral("/api/v1/trading/status"), trader);
        QCOMPARE(method.status, 405);
        QCOMPARE(method.headers.value("allow"), QByteArray("GET"));
        QCOMPARE(m_f.client->get(QStringLiteral("/api/v1/trading/nothing"), trader).status, 404);
        QCOMPARE(m_f.client->get(QStringLiteral("/api/v1/../../etc/passwd"), trader).status, 404);
    }

    void webSocketNeedsAuthFirst()
    {
        const QString base = QString(m_f.ctx->apiUrl()).replace(QLatin1String("http"), QLatin1String("ws"));
        {
            WsClient silent; // says nothing: closed after the timeout
            QVERIFY(silent.open(QUrl(base + QStringLiteral("/api/v1/ws"))));
            QCOMPARE(silent.waitClosed(10000), 1008);
        }
        {
            WsClient inUrl; // a token in the URL is refused outright
            QVERIFY(inUrl.open(QUrl(base + QStringLiteral("/api/v1/ws?token=") + m_f.tokens[QStringLiteral("viewer")])));
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
        narrow.send({{QStringLiteral("type"), QStringLiteral("auth")}, {QStringLiteral("token"), m_f.tokens[QStringLiteral("viewer")]}});
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
        const QString audit = m_f.auditLines();
        QVERIFY2(audit.contains(QStringLiteral("trader_user|POST trading/orders|ok")), qPrintable(audit.left(2000)));
        QVERIFY(audit.contains(QStringLiteral("trader_user|PUT trading/config|ok")));
        QVERIFY(audit.contains(QStringLiteral("trader_user|PUT trading/config|400 CONFIG_INVALID")));
        QVERIFY(audit.contains(QStringLiteral("viewer_user|POST trading/orders|403 FORBIDDEN")));
        QVERIFY(audit.contains(QStringLiteral("(anonymous)|POST trading/stop|401 AUTH_REQUIRED")));
        QVERIFY(audit.contains(QStringLiteral("auth/login")));
    }


};

QTEST_GUILESS_MAIN(TestRestApi)
#include "test_restapi.moc"
