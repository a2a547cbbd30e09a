#include "adapters/rest/passwordhasher.h"

#include <sodium.h>

namespace adapters::rest {

namespace {
bool ready()
{
    static const bool ok = sodium_init() >= 0; // thread-safe, idempotent
    return ok;
}
} // namespace

QString PasswordHasher::hash(const QString &password)
{
    const QByteArray utf8 = password.toUtf8();
    if (!ready() || utf8.size() > kMaxPasswordBytes)
        return {};
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, utf8.constData(), static_cast<unsigned long long>(utf8.size()), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return {};
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString &storedHash, const QString &password)
{
    const QByteArray stored = storedHash.toLatin1();
    const QByteArray utf8 = password.toUtf8();
    if (!ready() || stored.isEmpty() || stored.size() >= crypto_pwhash_STRBYTES || utf8.size() > kMaxPasswordBytes
        || !stored.startsWith("$argon2id$"))
        return false;
    return crypto_pwhash_str_verify(stored.constData(), utf8.constData(), static_cast<unsigned long long>(utf8.size())) == 0;
}

bool PasswordHasher::needsRehash(const QString &storedHash)
{
    const QByteArray stored = storedHash.toLatin1();
    if (!ready() || stored.size() >= crypto_pwhash_STRBYTES)
        return true;
    return crypto_pwhash_str_needs_rehash(stored.constData(), crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0;
}

QByteArray PasswordHasher::randomBytes(int bytes)
{
    if (!ready() || bytes <= 0)
        return {}; // never a predictable "secret"
    QByteArray out(bytes, '\0');
    randombytes_buf(out.data(), size_t(out.size()));
    return out;
}

} // namespace adapters::rest
