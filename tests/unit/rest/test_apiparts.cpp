// The API's small parts: rate limiter buckets, the option rules (loopback, TLS, origins), body
// schemas, the error-code → HTTP status table, the OpenAPI document and the event JSON.
#include "adapters/rest/apioptions.h"
#include "adapters/rest/apiroute.h"
#include "adapters/rest/dtojson.h"
#include "adapters/rest/httptypes.h"
#include "adapters/rest/openapi.h"
#include "adapters/rest/ratelimiter.h"

#include <QJsonArray>
#include <QTest>

using namespace adapters::rest;

class TestApiParts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rateLimiterAllowsBurstsThenRefills()
    {
        RateLimiter limiter(60, 3); // one a second, bursts of three
        for (int i = 0; i < 3; ++i)
            QCOMPARE(limiter.acquire(QStringLiteral("a"), 1000), 0);
        QCOMPARE(limiter.acquire(QStringLiteral("a"), 1000), 1);
        QCOMPARE(limiter.acquire(QStringLiteral("b"), 1000), 0); // keys are apart
        QCOMPARE(limiter.wait(QStringLiteral("a"), 1500), 1);
        QCOMPARE(limiter.acquire(QStringLiteral("a"), 2000), 0); // one token back after a second
        QCOMPARE(limiter.wait(QStringLiteral("a"), 2000), 1);
        QCOMPARE(limiter.acquire(QStringLiteral("a"), 1'000'000), 0); // long idle: full again, and pruned
        RateLimiter off(0, 1);
        for (int i = 0; i < 1000; ++i)
            QCOMPARE(off.acquire(QStringLiteral("a"), 0), 0);
        RateLimiter slow(6, 1); // one per 10 s
        QCOMPARE(slow.acquire(QStringLiteral("x"), 0), 0);
        QCOMPARE(slow.acquire(QStringLiteral("x"), 0), 10);
    }

    void optionsKeepTheApiPrivateByDefault()
    {
        ApiOptions options;
        QVERIFY(!options.enabled);
        QCOMPARE(options.bindAddress, QStringLiteral("127.0.0.1"));
        QVERIFY(options.validate().isEmpty());
        options.bindAddress = QStringLiteral("::1");
        QVERIFY(options.validate().isEmpty());
        QCOMPARE(options.baseUrl(8787), QStringLiteral("http://[::1]:8787"));
        options.bindAddress = QStringLiteral("0.0.0.0");
        QCOMPARE(options.validate().size(), 1);
        options.allowInsecureRemote = true;
        QVERIFY(options.validate().isEmpty());
        options.allowInsecureRemote = false;
        options.tlsCertificate = QStringLiteral("/c.pem");
        QVERIFY(options.validate().join(QLatin1Char(' ')).contains(QStringLiteral("both")));
        options.tlsPrivateKey = QStringLiteral("/k.pem");
        QVERIFY(options.validate().isEmpty());
        QCOMPARE(options.baseUrl(443), QStringLiteral("https://0.0.0.0:443"));
        options.bindAddress = QStringLiteral("localhost"); // names are not addresses
        QVERIFY(!options.validate().isEmpty());
        options.bindAddress = QStringLiteral("127.0.0.1");
        for (const QString &origin : {QStringLiteral("*"), QStringLiteral("https://a.example/path"), QStringLiteral("javascript:alert(1)"),
                                      QStringLiteral("https://user@a.example"), QStringLiteral("null")}) {
            options.corsOrigins = {origin};
            QVERIFY2(!options.validate().isEmpty(), qPrintable(origin));
        }
        options.corsOrigins = {QStringLiteral("https://a.example"), QStringLiteral("http://localhost:3000")};
        QVERIFY(options.validate().isEmpty());
    }

    void bodySchemasAreStrict()
    {
        const QJsonObject login = schema::object({{QStringLiteral("username"), schema::string()}, {QStringLiteral("n"), schema::integer()}},
                                                 {QStringLiteral("username")});
        QVERIFY(schema::validate({{QStringLiteral("username"), QStringLiteral("a")}, {QStringLiteral("n"), 3}}, login).isEmpty());
        QCOMPARE(schema::validate({}, login).size(), 1);                                                  // missing
        QCOMPARE(schema::validate({{QStringLiteral("username"), 5}}, login).size(), 1);                    // wrong type
        QCOMPARE(schema::validate({{QStringLiteral("username"), QStringLiteral("a")}, {QStringLiteral("n"), 1.5}}, login).size(), 1);
        QCOMPARE(schema::validate({{QStringLiteral("username"), QStringLiteral("a")}, {QStringLiteral("x"), 1}}, login).size(), 1); // unknown
        QVERIFY(schema::validate({{QStringLiteral("anything"), 1}}, schema::anyObject()).isEmpty());
    }

    void errorCodesMapToStatuses()
    {
        QCOMPARE(statusForError(QStringLiteral("AUTH_REQUIRED")), 401);
        QCOMPARE(statusForError(QStringLiteral("FORBIDDEN")), 403);
        QCOMPARE(statusForError(QStringLiteral("CONFIG_INVALID")), 400);
        QCOMPARE(statusForError(QStringLiteral("ORDER_DENIED")), 422);
        QCOMPARE(statusForError(QStringLiteral("ORDER_NOT_OPEN")), 409);
        QCOMPARE(statusForError(QStringLiteral("USER_NOT_FOUND")), 404);
        QCOMPARE(statusForError(QStringLiteral("RATE_LIMITED")), 429);
        QCOMPARE(statusForError(QStringLiteral("BACKTEST_BUSY")), 409);
        QCOMPARE(statusForError(QStringLiteral("SOMETHING_ELSE")), 500);
        const HttpResponse error = HttpResponse::error(400, engine::Error(QStringLiteral("X_INVALID"), QStringLiteral("bad"), {QStringLiteral("a"), QStringLiteral("b")}));
        const QJsonObject body = QJsonDocument::fromJson(error.body).object().value(QStringLiteral("error")).toObject();
        QCOMPARE(body.value(QStringLiteral("code")).toString(), QStringLiteral("X_INVALID"));
        QCOMPARE(body.value(QStringLiteral("details")).toArray().size(), 2);
    }

    void openApiComesFromTheDeclarations()
    {
        QList<RouteSpec> routes;
        routes.append({"GET", QStringLiteral("/api/v1/things/{id}"), QStringLiteral("things"), QStringLiteral("One thing"), Access::Trader,
                       {{QStringLiteral("id"), ParamSpec::In::Path, ParamSpec::Type::String, QStringLiteral("its id"), 0, 0, {}},
                        intParam(QStringLiteral("limit"), QStringLiteral("how many"), 1, 50)},
                       {}, schema::anyObject(), 200, false, false, {}});
        routes.append({"POST", QStringLiteral("/api/v1/things/{id}"), QStringLiteral("things"), QStringLiteral("Change it"), Access::Public, {},
                       schema::object({{QStringLiteral("name"), schema::string()}}), schema::anyObject(), 201, true, false, {}});
        const QJsonObject doc = buildOpenApi(routes, QStringLiteral("1.2.3"));
        QCOMPARE(doc.value(QStringLiteral("info")).toObject().value(QStringLiteral("version")).toString(), QStringLiteral("1.2.3"));
        const QJsonObject item = doc.value(QStringLiteral("paths")).toObject().value(QStringLiteral("/api/v1/things/{id}")).toObject();
        const QJsonObject get = item.value(QStringLiteral("get")).toObject();
        QCOMPARE(get.value(QStringLiteral("operationId")).toString(), QStringLiteral("getThingsId"));
        QCOMPARE(get.value(QStringLiteral("x-required-role")).toString(), QStringLiteral("trader"));
        QVERIFY(get.value(QStringLiteral("responses")).toObject().contains(QStringLiteral("403")));
        const QJsonArray params = get.value(QStringLiteral("parameters")).toArray();
        QCOMPARE(params.size(), 2);
        QCOMPARE(params[0].toObject().value(QStringLiteral("in")).toString(), QStringLiteral("path"));
        QCOMPARE(params[1].toObject().value(QStringLiteral("schema")).toObject().value(QStringLiteral("maximum")).toInt(), 50);
        const QJsonObject post = item.value(QStringLiteral("post")).toObject();
        QVERIFY(post.value(QStringLiteral("security")).toArray().isEmpty());
        QVERIFY(post.value(QStringLiteral("responses")).toObject().contains(QStringLiteral("201")));
        QVERIFY(post.contains(QStringLiteral("requestBody")));
    }

    void eventsAreTypedJsonWithDecimalStrings()
    {
        engine::Fill fill;
        fill.clientId = QStringLiteral("c1");
        fill.symbol = QStringLiteral("PEPEUSDT");
        fill.price = engine::Decimal::fromString("0.00000123");
        fill.qty = engine::Decimal::fromString("1000000");
        const QJsonObject json = eventToJson(engine::BotEvent(fill));
        QCOMPARE(json.value(QStringLiteral("type")).toString(), QStringLiteral("fill"));
        QCOMPARE(json.value(QStringLiteral("data")).toObject().value(QStringLiteral("price")).toString(), QStringLiteral("0.00000123"));
        engine::RiskDenial denial;
        denial.denial = engine::Denial(engine::Denial::Code::MaxOpenPositions, {{QStringLiteral("max"), QStringLiteral("3")}});
        const QJsonObject denied = eventToJson(engine::BotEvent(denial));
        QCOMPARE(denied.value(QStringLiteral("type")).toString(), QStringLiteral("risk_denial"));
        QCOMPARE(denied.value(QStringLiteral("data")).toObject().value(QStringLiteral("fields")).toObject().value(QStringLiteral("max")).toString(), QStringLiteral("3"));
        QCOMPARE(eventToJson(engine::BotEvent(engine::BotStatus{})).value(QStringLiteral("type")).toString(), QStringLiteral("status"));
        QVERIFY(isSymbol(QStringLiteral("PEPEUSDT")));
        QVERIFY(!isSymbol(QStringLiteral("pepeusdt")) && !isSymbol(QStringLiteral("PEPE'--")) && !isSymbol(QStringLiteral("P")));
    }
};

QTEST_GUILESS_MAIN(TestApiParts)
#include "test_apiparts.moc"
