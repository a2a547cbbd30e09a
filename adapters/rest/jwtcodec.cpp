#include "adapters/rest/jwtcodec.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace adapters::rest {

namespace {

constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

engine::Error invalid(const QString &why) { return engine::Error{QStringLiteral("AUTH_TOKEN_INVALID"), why}; }

//! Strict base64url: no padding, no stray characters, nothing left over.
std::optional<QByteArray> decodePart(const QByteArray &part)
{
    if (part.isEmpty() || part.contains('='))
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(part, kBase64Url | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.toBase64(kBase64Url) != part)
        return std::nullopt;
    return decoded.decoded;
}

std::optional<QJsonObject> jsonObject(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

//! A whole number of seconds (JSON numbers are doubles; fractions and huge values are refused).
std::optional<qint64> seconds(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (d < 0 || d > 4102444800.0 || d != double(qint64(d))) // up to the year 2100
        return std::nullopt;
    return qint64(d);
}

} // namespace

JwtCodec::JwtCodec(QByteArray secret, QString audience)
    : m_secret(std::move(secret))
    , m_audience(std::move(audience))
{
}

QByteArray JwtCodec::mac(const QByteArray &signingInput) const
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!HMAC(EVP_sha256(), m_secret.constData(), int(m_secret.size()), reinterpret_cast<const unsigned char *>(signingInput.constData()),
              size_t(signingInput.size()), out, &length))
        return {};
    return QByteArray(reinterpret_cast<const char *>(out), int(length));
}

QString JwtCodec::sign(const TokenClaims &c) const
{
    const QByteArray header = QJsonDocument(QJsonObject{{QStringLiteral("alg"), QStringLiteral("HS256")},
                                                        {QStringLiteral("typ"), QStringLiteral("JWT")}})
                                  .toJson(QJsonDocument::Compact);
    const QByteArray payload = QJsonDocument(QJsonObject{{QStringLiteral("sub"), c.subject},
                                                         {QStringLiteral("role"), c.role},
                                                         {QStringLiteral("aud"), c.audience},
                                                         {QStringLiteral("jti"), c.tokenId},
                                                         {QStringLiteral("iat"), double(c.issuedAt)},
                                                         {QStringLiteral("exp"), double(c.expiresAt)}})
                                   .toJson(QJsonDocument::Compact);
    const QByteArray input = header.toBase64(kBase64Url) + '.' + payload.toBase64(kBase64Url);
    return QString::fromLatin1(input + '.' + mac(input).toBase64(kBase64Url));
}

engine::Result<TokenClaims> JwtCodec::verify(const QString &token, qint64 nowSec) const
{
    if (!isUsable())
        return invalid(QStringLiteral("no signing secret"));
    if (token.size() > kMaxTokenBytes)
        return invalid(QStringLiteral("too long"));
    const QByteArray bytes = token.toLatin1();
    if (QString::fromLatin1(bytes) != token)
        return invalid(QStringLiteral("not ASCII"));
    const QList<QByteArray> parts = bytes.split('.');
    if (parts.size() != 3)
        return invalid(QStringLiteral("not three parts"));
    const auto header = decodePart(parts[0]);
    const auto payload = decodePart(parts[1]);
    const auto signature = decodePart(parts[2]);
    if (!header || !payload || !signature)
        return invalid(QStringLiteral("not base64url"));
    const auto h = jsonObject(*header);
    if (!h)
        return invalid(QStringLiteral("header is not a JSON object"));
    // Pinned: only what we issue is accepted. "none", RS256 with our secret as a "public key", …
    if (h->value(QStringLiteral("alg")).toString() != QLatin1String("HS256"))
        return invalid(QStringLiteral("algorithm %1 is not HS256").arg(h->value(QStringLiteral("alg")).toString()));
    if (h->contains(QStringLiteral("crit")) || h->contains(QStringLiteral("jku")) || h->contains(QStringLiteral("x5u"))
        || h->contains(QStringLiteral("jwk")) || h->contains(QStringLiteral("kid")))
        return invalid(QStringLiteral("unsupported header parameters"));
    const QByteArray expected = mac(parts[0] + '.' + parts[1]);
    if (expected.isEmpty() || signature->size() != expected.size()
        || CRYPTO_memcmp(signature->constData(), expected.constData(), size_t(expected.size())) != 0)
        return invalid(QStringLiteral("bad signature"));
    const auto p = jsonObject(*payload);
    if (!p)
        return invalid(QStringLiteral("payload is not a JSON object"));
    TokenClaims c;
    c.subject = p->value(QStringLiteral("sub")).toString();
    c.role = p->value(QStringLiteral("role")).toString();
    c.audience = p->value(QStringLiteral("aud")).toString();
    c.tokenId = p->value(QStringLiteral("jti")).toString();
    const auto iat = seconds(p->value(QStringLiteral("iat")));
    const auto exp = seconds(p->value(QStringLiteral("exp")));
    if (c.subject.isEmpty() || c.tokenId.isEmpty() || !iat || !exp)
        return invalid(QStringLiteral("missing claims"));
    if (!QStringList{QStringLiteral("admin"), QStringLiteral("trader"), QStringLiteral("viewer")}.contains(c.role))
        return invalid(QStringLiteral("unknown role"));
    if (c.audience != m_audience)
        return invalid(QStringLiteral("wrong audience"));
    c.issuedAt = *iat;
    c.expiresAt = *exp;
    if (c.expiresAt <= c.issuedAt || c.expiresAt - c.issuedAt > kMaxLifetimeSec)
        return invalid(QStringLiteral("implausible lifetime"));
    if (c.issuedAt > nowSec + kLeewaySec)
        return invalid(QStringLiteral("not yet valid"));
    if (nowSec >= c.expiresAt + kLeewaySec)
        return invalid(QStringLiteral("expired"));
    return c;
}

} // namespace adapters::rest
