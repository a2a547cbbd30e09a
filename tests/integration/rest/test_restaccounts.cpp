// The remote API's accounts on real parts (the app's composition root, the OS keychain, real HTTP):
// sign-in, refresh rotation and reuse, sign-out; tokens made with the real key but wrong claims and
// forged ones; user management by an admin, with tokens already handed out following it; keys
// shown masked and settings validated; Trading Config's API settings surviving a restart; rate
// limits and CORS.
#include "tests/integration/rest/restfixture.h"

#include "app/secretreader.h"

#include "adapters/keychain/qtkeychainsecretstore.h"
#include "adapters/rest/jwtcodec.h"

#include <QJsonDocument>
#include <QTcpServer>
#include <QUuid>

using namespace resttest;
using testsupport::ApiReply;

namespace {

QString jwtPart(const QJsonObject &o)
{
    return QString::fromLatin1(QJsonDocument(o).toJson(QJsonDocument::Compact).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

class TestRestAccounts : public QObject {
    Q_OBJECT
    RestFixture m_f;

private Q_SLOTS:
    void initTestCase() { m_f.start(QStringLiteral("memedesk-test-restaccounts"), QStringLiteral("memedesk-restaccounts")); }
    void cleanupTestCase() { m_f.stop(); }

    void signInRefreshAndSignOut()
    {
        QString refresh1;
        const QString access = m_f.client->login(userOf(QStringLiteral("viewer")), kPassword, &refresh1);
        QVERIFY(!access.isEmpty() && !refresh1.isEmpty());
        const ApiReply wrong = m_f.client->send("POST", QStringLiteral("/api/v1/auth/login"), {},
                                              {{QStringLiteral("username"), userOf(QStringLiteral("viewer"))}, {QStringLiteral("password"), QStringLiteral("wrong password!")}});
        QCOMPARE(wrong.status, 401);
        QCOMPARE(wrong.errorCode(), QStringLiteral("AUTH_FAILED"));

        const ApiReply rotated = m_f.client->send("POST", QStringLiteral("/api/v1/auth/refresh"), {}, {{QStringLiteral("refresh_token"), refresh1}});
        QCOMPARE(rotated.status, 200);
        QCOMPARE(rotated.json.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
        QCOMPARE(rotated.json.value(QStringLiteral("expires_in")).toInt(), 900);
        const QString refresh2 = rotated.json.value(QStringLiteral("refresh_token")).toString();
        // The old token again: stolen, so the whole family goes.
        const ApiReply reused = m_f.client->send("POST", QStringLiteral("/api/v1/auth/refresh"), {}, {{QStringLiteral("refresh_token"), refresh1}});
        QCOMPARE(reused.status, 401);
        QCOMPARE(reused.errorCode(), QStringLiteral("AUTH_REFRESH_REUSED"));
        QCOMPARE(m_f.client->send("POST", QStringLiteral("/api/v1/auth/refresh"), {}, {{QStringLiteral("refresh_token"), refresh2}}).status, 401);

        QString refresh3;
        const QString access3 = m_f.client->login(userOf(QStringLiteral("viewer")), kPassword, &refresh3);
        QCOMPARE(m_f.client->send("POST", QStringLiteral("/api/v1/auth/logout"), access3, {{QStringLiteral("refresh_token"), refresh3}}).status, 200);
        QCOMPARE(m_f.client->send("POST", QStringLiteral("/api/v1/auth/refresh"), {}, {{QStringLiteral("refresh_token"), refresh3}}).status, 401);
    }

    //! Tokens made with the real signing key (read from the keychain) but wrong claims, and tokens
    //! forged without it: all refused with 401, none reaches a route.
    void forgedTokensAreRefused()
    {
        adapters::keychain::QtKeychainSecretStore keychain(m_f.service);
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
        const QString viewer = m_f.tokens[QStringLiteral("viewer")];
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
            const ApiReply reply = m_f.client->get(QStringLiteral("/api/v1/admin/system-info"), token);
            QVERIFY2(reply.status == 401 && reply.errorCode() == QLatin1String("AUTH_TOKEN_INVALID"), qPrintable(token.left(60) + reply.describe()));
        }
        // The real key and the right claims work, which shows the refusals above were for the claims.
        QCOMPARE(m_f.client->get(QStringLiteral("/api/v1/admin/system-info"), right.sign(claims(now, now + 600, QStringLiteral("memedesk-api")))).status, 200);
    }

    void adminManagesUsers()
    {
        const QString admin = m_f.tokens[QStringLiteral("admin")];
        const QJsonObject carl{{QStringLiteral("username"), QStringLiteral("carl")}, {QStringLiteral("role"), QStringLiteral("trader")},
                               {QStringLiteral("password"), QStringLiteral("carl's long password")}};
        const ApiReply added = m_f.client->send("POST", QStringLiteral("/api/v1/admin/users"), admin, carl);
        QVERIFY2(added.status == 201, qPrintable(added.describe()));
        QCOMPARE(added.json.value(QStringLiteral("role")).toString(), QStringLiteral("trader"));
        QVERIFY(!added.body.contains("password") && !added.body.contains("argon2"));
        QCOMPARE(m_f.client->send("POST", QStringLiteral("/api/v1/admin/users"), admin, carl).status, 409);
        QCOMPARE(m_f.client->send("POST", QStringLiteral("/api/v1/admin/users"), admin,
                                {{QStringLiteral("username"), QStringLiteral("d")}, {QStringLiteral("role"), QStringLiteral("root")}, {QStringLiteral("password"), QStringLiteral("x")}})
                     .status, 400);
        const QString carlToken = m_f.client->login(QStringLiteral("carl"), QStringLiteral("carl's long password"));
        QVERIFY(!carlToken.isEmpty());
        const ApiReply demoted = m_f.client->send("PUT", QStringLiteral("/api/v1/admin/users/carl"), admin, {{QStringLiteral("role"), QStringLiteral("viewer")}});
        QCOMPARE(demoted.status, 200);
        QCOMPARE(demoted.json.value(QStringLiteral("role")).toString(), QStringLiteral("viewer"));
        // The token carl already holds says trader; the demotion counts at once.
        QCOMPARE(m_f.client->call("POST", QStringLiteral("/api/v1/trading/resume"), carlToken).status, 403);
        QCOMPARE(m_f.client->get(QStringLiteral("/api/v1/trading/status"), carlToken).status, 200);
        QCOMPARE(m_f.client->call("DELETE", QStringLiteral("/api/v1/admin/users/carl"), admin).status, 200);
        QVERIFY(m_f.client->login(QStringLiteral("carl"), QStringLiteral("carl's long password")).isEmpty());
        QCOMPARE(m_f.client->get(QStringLiteral("/api/v1/trading/status"), carlToken).status, 401); // deleted: the token is over too
        QCOMPARE(m_f.client->call("DELETE", QStringLiteral("/api/v1/admin/users/carl"), admin).status, 404);
        // The last admin stays.
        const QString self = QStringLiteral("/api/v1/admin/users/") + userOf(QStringLiteral("admin"));
        QCOMPARE(m_f.client->call("DELETE", self, admin).errorCode(), QStringLiteral("USER_LAST_ADMIN"));
        QCOMPARE(m_f.client->send("PUT", self, admin, {{QStringLiteral("role"), QStringLiteral("viewer")}}).status, 409);
        const ApiReply list = m_f.client->get(QStringLiteral("/api/v1/admin/users"), admin);
        QCOMPARE(list.json.value(QStringLiteral("total")).toInt(), 3);
    }

    void settingsNeverShowSecrets()
    {
        const QString admin = m_f.tokens[QStringLiteral("admin")];
        const QString key = QStringLiteral("TESTKEY-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        bool stored = false;
        m_f.ctx->api().storeSecret(QLatin1String(engine::secrets::kBinanceApiKey), key, this, [&](const QString &error) { stored = error.isEmpty(); });
        QTRY_VERIFY_WITH_TIMEOUT(stored, 15000);
        const ApiReply settings = m_f.client->get(QStringLiteral("/api/v1/admin/settings"), admin);
        QCOMPARE(settings.status, 200);
        QCOMPARE(settings.json.value(QStringLiteral("secrets")).toObject().value(QLatin1String(engine::secrets::kBinanceApiKey)).toString(), QStringLiteral("********"));
        QVERIFY(!settings.body.contains(key.toUtf8()));
        QVERIFY(!m_f.client->get(QStringLiteral("/api/v1/admin/system-info"), admin).body.contains(key.toUtf8()));
        const ApiReply bad = m_f.client->send("PUT", QStringLiteral("/api/v1/admin/settings"), admin,
                                            {{QStringLiteral("venue"), QJsonObject{{QStringLiteral("binance.rest_url"), QStringLiteral("ftp://example.com")}}}});
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.errorCode(), QStringLiteral("SETTINGS_INVALID"));
        const ApiReply good = m_f.client->send("PUT", QStringLiteral("/api/v1/admin/settings"), admin,
                                             {{QStringLiteral("venue"), QJsonObject{{QStringLiteral("symbols"), QStringLiteral("PEPEUSDT,DOGEUSDT")}}}});
        QVERIFY2(good.status == 200, qPrintable(good.describe()));
        QCOMPARE(m_f.ctx->api().venueSettings().value(QStringLiteral("symbols")), QStringLiteral("PEPEUSDT,DOGEUSDT"));
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
        options.keychainService = m_f.service;
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
            QCOMPARE(testsupport::ApiClient(ctx.apiUrl()).get(QStringLiteral("/api/v1/ping")).status, 200);
            ctx.shutdown();
        }
        app::AppContext again(options);
        QVERIFY(again.initialize().ok());
        again.run();
        QVERIFY(again.api().remoteApiSettings().enabled);
        QCOMPARE(again.apiUrl(), QStringLiteral("http://127.0.0.1:%1").arg(settings.port));
        QCOMPARE(testsupport::ApiClient(again.apiUrl()).get(QStringLiteral("/api/v1/ping")).status, 200);
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
        m_f.restartApi(tight);
        int limited = 0;
        ApiReply last;
        for (int i = 0; i < 8; ++i) {
            last = m_f.client->get(QStringLiteral("/api/v1/ping"));
            limited += last.status == 429 ? 1 : 0;
        }
        QVERIFY(limited >= 2);
        QCOMPARE(last.errorCode(), QStringLiteral("RATE_LIMITED"));
        QVERIFY(last.headers.value("retry-after").toInt() >= 1);

        m_f.restartApi(tight); // fresh buckets
        const ApiReply allowed = m_f.client->call("OPTIONS", QStringLiteral("/api/v1/trading/status"), {}, {}, {},
                                                {{"Origin", "https://app.example"}, {"Access-Control-Request-Method", "GET"}});
        QCOMPARE(allowed.status, 204);
        QCOMPARE(allowed.headers.value("access-control-allow-origin"), QByteArray("https://app.example"));
        const ApiReply refused = m_f.client->call("OPTIONS", QStringLiteral("/api/v1/trading/status"), {}, {}, {},
                                                {{"Origin", "https://evil.example"}, {"Access-Control-Request-Method", "GET"}});
        QCOMPARE(refused.status, 403);
        QVERIFY(!refused.headers.contains("access-control-allow-origin"));
        const ApiReply plain = m_f.client->call("GET", QStringLiteral("/api/v1/ping"), {}, {}, {}, {{"Origin", "https://evil.example"}});
        QVERIFY(!plain.headers.contains("access-control-allow-origin"));
    }

    void userChangesAreAudited()
    {
        const QString audit = m_f.auditLines();
        QVERIFY2(audit.contains(QStringLiteral("admin_user|DELETE admin/users/{username}|ok")), qPrintable(audit.left(2000)));
        QVERIFY(audit.contains(QStringLiteral("admin_user|DELETE admin/users/{username}|409 USER_LAST_ADMIN")));
        QVERIFY(audit.contains(QStringLiteral("auth/login")));
        QVERIFY(audit.contains(QStringLiteral("auth/refresh")));
    }
};

QTEST_GUILESS_MAIN(TestRestAccounts)
#include "test_restaccounts.moc"
