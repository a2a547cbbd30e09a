#include "adapters/rest/userstore.h"

#include "adapters/rest/passwordhasher.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <atomic>
#include <vector>

namespace adapters::rest {

namespace {

engine::Error error(const char *code, const QString &message) { return engine::Error{QString::fromLatin1(code), message}; }

engine::Error dbError(const QSqlQuery &q) { return error("USER_STORE_FAILED", q.lastError().text()); }

UserStore::User userFrom(const QSqlQuery &q)
{
    UserStore::User u;
    u.name = q.value(0).toString();
    u.role = q.value(1).toString();
    u.createdMs = q.value(2).toLongLong();
    u.failedLogins = q.value(3).toInt();
    u.lockedUntilMs = q.value(4).toLongLong();
    u.sessionsFromMs = q.value(5).toLongLong();
    return u;
}

// The columns userFrom() reads, in its order.
constexpr const char *kUserColumns = "name, role, created_ms, failed_logins, locked_until_ms, sessions_from_ms";

//! Runs an update or delete of one user's row; USER_NOT_FOUND when there is no such user.
engine::Result<void> execForUser(QSqlQuery &q, const QString &name)
{
    if (!q.exec())
        return dbError(q);
    if (q.numRowsAffected() == 0)
        return error("USER_NOT_FOUND", QStringLiteral("there is no user %1").arg(name));
    return {};
}

//! The argon2id hash of an acceptable password (USER_INVALID for one too short or too long).
engine::Result<QString> hashPassword(const QString &password)
{
    if (password.size() < UserStore::kMinPasswordChars || password.toUtf8().size() > PasswordHasher::kMaxPasswordBytes)
        return error("USER_INVALID", QStringLiteral("a password needs %1 to 1024 characters").arg(UserStore::kMinPasswordChars));
    QString hash = PasswordHasher::hash(password);
    if (hash.isEmpty())
        return error("USER_STORE_FAILED", QStringLiteral("the password could not be hashed"));
    return hash;
}

engine::Result<void> checkRole(const QString &role)
{
    if (!UserStore::isValidRole(role))
        return error("USER_INVALID", QStringLiteral("the role must be admin, trader or viewer"));
    return {};
}

} // namespace

UserStore::UserStore(QString databasePath)
    : m_path(std::move(databasePath))
{
    static std::atomic<int> next{0};
    m_connection = QStringLiteral("memedesk-users-%1").arg(next++);
}

UserStore::~UserStore()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

engine::Result<void> UserStore::open()
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return error("USER_STORE_FAILED", db.lastError().text());
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return error("USER_STORE_FAILED", QStringLiteral("%1 is not a database: %2").arg(m_path, q.lastError().text()));
    const int version = q.value(0).toInt();
    if (version > kSchemaVersion)
        return error("USER_STORE_TOO_NEW", QStringLiteral("%1 was made by a newer Memedesk").arg(m_path));
    // Version 1 had no sessions_from_ms; version 0 is a new file.
    std::vector<const char *> steps;
    if (version == 0) {
        steps = {
            "PRAGMA journal_mode = WAL",
            "CREATE TABLE api_users (name TEXT PRIMARY KEY, role TEXT NOT NULL CHECK (role IN ('admin', 'trader', 'viewer')),"
            " password_hash TEXT NOT NULL, created_ms INTEGER NOT NULL, failed_logins INTEGER NOT NULL DEFAULT 0,"
            " locked_until_ms INTEGER NOT NULL DEFAULT 0, sessions_from_ms INTEGER NOT NULL DEFAULT 0)",
            "CREATE TABLE api_refresh_tokens (token_hash TEXT PRIMARY KEY, family TEXT NOT NULL,"
            " user_name TEXT NOT NULL REFERENCES api_users(name) ON DELETE CASCADE, issued_ms INTEGER NOT NULL,"
            " expires_ms INTEGER NOT NULL, used INTEGER NOT NULL DEFAULT 0, revoked INTEGER NOT NULL DEFAULT 0)",
            "CREATE INDEX api_refresh_tokens_family ON api_refresh_tokens(family)",
            "CREATE TABLE api_audit (id INTEGER PRIMARY KEY AUTOINCREMENT, ts_ms INTEGER NOT NULL, user_name TEXT NOT NULL,"
            " client TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL, result TEXT NOT NULL)",
        };
    } else if (version == 1) {
        steps = {"ALTER TABLE api_users ADD COLUMN sessions_from_ms INTEGER NOT NULL DEFAULT 0"};
    }
    if (version < kSchemaVersion) {
        steps.push_back("PRAGMA user_version = 2");
        for (const char *statement : steps) {
            if (!q.exec(QString::fromLatin1(statement)))
                return error("USER_STORE_FAILED", QStringLiteral("cannot create or upgrade the user tables: %1").arg(q.lastError().text()));
        }
    }
    if (!q.exec(QStringLiteral("PRAGMA foreign_keys = ON")))
        return dbError(q);
    return {};
}

bool UserStore::isValidName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"));
    return re.match(name).hasMatch();
}

bool UserStore::isValidRole(const QString &role)
{
    return role == QLatin1String("admin") || role == QLatin1String("trader") || role == QLatin1String("viewer");
}

QString UserStore::tokenHash(const QString &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toLatin1(), QCryptographicHash::Sha256).toHex());
}

engine::Result<void> UserStore::addUser(const QString &name, const QString &role, const QString &password, qint64 nowMs)
{
    if (!isValidName(name))
        return error("USER_INVALID", QStringLiteral("a user name is 1 to 64 letters, digits, '.', '_' or '-'"));
    if (auto ok = checkRole(role); !ok)
        return ok;
    const auto hash = hashPassword(password);
    if (!hash)
        return hash.error();
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("INSERT INTO api_users (name, role, password_hash, created_ms) VALUES (?, ?, ?, ?)"));
    q.addBindValue(name);
    q.addBindValue(role);
    q.addBindValue(hash.value());
    q.addBindValue(nowMs);
    if (!q.exec()) {
        if (findUser(name).ok())
            return error("USER_EXISTS", QStringLiteral("there is already a user %1").arg(name));
        return dbError(q);
    }
    return {};
}

engine::Result<void> UserStore::removeUser(const QString &name)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("DELETE FROM api_users WHERE name = ?"));
    q.addBindValue(name);
    return execForUser(q, name);
}

engine::Result<void> UserStore::setRole(const QString &name, const QString &role)
{
    if (auto ok = checkRole(role); !ok)
        return ok;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("UPDATE api_users SET role = ? WHERE name = ?"));
    q.addBindValue(role);
    q.addBindValue(name);
    return execForUser(q, name);
}

engine::Result<void> UserStore::setPassword(const QString &name, const QString &password)
{
    const auto hash = hashPassword(password);
    if (!hash)
        return hash.error();
    QSqlQuery q(QSqlDatabase::database(m_connection));
    // Access tokens issued before the change stop working (AuthService checks sessions_from_ms).
    q.prepare(QStringLiteral("UPDATE api_users SET password_hash = ?, failed_logins = 0, locked_until_ms = 0, sessions_from_ms = ? WHERE name = ?"));
    q.addBindValue(hash.value());
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(name);
    if (const engine::Result<void> changed = execForUser(q, name); !changed)
        return changed;
    // A new password ends every session: no refresh token of the old one is honoured.
    QSqlQuery revoke(QSqlDatabase::database(m_connection));
    revoke.prepare(QStringLiteral("UPDATE api_refresh_tokens SET revoked = 1 WHERE user_name = ?"));
    revoke.addBindValue(name);
    if (!revoke.exec())
        return dbError(revoke);
    return {};
}

engine::Result<UserStore::User> UserStore::findUser(const QString &name) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT %1 FROM api_users WHERE name = ?").arg(QLatin1String(kUserColumns)));
    q.addBindValue(name);
    if (!q.exec())
        return dbError(q);
    if (!q.next())
        return error("USER_NOT_FOUND", QStringLiteral("there is no user %1").arg(name));
    return userFrom(q);
}

engine::Result<QList<UserStore::User>> UserStore::users() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(QStringLiteral("SELECT %1 FROM api_users ORDER BY name").arg(QLatin1String(kUserColumns))))
        return dbError(q);
    QList<User> list;
    while (q.next())
        list.append(userFrom(q));
    return list;
}

engine::Result<UserStore::User> UserStore::checkLogin(const QString &name, const QString &password, qint64 nowMs)
{
    const engine::Error failed = error("AUTH_FAILED", QStringLiteral("wrong user name or password"));
    if (!isValidName(name))
        return failed;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1, password_hash FROM api_users WHERE name = ?").arg(QLatin1String(kUserColumns)));
    q.addBindValue(name);
    if (!q.exec())
        return dbError(q);
    if (!q.next()) {
        // The same work as for a real user, so the answer's timing does not tell who exists.
        static const QString dummy = PasswordHasher::hash(QStringLiteral("no such user, no such password"));
        (void)PasswordHasher::verify(dummy, password);
        return failed;
    }
    User user = userFrom(q);
    const QString hash = q.value(6).toString();
    if (user.lockedUntilMs > nowMs)
        return error("AUTH_LOCKED", QStringLiteral("too many failed logins: try again later"));
    const bool ok = PasswordHasher::verify(hash, password);
    QSqlQuery update(db);
    if (ok) {
        update.prepare(QStringLiteral("UPDATE api_users SET failed_logins = 0, locked_until_ms = 0 WHERE name = ?"));
        update.addBindValue(name);
    } else {
        const int failures = user.failedLogins + 1;
        update.prepare(QStringLiteral("UPDATE api_users SET failed_logins = ?, locked_until_ms = ? WHERE name = ?"));
        update.addBindValue(failures >= kMaxFailures ? 0 : failures);
        update.addBindValue(failures >= kMaxFailures ? nowMs + kLockMs : qint64(0));
        update.addBindValue(name);
    }
    if (!update.exec())
        return dbError(update);
    if (!ok)
        return failed;
    user.failedLogins = 0;
    user.lockedUntilMs = 0;
    return user;
}

engine::Result<QString> UserStore::issueRefresh(const QString &user, const QString &family, qint64 nowMs, qint64 lifetimeMs)
{
    const QByteArray random = PasswordHasher::randomBytes(32);
    if (random.size() != 32)
        return error("USER_STORE_FAILED", QStringLiteral("no randomness"));
    const QString token = QString::fromLatin1(random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("INSERT INTO api_refresh_tokens (token_hash, family, user_name, issued_ms, expires_ms) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(tokenHash(token));
    q.addBindValue(family.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : family);
    q.addBindValue(user);
    q.addBindValue(nowMs);
    q.addBindValue(nowMs + lifetimeMs);
    if (!q.exec())
        return dbError(q);
    return token;
}

engine::Result<UserStore::User> UserStore::rotateRefresh(const QString &token, qint64 nowMs, qint64 lifetimeMs, QString *newToken)
{
    const engine::Error invalid = error("AUTH_REFRESH_INVALID", QStringLiteral("the refresh token is not valid"));
    if (token.isEmpty() || token.size() > 128)
        return invalid;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT family, user_name, expires_ms, used, revoked FROM api_refresh_tokens WHERE token_hash = ?"));
    q.addBindValue(tokenHash(token));
    if (!q.exec())
        return dbError(q);
    if (!q.next())
        return invalid;
    const QString family = q.value(0).toString();
    const QString userName = q.value(1).toString();
    const qint64 expires = q.value(2).toLongLong();
    const bool used = q.value(3).toInt() != 0;
    const bool revoked = q.value(4).toInt() != 0;
    if (used) {
        // A rotated token came back: someone else has the family. End all of it.
        (void)revokeFamily(token);
        return error("AUTH_REFRESH_REUSED", QStringLiteral("a refresh token was used twice: its sessions are signed out"));
    }
    if (revoked || expires <= nowMs)
        return invalid;
    const auto user = findUser(userName);
    if (!user)
        return invalid;
    QSqlQuery mark(db);
    mark.prepare(QStringLiteral("UPDATE api_refresh_tokens SET used = 1 WHERE token_hash = ? AND used = 0"));
    mark.addBindValue(tokenHash(token));
    if (!mark.exec())
        return dbError(mark);
    if (mark.numRowsAffected() != 1) // a concurrent rotation won the race: treat as reuse
        return error("AUTH_REFRESH_REUSED", QStringLiteral("a refresh token was used twice: its sessions are signed out"));
    const auto next = issueRefresh(userName, family, nowMs, lifetimeMs);
    if (!next)
        return next.error();
    *newToken = next.value();
    return user.value();
}

engine::Result<void> UserStore::revokeFamily(const QString &token)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("UPDATE api_refresh_tokens SET revoked = 1 WHERE family = "
                             "(SELECT family FROM api_refresh_tokens WHERE token_hash = ?)"));
    q.addBindValue(tokenHash(token));
    if (!q.exec())
        return dbError(q);
    return {};
}

engine::Result<void> UserStore::audit(qint64 nowMs, const QString &user, const QString &client, const QString &action,
                                      const QString &target, const QString &result)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("INSERT INTO api_audit (ts_ms, user_name, client, action, target, result) VALUES (?, ?, ?, ?, ?, ?)"));
    // A null QString binds as NULL, which the NOT NULL columns refuse: empty text instead.
    const auto text = [](const QString &s) { return QVariant(s.isNull() ? QStringLiteral("") : s); };
    for (const QVariant &v : {QVariant(nowMs), text(user), text(client), text(action), text(target), text(result)})
        q.addBindValue(v);
    if (!q.exec())
        return dbError(q);
    return {};
}

} // namespace adapters::rest
