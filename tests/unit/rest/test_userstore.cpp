// The API's users and refresh tokens in their real SQLite database: accounts with
// argon2id hashes, logins that reveal nothing and lock after repeated failures, refresh tokens that
// rotate and revoke their whole family when one is replayed, an audit row per call; the database
// file never holds a password or a working token.
#include "adapters/rest/userstore.h"
#include "tests/support/apprunner.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QTest>

using adapters::rest::UserStore;

namespace {
constexpr qint64 kNow = 1'767'225'600'000;
constexpr qint64 kDay = 86'400'000;
const QString kPassword = QStringLiteral("correct horse battery staple");
} // namespace

class TestUserStore : public QObject {
    Q_OBJECT
    QString m_path;
    std::unique_ptr<UserStore> m_users;

private Q_SLOTS:
    void init()
    {
        m_path = testsupport::makeTempDir(QStringLiteral("memedesk-users")) + QLatin1Char('/') + QLatin1String(UserStore::kFileName);
        m_users = std::make_unique<UserStore>(m_path);
        const auto opened = m_users->open();
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
    }
    void cleanup() { m_users.reset(); }

    void reopeningKeepsTheUsers()
    {
        QVERIFY(m_users->addUser(QStringLiteral("alice"), QStringLiteral("admin"), kPassword, kNow).ok());
        m_users = std::make_unique<UserStore>(m_path);
        QVERIFY(m_users->open().ok());
        QCOMPARE(m_users->users().value().size(), 1);
    }

    void usersAreAddedValidatedAndListed()
    {
        QVERIFY(m_users->addUser(QStringLiteral("alice"), QStringLiteral("admin"), kPassword, kNow).ok());
        QCOMPARE(m_users->addUser(QStringLiteral("alice"), QStringLiteral("viewer"), kPassword, kNow).error().code, QStringLiteral("USER_EXISTS"));
        for (const QString &bad : {QString(), QStringLiteral("a b"), QStringLiteral("'; DROP TABLE api_users; --"), QStringLiteral("../../x"),
                                   QString(65, QLatin1Char('a'))})
            QCOMPARE(m_users->addUser(bad, QStringLiteral("viewer"), kPassword, kNow).error().code, QStringLiteral("USER_INVALID"));
        QCOMPARE(m_users->addUser(QStringLiteral("bob"), QStringLiteral("root"), kPassword, kNow).error().code, QStringLiteral("USER_INVALID"));
        QCOMPARE(m_users->addUser(QStringLiteral("bob"), QStringLiteral("viewer"), QStringLiteral("short"), kNow).error().code,
                 QStringLiteral("USER_INVALID"));
        QVERIFY(m_users->addUser(QStringLiteral("bob"), QStringLiteral("viewer"), kPassword, kNow).ok());
        QVERIFY(m_users->setRole(QStringLiteral("bob"), QStringLiteral("trader")).ok());
        const auto list = m_users->users();
        QVERIFY(list.ok());
        QCOMPARE(list.value().size(), 2);
        QCOMPARE(list.value().at(1).role, QStringLiteral("trader"));
        QVERIFY(m_users->removeUser(QStringLiteral("bob")).ok());
        QCOMPARE(m_users->removeUser(QStringLiteral("bob")).error().code, QStringLiteral("USER_NOT_FOUND"));
    }

    void loginsRevealNothingAndLockAfterRepeatedFailures()
    {
        QVERIFY(m_users->addUser(QStringLiteral("alice"), QStringLiteral("trader"), kPassword, kNow).ok());
        QVERIFY(m_users->checkLogin(QStringLiteral("alice"), kPassword, kNow).ok());
        QCOMPARE(m_users->checkLogin(QStringLiteral("nobody"), kPassword, kNow).error().code, QStringLiteral("AUTH_FAILED"));
        QCOMPARE(m_users->checkLogin(QStringLiteral("alice"), QStringLiteral("wrong password!"), kNow).error().code,
                 QStringLiteral("AUTH_FAILED"));
        for (int i = 1; i < UserStore::kMaxFailures; ++i)
            QCOMPARE(m_users->checkLogin(QStringLiteral("alice"), QStringLiteral("guess %1 xxxxx").arg(i), kNow).error().code,
                     QStringLiteral("AUTH_FAILED"));
        // locked now, even with the right password
        QCOMPARE(m_users->checkLogin(QStringLiteral("alice"), kPassword, kNow + 1000).error().code, QStringLiteral("AUTH_LOCKED"));
        QVERIFY(m_users->checkLogin(QStringLiteral("alice"), kPassword, kNow + UserStore::kLockMs + 1).ok());
    }

    void refreshTokensRotateAndAReplayRevokesTheFamily()
    {
        QVERIFY(m_users->addUser(QStringLiteral("alice"), QStringLiteral("trader"), kPassword, kNow).ok());
        const auto first = m_users->issueRefresh(QStringLiteral("alice"), QString(), kNow, kDay);
        QVERIFY(first.ok());
        QString second;
        const auto rotated = m_users->rotateRefresh(first.value(), kNow + 1000, kDay, &second);
        QVERIFY(rotated.ok());
        QCOMPARE(rotated.value().name, QStringLiteral("alice"));
        QVERIFY(!second.isEmpty() && second != first.value());
        // the first token comes back: stolen. The whole family ends, the new token with it.
        QString third;
        QCOMPARE(m_users->rotateRefresh(first.value(), kNow + 2000, kDay, &third).error().code, QStringLiteral("AUTH_REFRESH_REUSED"));
        QCOMPARE(m_users->rotateRefresh(second, kNow + 3000, kDay, &third).error().code, QStringLiteral("AUTH_REFRESH_INVALID"));
        // logout revokes; expiry expires; junk is refused
        const auto other = m_users->issueRefresh(QStringLiteral("alice"), QString(), kNow, kDay);
        QVERIFY(m_users->revokeFamily(other.value()).ok());
        QCOMPARE(m_users->rotateRefresh(other.value(), kNow + 1000, kDay, &third).error().code, QStringLiteral("AUTH_REFRESH_INVALID"));
        const auto old = m_users->issueRefresh(QStringLiteral("alice"), QString(), kNow, kDay);
        QCOMPARE(m_users->rotateRefresh(old.value(), kNow + 2 * kDay, kDay, &third).error().code, QStringLiteral("AUTH_REFRESH_INVALID"));
        for (const QString &junk : {QString(), QStringLiteral("' OR 1=1 --"), QString(500, QLatin1Char('x'))})
            QCOMPARE(m_users->rotateRefresh(junk, kNow, kDay, &third).error().code, QStringLiteral("AUTH_REFRESH_INVALID"));
        // deleting a user ends its sessions
        const auto live = m_users->issueRefresh(QStringLiteral("alice"), QString(), kNow, kDay);
        QVERIFY(m_users->removeUser(QStringLiteral("alice")).ok());
        QCOMPARE(m_users->rotateRefresh(live.value(), kNow + 1000, kDay, &third).error().code, QStringLiteral("AUTH_REFRESH_INVALID"));
    }

    //! A users file from the first version (no sessions_from_ms) is upgraded in place, users kept.
    void aVersionOneFileIsUpgraded()
    {
        const QString path = testsupport::makeTempDir(QStringLiteral("memedesk-users-v1")) + QStringLiteral("/api-users.sqlite");
        for (const char *sql : {"CREATE TABLE api_users (name TEXT PRIMARY KEY, role TEXT NOT NULL, password_hash TEXT NOT NULL,"
                                " created_ms INTEGER NOT NULL, failed_logins INTEGER NOT NULL DEFAULT 0, locked_until_ms INTEGER NOT NULL DEFAULT 0)",
                                "CREATE TABLE api_refresh_tokens (token_hash TEXT PRIMARY KEY, family TEXT NOT NULL, user_name TEXT NOT NULL"
                                " REFERENCES api_users(name) ON DELETE CASCADE, issued_ms INTEGER NOT NULL, expires_ms INTEGER NOT NULL,"
                                " used INTEGER NOT NULL DEFAULT 0, revoked INTEGER NOT NULL DEFAULT 0)",
                                "CREATE TABLE api_audit (id INTEGER PRIMARY KEY AUTOINCREMENT, ts_ms INTEGER NOT NULL, user_name TEXT NOT NULL,"
                                " client TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL, result TEXT NOT NULL)",
                                "INSERT INTO api_users (name, role, password_hash, created_ms) VALUES ('old', 'admin', 'x', 5)",
                                "PRAGMA user_version = 1"})
            QVERIFY(testsupport::execSql(path, QString::fromLatin1(sql)));
        UserStore store(path);
        QVERIFY(store.open().ok());
        const auto users = store.users();
        QVERIFY(users.ok());
        QCOMPARE(users->size(), 1);
        QCOMPARE(users->first().name, QStringLiteral("old"));
        QCOMPARE(users->first().sessionsFromMs, qint64(0));
        QVERIFY(store.setPassword(QStringLiteral("old"), QStringLiteral("a new long password")).ok());
        QVERIFY(store.users()->first().sessionsFromMs > 0);
        QCOMPARE(testsupport::querySql(path, QStringLiteral("PRAGMA user_version")), QStringLiteral("2"));
    }

    void theDatabaseHoldsNoWorkingSecret()
    {
        QVERIFY(m_users->addUser(QStringLiteral("alice"), QStringLiteral("admin"), kPassword, kNow).ok());
        const auto token = m_users->issueRefresh(QStringLiteral("alice"), QString(), kNow, kDay);
        QVERIFY(m_users->audit(kNow, QStringLiteral("alice"), QStringLiteral("127.0.0.1"), QStringLiteral("PUT trading/config"),
                               QStringLiteral("entryScore"), QStringLiteral("ok"))
                    .ok());
        m_users.reset(); // close, so everything is in the files
        QByteArray bytes;
        for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
            QFile f(m_path + suffix);
            if (f.open(QIODevice::ReadOnly))
                bytes += f.readAll();
        }
        QVERIFY(bytes.contains("argon2id"));
        QVERIFY(bytes.contains("PUT trading/config"));
        QVERIFY(!bytes.contains(kPassword.toUtf8()));
        QVERIFY(!bytes.contains(token.value().toLatin1()));
    }
};

QTEST_GUILESS_MAIN(TestUserStore)
#include "test_userstore.moc"
