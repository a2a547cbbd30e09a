#pragma once

#include <QByteArray>
#include <QString>

namespace adapters::rest {

//! Password hashes for the API's users: argon2id from libsodium (crypto_pwhash_str, interactive
//! limits: 2 passes over 64 MiB), stored in libsodium's self-describing string format, compared in
//! constant time by libsodium. Never hand-rolled.
class PasswordHasher {
public:
    //! The hash to store; empty when libsodium cannot run (out of memory).
    [[nodiscard]] static QString hash(const QString &password);
    [[nodiscard]] static bool verify(const QString &storedHash, const QString &password);
    //! True when `storedHash` was made with weaker limits than today's (rehash at next login).
    [[nodiscard]] static bool needsRehash(const QString &storedHash);
    //! `bytes` of cryptographically secure randomness (signing secrets, refresh tokens).
    [[nodiscard]] static QByteArray randomBytes(int bytes);

    static constexpr int kMaxPasswordBytes = 1024; // refuse absurd input before hashing
};

} // namespace adapters::rest
