#pragma once

#include "adapters/rest/jwtcodec.h"
#include "adapters/rest/userstore.h"

#include <QHash>

#include <optional>
#include <QJsonObject>

namespace adapters::rest {

//! What a login or a refresh hands out: a short-lived access token (JWT) and a rotating refresh token.
struct TokenPair {
    QString accessToken;
    QString refreshToken;
    qint64 expiresInSec = 0;
    //! {"access_token", "refresh_token", "token_type": "Bearer", "expires_in"}, the API's shape.
    [[nodiscard]] QJsonObject toJson() const;
};

//! The API's sign-in: logins, refreshes and logouts over UserStore, access tokens from JwtCodec,
//! every outcome in the audit log; and the check of a request's bearer token and role.
class AuthService {
public:
    enum class Role { Viewer = 0, Trader = 1, Admin = 2 };

    AuthService(UserStore &users, QByteArray signingSecret, QString audience = QStringLiteral("memedesk-api"));

    //! AUTH_FAILED (unknown user or wrong password), AUTH_LOCKED.
    engine::Result<TokenPair> login(const QString &name, const QString &password, const QString &client, qint64 nowMs);
    //! AUTH_REFRESH_INVALID, AUTH_REFRESH_REUSED (the family is revoked).
    engine::Result<TokenPair> refresh(const QString &refreshToken, const QString &client, qint64 nowMs);
    //! Revokes the refresh token's family.
    engine::Result<void> logout(const QString &refreshToken, const QString &client, qint64 nowMs);
    //! The claims of an `Authorization` header value ("Bearer <token>"); AUTH_REQUIRED when there
    //! is none, AUTH_TOKEN_INVALID when it does not verify.
    [[nodiscard]] engine::Result<TokenClaims> authenticate(const QString &authorization, qint64 nowMs) const;
    //! Reads who may sign in now (each user's role and when their sessions start) from the store.
    //! From the first reload on, authenticate() refuses tokens of deleted users and tokens issued
    //! before a password change, and answers the user's current role rather than the token's. The
    //! API server reloads every few seconds (the `memedesk user` command changes the same file)
    //! and after its own user changes.
    engine::Result<void> reloadUsers();
    //! True when `role` may do what needs `needed` (admin > trader > viewer).
    [[nodiscard]] static bool allows(const QString &role, Role needed);

    static constexpr qint64 kAccessLifetimeSec = 15 * 60;
    static constexpr qint64 kRefreshLifetimeMs = 14LL * 24 * 60 * 60 * 1000;

private:
    //! The token's claims when it verifies (remembered until it expires).
    [[nodiscard]] engine::Result<TokenClaims> verified(const QString &token, qint64 nowSec) const;
    engine::Result<TokenPair> issue(const UserStore::User &user, const QString &refreshToken, qint64 nowMs) const;

    static constexpr int kVerifiedCacheSize = 4096;

    UserStore &m_users;
    JwtCodec m_codec;
    mutable QHash<QString, TokenClaims> m_verified; // tokens that verified, until they expire
    std::optional<QHash<QString, UserStore::User>> m_live; // by name, after the first reloadUsers()
    QString m_audience;
};

} // namespace adapters::rest
