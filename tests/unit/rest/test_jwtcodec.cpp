// The API's access tokens and password hashes (start of issue 10): tokens we sign verify; every
// forgery and misuse from the attack list is refused with AUTH_TOKEN_INVALID and nothing else —
// "alg: none", HS/RS confusion, tampered payloads, expired and not-yet-valid tokens, the wrong
// audience, malformed and oversized input; argon2id hashes verify and reject.
#include "adapters/rest/jwtcodec.h"
#include "adapters/rest/passwordhasher.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QTest>

using adapters::rest::JwtCodec;
using adapters::rest::PasswordHasher;
using adapters::rest::TokenClaims;

namespace {

constexpr qint64 kNow = 1'767'225'600; // 2026-01-01 00:00 UTC
const QByteArray kSecret = QByteArray("0123456789abcdef0123456789abcdef");
const QString kAudience = QStringLiteral("memedesk-api");
constexpr auto kB64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

TokenClaims claims()
{
    TokenClaims c;
    c.subject = QStringLiteral("alice");
    c.role = QStringLiteral("trader");
    c.audience = kAudience;
    c.tokenId = QStringLiteral("t-1");
    c.issuedAt = kNow;
    c.expiresAt = kNow + 900;
    return c;
}

QByteArray part(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact).toBase64(kB64); }

//! A token with any header and payload, signed with `key` as HMAC-SHA256 (or not at all).
QString forge(const QJsonObject &header, const QJsonObject &payload, const QByteArray &signature)
{
    return QString::fromLatin1(part(header) + '.' + part(payload) + '.' + signature.toBase64(kB64));
}

QJsonObject payloadOf(const TokenClaims &c)
{
    return {{QStringLiteral("sub"), c.subject}, {QStringLiteral("role"), c.role},      {QStringLiteral("aud"), c.audience},
            {QStringLiteral("jti"), c.tokenId}, {QStringLiteral("iat"), double(c.issuedAt)}, {QStringLiteral("exp"), double(c.expiresAt)}};
}

void refused(const JwtCodec &codec, const QString &token, const char *why)
{
    const auto r = codec.verify(token, kNow);
    QVERIFY2(!r, why);
    QCOMPARE(r.error().code, QStringLiteral("AUTH_TOKEN_INVALID"));
}

} // namespace

class TestJwtCodec : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aTokenWeSignVerifies()
    {
        const JwtCodec codec(kSecret, kAudience);
        const QString token = codec.sign(claims());
        QCOMPARE(token.count(QLatin1Char('.')), 2);
        const auto r = codec.verify(token, kNow + 60);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QCOMPARE(r.value().subject, QStringLiteral("alice"));
        QCOMPARE(r.value().role, QStringLiteral("trader"));
        QCOMPARE(r.value().expiresAt, kNow + 900);
    }

    void forgeriesAreRefused()
    {
        const JwtCodec codec(kSecret, kAudience);
        const QString good = codec.sign(claims());
        const QList<QByteArray> parts = good.toLatin1().split('.');

        // alg: none, with and without a signature part
        const QJsonObject none{{QStringLiteral("alg"), QStringLiteral("none")}};
        refused(codec, QString::fromLatin1(part(none) + '.' + parts[1] + '.'), "alg none, empty signature");
        refused(codec, QString::fromLatin1(part(none) + '.' + parts[1] + '.' + parts[2]), "alg none, old signature");
        refused(codec, QString::fromLatin1(part(QJsonObject{{QStringLiteral("alg"), QStringLiteral("NONE")}}) + '.' + parts[1] + '.' + parts[2]),
                "alg NONE");
        // HS/RS confusion: an RS256 header "signed" by HMAC with the secret as if it were a public key
        const QJsonObject rs{{QStringLiteral("alg"), QStringLiteral("RS256")}, {QStringLiteral("typ"), QStringLiteral("JWT")}};
        const QByteArray input = part(rs) + '.' + parts[1];
        const QByteArray hmac = QMessageAuthenticationCode::hash(input, kSecret, QCryptographicHash::Sha256);
        refused(codec, QString::fromLatin1(input + '.' + hmac.toBase64(kB64)), "RS256 header, HMAC with the key");
        // a header that tries to choose the key
        refused(codec, forge(QJsonObject{{QStringLiteral("alg"), QStringLiteral("HS256")}, {QStringLiteral("kid"), QStringLiteral("../../etc/passwd")}},
                             payloadOf(claims()), QByteArray(32, 'x')),
                "kid");
        // tampered payload: the role raised to admin, the old signature kept
        TokenClaims admin = claims();
        admin.role = QStringLiteral("admin");
        refused(codec, QString::fromLatin1(parts[0] + '.' + part(payloadOf(admin)) + '.' + parts[2]), "tampered role");
        // signed with another secret
        refused(codec, JwtCodec(QByteArray(32, 'k'), kAudience).sign(claims()), "other secret");
        // truncated or stretched signature
        refused(codec, QString::fromLatin1(parts[0] + '.' + parts[1] + '.' + parts[2].left(20)), "short signature");
        refused(codec, good + QStringLiteral("AA"), "long signature");
    }

    void timeAndAudienceAreChecked()
    {
        const JwtCodec codec(kSecret, kAudience);
        TokenClaims expired = claims();
        expired.issuedAt = kNow - 2000;
        expired.expiresAt = kNow - 100;
        refused(codec, codec.sign(expired), "expired");
        TokenClaims future = claims();
        future.issuedAt = kNow + 600;
        future.expiresAt = kNow + 1500;
        refused(codec, codec.sign(future), "not yet valid");
        TokenClaims other = claims();
        other.audience = QStringLiteral("someone-else");
        refused(codec, codec.sign(other), "wrong audience");
        TokenClaims forever = claims();
        forever.expiresAt = kNow + 10LL * 365 * 86400;
        refused(codec, codec.sign(forever), "ten-year token");
        TokenClaims role = claims();
        role.role = QStringLiteral("root");
        refused(codec, codec.sign(role), "unknown role");
        TokenClaims nobody = claims();
        nobody.subject.clear();
        refused(codec, codec.sign(nobody), "no subject");
        // within the leeway of clock skew: accepted
        TokenClaims skewed = claims();
        skewed.issuedAt = kNow + 10;
        skewed.expiresAt = kNow + 910;
        QVERIFY(codec.verify(codec.sign(skewed), kNow).ok());
    }

    void malformedInputIsRefusedWithoutCrashing()
    {
        const JwtCodec codec(kSecret, kAudience);
        for (const QString &bad : {QString(), QStringLiteral("."), QStringLiteral(".."), QStringLiteral("a.b.c"), QStringLiteral("a.b.c.d"),
                                   QStringLiteral("eyJ.eyJ.sig=="), QStringLiteral("' OR 1=1 --"), QString(5000, QLatin1Char('a')),
                                   QStringLiteral("\u00e9t\u00e9.x.y"), QStringLiteral("%2e%2e%2f.x.y")})
            refused(codec, bad, "malformed");
        // JSON that is not an object, deeply nested JSON
        refused(codec, QString::fromLatin1(QByteArray("[1]").toBase64(kB64) + ".e30.c2ln"), "array header");
        QByteArray nested(2000, '[');
        nested += QByteArray(2000, ']');
        refused(codec, QString::fromLatin1(part(QJsonObject{{QStringLiteral("alg"), QStringLiteral("HS256")}}) + '.' + nested.toBase64(kB64) + ".c2ln"),
                "nested payload");
        // a codec without a proper secret verifies nothing
        refused(JwtCodec(QByteArray("short"), kAudience), codec.sign(claims()), "short secret");
    }

    void passwordsAreHashedWithArgon2id()
    {
        const QString hash = PasswordHasher::hash(QStringLiteral("correct horse battery staple"));
        QVERIFY(hash.startsWith(QLatin1String("$argon2id$")));
        QVERIFY(PasswordHasher::verify(hash, QStringLiteral("correct horse battery staple")));
        QVERIFY(!PasswordHasher::verify(hash, QStringLiteral("correct horse battery stapl")));
        QVERIFY(!PasswordHasher::verify(QStringLiteral("plain text"), QStringLiteral("plain text")));
        QVERIFY(!PasswordHasher::verify(QString(), QString()));
        QVERIFY(PasswordHasher::hash(QString(2000, QLatin1Char('x'))).isEmpty()); // absurd input refused
        QVERIFY(hash != PasswordHasher::hash(QStringLiteral("correct horse battery staple"))); // salted
        QVERIFY(!PasswordHasher::needsRehash(hash));
        QCOMPARE(PasswordHasher::randomBytes(32).size(), 32);
        QVERIFY(PasswordHasher::randomBytes(32) != PasswordHasher::randomBytes(32));
    }
};

QTEST_GUILESS_MAIN(TestJwtCodec)
#include "test_jwtcodec.moc"
