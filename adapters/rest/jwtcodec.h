#pragma once

#include "engine/core/result.h"

#include <QByteArray>
#include <QString>

namespace adapters::rest {

//! Who a token speaks for, and for how long.
struct TokenClaims {
    QString subject;  // the user name
    QString role;     // admin, trader or viewer
    QString audience; // this API ("memedesk-api")
    QString tokenId;  // unique per token (jti)
    qint64 issuedAt = 0;  // seconds since the epoch (iat)
    qint64 expiresAt = 0; // seconds since the epoch (exp)
};

//! JSON Web Tokens for the API's access tokens (RFC 7519), HMAC-SHA256 only. The algorithm is
//! pinned: a token whose header names anything else ("none", RS256, …) is refused before any key
//! is used, so there is no algorithm confusion. Every check failing gives AUTH_TOKEN_INVALID with
//! the reason in the message (for the audit log; clients see only the code).
class JwtCodec {
public:
    //! `secret` must have at least kMinSecretBytes (the keychain keeps a 32-byte random one).
    JwtCodec(QByteArray secret, QString audience);

    [[nodiscard]] bool isUsable() const { return m_secret.size() >= kMinSecretBytes; }
    [[nodiscard]] QString sign(const TokenClaims &claims) const;
    //! The claims of a token that is well formed, HS256, correctly signed, for this audience, issued
    //! no later than `nowSec` + leeway and not expired at `nowSec` - leeway.
    [[nodiscard]] engine::Result<TokenClaims> verify(const QString &token, qint64 nowSec) const;

    static constexpr int kMinSecretBytes = 32;
    static constexpr qint64 kLeewaySec = 30;       // clock skew between processes
    static constexpr int kMaxTokenBytes = 4096;    // anything longer is not ours
    static constexpr qint64 kMaxLifetimeSec = 86400;

private:
    [[nodiscard]] QByteArray mac(const QByteArray &signingInput) const;

    QByteArray m_secret;
    QString m_audience;
};

} // namespace adapters::rest
