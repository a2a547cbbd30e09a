#include "adapters/binance/binancesigner.h"

#include <QUrl>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>

namespace adapters::binance {

namespace {
constexpr const char *kSignFailed = "SIGNING_FAILED";
constexpr const char *kBadKey = "INVALID_API_KEY_FORMAT";

engine::Error signError(const QString &why) { return {QLatin1String(kSignFailed), why}; }
} // namespace

struct BinanceSigner::Key {
    QByteArray secret;          // HMAC
    EVP_PKEY *pkey = nullptr;   // Ed25519
    ~Key()
    {
        // The secret must not linger in freed memory.
        if (!secret.isEmpty())
            OPENSSL_cleanse(secret.data(), size_t(secret.size()));
        EVP_PKEY_free(pkey);
    }
};

BinanceSigner::BinanceSigner(Kind kind, std::unique_ptr<Key> key)
    : m_kind(kind)
    , m_key(std::move(key))
{
}

BinanceSigner::BinanceSigner(BinanceSigner &&) noexcept = default;
BinanceSigner &BinanceSigner::operator=(BinanceSigner &&) noexcept = default;
BinanceSigner::~BinanceSigner() = default;

engine::Result<BinanceSigner> BinanceSigner::hmac(const QByteArray &secret)
{
    if (secret.trimmed().isEmpty())
        return engine::Error{QLatin1String(kBadKey), QStringLiteral("the API secret is empty")};
    auto key = std::make_unique<Key>();
    key->secret = secret.trimmed();
    return BinanceSigner(Kind::Hmac, std::move(key));
}

engine::Result<BinanceSigner> BinanceSigner::ed25519(const QByteArray &pem)
{
    BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    if (!bio)
        return signError(QStringLiteral("out of memory"));
    EVP_PKEY *pkey = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    if (!pkey)
        return engine::Error{QLatin1String(kBadKey), QStringLiteral("the private key is not a PEM (PKCS#8) key")};
    if (EVP_PKEY_get_id(pkey) != EVP_PKEY_ED25519) {
        EVP_PKEY_free(pkey);
        return engine::Error{QLatin1String(kBadKey), QStringLiteral("the private key is not an Ed25519 key")};
    }
    auto key = std::make_unique<Key>();
    key->pkey = pkey;
    return BinanceSigner(Kind::Ed25519, std::move(key));
}

engine::Result<QString> BinanceSigner::sign(QByteArrayView payload) const
{
    if (m_kind == Kind::Hmac) {
        unsigned char mac[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        if (!HMAC(EVP_sha256(), m_key->secret.constData(), int(m_key->secret.size()),
                  reinterpret_cast<const unsigned char *>(payload.data()), size_t(payload.size()), mac, &length))
            return signError(QStringLiteral("HMAC-SHA256 failed"));
        return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(mac), int(length)).toHex());
    }
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    if (!ctx)
        return signError(QStringLiteral("out of memory"));
    unsigned char signature[64];
    size_t length = sizeof signature;
    const bool ok = EVP_DigestSignInit(ctx, nullptr, nullptr, nullptr, m_key->pkey) == 1
        && EVP_DigestSign(ctx, signature, &length, reinterpret_cast<const unsigned char *>(payload.data()),
                          size_t(payload.size()))
               == 1;
    EVP_MD_CTX_free(ctx);
    if (!ok)
        return signError(QStringLiteral("Ed25519 signing failed"));
    // Base64 has '+', '/' and '=', which must be percent-encoded inside a query string.
    const QByteArray base64 = QByteArray(reinterpret_cast<const char *>(signature), int(length)).toBase64();
    return QString::fromLatin1(QUrl::toPercentEncoding(QString::fromLatin1(base64)));
}

} // namespace adapters::binance
