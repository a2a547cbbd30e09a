#pragma once

#include "engine/core/result.h"

#include <QList>
#include <QString>

namespace adapters::rest {

//! The remote API's users, refresh tokens and audit log, in a SQLite database of their own in the
//! data folder (api-users.sqlite): the journal is locked by the engine while the app runs, and a
//! journal restore must not bring back a deleted user. Passwords are kept as argon2id hashes,
//! refresh tokens as SHA-256 hashes of 32 random bytes, so the file holds no working secret.
//! Blocking, on its own connection; use it from one thread. Unknown users and wrong passwords fail
//! alike (AUTH_FAILED), in the same time, so a login reveals nothing.
class UserStore {
public:
    struct User {
        QString name;
        QString role; // admin, trader, viewer
        qint64 createdMs = 0;
        int failedLogins = 0;
        qint64 lockedUntilMs = 0;
        qint64 sessionsFromMs = 0; // access tokens issued before this (a password change) no longer count
    };

    //! `databasePath`: the file (created with its tables on open()).
    explicit UserStore(QString databasePath);
    static constexpr const char *kFileName = "api-users.sqlite";
    static constexpr int kSchemaVersion = 2;
    ~UserStore();
    UserStore(const UserStore &) = delete;
    UserStore &operator=(const UserStore &) = delete;

    engine::Result<void> open();

    //! USER_INVALID (name, role or password not acceptable), USER_EXISTS.
    engine::Result<void> addUser(const QString &name, const QString &role, const QString &password, qint64 nowMs);
    engine::Result<void> removeUser(const QString &name);
    engine::Result<void> setRole(const QString &name, const QString &role);
    engine::Result<void> setPassword(const QString &name, const QString &password);
    [[nodiscard]] engine::Result<QList<User>> users() const;

    //! The user when the password is right. kMaxFailures wrong passwords in a row lock the account
    //! for kLockMs (AUTH_LOCKED); an unknown name or a wrong password is AUTH_FAILED.
    engine::Result<User> checkLogin(const QString &name, const QString &password, qint64 nowMs);

    //! A new refresh token for `user` in a new family (a login) or in `family` (a rotation).
    engine::Result<QString> issueRefresh(const QString &user, const QString &family, qint64 nowMs, qint64 lifetimeMs);
    //! Trades a refresh token for its user and a new token of the same family. A token used twice
    //! means it was stolen: the whole family is revoked (AUTH_REFRESH_REUSED). Expired, revoked or
    //! unknown tokens are AUTH_REFRESH_INVALID.
    engine::Result<User> rotateRefresh(const QString &token, qint64 nowMs, qint64 lifetimeMs, QString *newToken);
    //! Logout: revokes the family of `token` (nothing to do for an unknown one).
    engine::Result<void> revokeFamily(const QString &token);

    //! One row of the audit log (a state-changing API call).
    engine::Result<void> audit(qint64 nowMs, const QString &user, const QString &client, const QString &action,
                               const QString &target, const QString &result);

    [[nodiscard]] static bool isValidName(const QString &name);
    [[nodiscard]] static bool isValidRole(const QString &role);
    static constexpr int kMinPasswordChars = 10;
    static constexpr int kMaxFailures = 5;
    static constexpr qint64 kLockMs = 15 * 60 * 1000;

private:
    [[nodiscard]] static QString tokenHash(const QString &token);
    [[nodiscard]] engine::Result<User> findUser(const QString &name) const;

    QString m_path;
    QString m_connection;
};

} // namespace adapters::rest
