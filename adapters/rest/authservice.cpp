#include "adapters/rest/authservice.h"

#include <QUuid>

namespace adapters::rest {

QJsonObject TokenPair::toJson() const
{
    return {{QStringLiteral("access_token"), accessToken},
            {QStringLiteral("refresh_token"), refreshToken},
            {QStringLiteral("token_type"), QStringLiteral("Bearer")},
            {QStringLiteral("expires_in"), double(expiresInSec)}};
}

AuthService::AuthService(UserStore &users, QByteArray signingSecret, QString audience)
    : m_users(users)
    , m_codec(std::move(signingSecret), audience)
    , m_audience(std::move(audience))
{
}

engine::Result<TokenPair> AuthService::issue(const UserStore::User &user, const QString &refreshToken, qint64 nowMs) const
{
    if (!m_codec.isUsable())
        return engine::Error{QStringLiteral("AUTH_UNAVAILABLE"), QStringLiteral("the API has no signing secret")};
    TokenClaims c;
    c.subject = user.name;
    c.role = user.role;
    c.audience = m_audience;
    c.tokenId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    c.issuedAt = nowMs / 1000;
    c.expiresAt = c.issuedAt + kAccessLifetimeSec;
    return TokenPair{m_codec.sign(c), refreshToken, kAccessLifetimeSec};
}

engine::Result<TokenPair> AuthService::login(const QString &name, const QString &password, const QString &client, qint64 nowMs)
{
    const auto user = m_users.checkLogin(name, password, nowMs);
    // The name is only logged when it is a valid one: no injected text in the audit log.
    const QString who = UserStore::isValidName(name) ? name : QStringLiteral("(invalid name)");
    (void)m_users.audit(nowMs, who, client, QStringLiteral("auth/login"), QString(), user ? QStringLiteral("ok") : user.error().code);
    if (!user)
        return user.error();
    const auto refreshToken = m_users.issueRefresh(user.value().name, QString(), nowMs, kRefreshLifetimeMs);
    if (!refreshToken)
        return refreshToken.error();
    return issue(user.value(), refreshToken.value(), nowMs);
}

engine::Result<TokenPair> AuthService::refresh(const QString &refreshToken, const QString &client, qint64 nowMs)
{
    QString next;
    const auto user = m_users.rotateRefresh(refreshToken, nowMs, kRefreshLifetimeMs, &next);
    (void)m_users.audit(nowMs, user ? user.value().name : QStringLiteral("(unknown)"), client, QStringLiteral("auth/refresh"), QString(),
                        user ? QStringLiteral("ok") : user.error().code);
    if (!user)
        return user.error();
    return issue(user.value(), next, nowMs);
}

engine::Result<void> AuthService::logout(const QString &refreshToken, const QString &client, qint64 nowMs)
{
    const auto done = m_users.revokeFamily(refreshToken);
    (void)m_users.audit(nowMs, QStringLiteral("(token)"), client, QStringLiteral("auth/logout"), QString(),
                        done ? QStringLiteral("ok") : done.error().code);
    return done;
}

engine::Result<TokenClaims> AuthService::authenticate(const QString &authorization, qint64 nowMs) const
{
    const QString value = authorization.trimmed();
    const qsizetype space = value.indexOf(QLatin1Char(' '));
    if (value.isEmpty() || space <= 0 || value.left(space).compare(QLatin1String("Bearer"), Qt::CaseInsensitive) != 0)
        return engine::Error{QStringLiteral("AUTH_REQUIRED"), QStringLiteral("sign in first: Authorization: Bearer <access token>")};
    engine::Result<TokenClaims> claims = verified(value.mid(space + 1).trimmed(), nowMs / 1000);
    if (!claims || !m_live)
        return claims;
    const auto user = m_live->constFind(claims->subject);
    if (user == m_live->cend())
        return engine::Error{QStringLiteral("AUTH_TOKEN_INVALID"), QStringLiteral("the token's user no longer exists")};
    if (claims->issuedAt < user->sessionsFromMs / 1000)
        return engine::Error{QStringLiteral("AUTH_TOKEN_INVALID"), QStringLiteral("the token was issued before a password change")};
    TokenClaims current = claims.value();
    current.role = user->role; // a demotion counts at once, not when the token expires
    return current;
}

engine::Result<void> AuthService::reloadUsers()
{
    const engine::Result<QList<UserStore::User>> users = m_users.users();
    if (!users)
        return users.error();
    QHash<QString, UserStore::User> live;
    for (const UserStore::User &user : users.value())
        live.insert(user.name, user);
    m_live = std::move(live);
    return {};
}

engine::Result<TokenClaims> AuthService::verified(const QString &token, qint64 nowSec) const
{
    // A token verified before is taken from memory while it lasts: its signature and claims do not
    // change (whether its user may still use it is checked on every request, in authenticate()).
    if (const auto it = m_verified.constFind(token); it != m_verified.cend()) {
        if (nowSec <= it->expiresAt && nowSec + JwtCodec::kLeewaySec >= it->issuedAt)
            return it.value();
        m_verified.remove(token);
    }
    engine::Result<TokenClaims> claims = m_codec.verify(token, nowSec);
    if (claims) {
        if (m_verified.size() >= kVerifiedCacheSize)
            m_verified.clear();
        m_verified.insert(token, claims.value());
    }
    return claims;
}

bool AuthService::allows(const QString &role, Role needed)
{
    const int have = role == QLatin1String("admin") ? 2 : role == QLatin1String("trader") ? 1 : role == QLatin1String("viewer") ? 0 : -1;
    return have >= int(needed);
}

} // namespace adapters::rest
