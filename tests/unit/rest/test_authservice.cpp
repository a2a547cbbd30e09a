// Signing in to the API over the real user database: a login hands out the documented token pair,
// the access token carries the user's role and verifies, a refresh rotates, a replayed refresh token
// signs the family out, logout ends it, the bearer header is parsed strictly, roles nest, and every
// attempt lands in the audit log.
#include "adapters/rest/authservice.h"
#include "tests/support/testsupport.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using adapters::rest::AuthService;
using adapters::rest::UserStore;

namespace {
constexpr qint64 kNow = 1'767'225'600'000;
const QString kPassword = QStringLiteral("correct horse battery staple");
const QByteArray kSecret = QByteArray(32, 's');
const QString kClient = QStringLiteral("127.0.0.1");
} // namespace

class TestAuthService : public QObject {
    Q_OBJECT
    QString m_path;
    std::unique_ptr<UserStore> m_users;
    std::unique_ptr<AuthService> m_auth;

private Q_SLOTS:
    void init()
    {
        m_path = testsupport::makeTempDir(QStringLiteral("memedesk-auth")) + QStringLiteral("/api-users.sqlite");
        m_users = std::make_unique<UserStore>(m_path);
        QVERIFY(m_users->open().ok());
        QVERIFY(m_users->addUser(QStringLiteral("tina"), QStringLiteral("trader"), kPassword, kNow).ok());
        m_auth = std::make_unique<AuthService>(*m_users, kSecret);
    }
    void cleanup()
    {
        m_auth.reset();
        m_users.reset();
    }

    void aLoginHandsOutTheDocumentedTokenPair()
    {
        const auto pair = m_auth->login(QStringLiteral("tina"), kPassword, kClient, kNow);
        QVERIFY2(pair.ok(), pair.ok() ? "" : qPrintable(pair.error().message));
        const QJsonObject json = pair.value().toJson();
        QCOMPARE(json.keys(), (QStringList{QStringLiteral("access_token"), QStringLiteral("expires_in"), QStringLiteral("refresh_token"),
                                            QStringLiteral("token_type")}));
        QCOMPARE(json[QStringLiteral("token_type")].toString(), QStringLiteral("Bearer"));
        QCOMPARE(json[QStringLiteral("expires_in")].toInt(), 900);
        const auto claims = m_auth->authenticate(QStringLiteral("Bearer ") + pair.value().accessToken, kNow + 1000);
        QVERIFY(claims.ok());
        QCOMPARE(claims.value().subject, QStringLiteral("tina"));
        QCOMPARE(claims.value().role, QStringLiteral("trader"));
        // expired a quarter of an hour (and the leeway) later
        QCOMPARE(m_auth->authenticate(QStringLiteral("Bearer ") + pair.value().accessToken, kNow + 16 * 60'000).error().code,
                 QStringLiteral("AUTH_TOKEN_INVALID"));
        QCOMPARE(m_auth->login(QStringLiteral("tina"), QStringLiteral("not the password"), kClient, kNow).error().code, QStringLiteral("AUTH_FAILED"));
        QCOMPARE(m_auth->login(QStringLiteral("nobody"), kPassword, kClient, kNow).error().code, QStringLiteral("AUTH_FAILED"));
    }

    void refreshRotatesAndAReplaySignsTheFamilyOut()
    {
        const auto first = m_auth->login(QStringLiteral("tina"), kPassword, kClient, kNow);
        const auto second = m_auth->refresh(first.value().refreshToken, kClient, kNow + 60'000);
        QVERIFY(second.ok());
        QVERIFY(second.value().refreshToken != first.value().refreshToken);
        QVERIFY(m_auth->authenticate(QStringLiteral("Bearer ") + second.value().accessToken, kNow + 60'000).ok());
        QCOMPARE(m_auth->refresh(first.value().refreshToken, kClient, kNow + 120'000).error().code, QStringLiteral("AUTH_REFRESH_REUSED"));
        QCOMPARE(m_auth->refresh(second.value().refreshToken, kClient, kNow + 180'000).error().code, QStringLiteral("AUTH_REFRESH_INVALID"));
        const auto again = m_auth->login(QStringLiteral("tina"), kPassword, kClient, kNow);
        QVERIFY(m_auth->logout(again.value().refreshToken, kClient, kNow).ok());
        QCOMPARE(m_auth->refresh(again.value().refreshToken, kClient, kNow + 1000).error().code, QStringLiteral("AUTH_REFRESH_INVALID"));
    }

    void theBearerHeaderIsParsedStrictly()
    {
        const QString token = m_auth->login(QStringLiteral("tina"), kPassword, kClient, kNow).value().accessToken;
        QVERIFY(m_auth->authenticate(QStringLiteral("bearer ") + token, kNow).ok()); // the scheme is case-insensitive
        for (const QString &bad : {QString(), QStringLiteral("Bearer"), QStringLiteral("Basic dGluYTpwdw=="), token, QStringLiteral("Token ") + token})
            QCOMPARE(m_auth->authenticate(bad, kNow).error().code, QStringLiteral("AUTH_REQUIRED"));
        QCOMPARE(m_auth->authenticate(QStringLiteral("Bearer ") + token + QStringLiteral("x"), kNow).error().code,
                 QStringLiteral("AUTH_TOKEN_INVALID"));
        // a token signed by another installation's secret is not ours
        AuthService other(*m_users, QByteArray(32, 'o'));
        const QString foreign = other.login(QStringLiteral("tina"), kPassword, kClient, kNow).value().accessToken;
        QCOMPARE(m_auth->authenticate(QStringLiteral("Bearer ") + foreign, kNow).error().code, QStringLiteral("AUTH_TOKEN_INVALID"));
        // no usable secret: nothing is issued
        AuthService none(*m_users, QByteArray());
        QCOMPARE(none.login(QStringLiteral("tina"), kPassword, kClient, kNow).error().code, QStringLiteral("AUTH_UNAVAILABLE"));
    }

    //! Tokens already handed out follow the user database once it is loaded: a demotion counts at
    //! once, a new password or a deleted user ends them.
    void tokensFollowTheUserDatabase()
    {
        const auto pair = m_auth->login(QStringLiteral("tina"), kPassword, kClient, kNow);
        QVERIFY(pair.ok());
        const QString bearer = QStringLiteral("Bearer ") + pair.value().accessToken;
        QVERIFY(m_auth->reloadUsers().ok());
        QCOMPARE(m_auth->authenticate(bearer, kNow).value().role, QStringLiteral("trader"));
        QVERIFY(m_users->setRole(QStringLiteral("tina"), QStringLiteral("viewer")).ok());
        QCOMPARE(m_auth->authenticate(bearer, kNow).value().role, QStringLiteral("trader")); // not reloaded yet
        QVERIFY(m_auth->reloadUsers().ok());
        QCOMPARE(m_auth->authenticate(bearer, kNow).value().role, QStringLiteral("viewer"));

        // A new password (now, after kNow): the token and the refresh token are over.
        QVERIFY(m_users->setPassword(QStringLiteral("tina"), QStringLiteral("another long password")).ok());
        QVERIFY(m_auth->reloadUsers().ok());
        QCOMPARE(m_auth->authenticate(bearer, kNow).error().code, QStringLiteral("AUTH_TOKEN_INVALID"));
        QCOMPARE(m_auth->refresh(pair.value().refreshToken, kClient, kNow).error().code, QStringLiteral("AUTH_REFRESH_INVALID"));

        const auto later = m_auth->login(QStringLiteral("tina"), QStringLiteral("another long password"), kClient, QDateTime::currentMSecsSinceEpoch() + 2000);
        QVERIFY(later.ok());
        const QString fresh = QStringLiteral("Bearer ") + later.value().accessToken;
        QVERIFY(m_auth->authenticate(fresh, QDateTime::currentMSecsSinceEpoch() + 2000).ok());
        QVERIFY(m_users->removeUser(QStringLiteral("tina")).ok());
        QVERIFY(m_auth->reloadUsers().ok());
        QCOMPARE(m_auth->authenticate(fresh, QDateTime::currentMSecsSinceEpoch() + 2000).error().code, QStringLiteral("AUTH_TOKEN_INVALID"));
    }

    void rolesNest()
    {
        using R = AuthService::Role;
        QVERIFY(AuthService::allows(QStringLiteral("admin"), R::Admin) && AuthService::allows(QStringLiteral("admin"), R::Viewer));
        QVERIFY(AuthService::allows(QStringLiteral("trader"), R::Trader) && !AuthService::allows(QStringLiteral("trader"), R::Admin));
        QVERIFY(AuthService::allows(QStringLiteral("viewer"), R::Viewer) && !AuthService::allows(QStringLiteral("viewer"), R::Trader));
        QVERIFY(!AuthService::allows(QStringLiteral("root"), R::Viewer) && !AuthService::allows(QString(), R::Viewer));
    }

    void everyAttemptIsAudited()
    {
        (void)m_auth->login(QStringLiteral("tina"), kPassword, kClient, kNow);
        (void)m_auth->login(QStringLiteral("tina"), QStringLiteral("wrong password!"), kClient, kNow);
        (void)m_auth->login(QStringLiteral("x'); DROP TABLE api_audit;--"), kPassword, kClient, kNow);
        m_auth.reset();
        m_users.reset();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("audit-check"));
            db.setDatabaseName(m_path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT user_name, action, result FROM api_audit ORDER BY id")));
            QStringList rows;
            while (q.next())
                rows << QStringLiteral("%1 %2 %3").arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString());
            QCOMPARE(rows, (QStringList{QStringLiteral("tina auth/login ok"), QStringLiteral("tina auth/login AUTH_FAILED"),
                                        QStringLiteral("(invalid name) auth/login AUTH_FAILED")}));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("audit-check"));
    }
};

QTEST_GUILESS_MAIN(TestAuthService)
#include "test_authservice.moc"
