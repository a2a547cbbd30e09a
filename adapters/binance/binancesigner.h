#pragma once

#include "engine/core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

namespace adapters::binance {

//! Signs Binance requests (REST and WebSocket API) with the account's key: HMAC-SHA256 over the
//! exact payload, lowercase hex; or Ed25519 (Binance's recommendation), base64 then
//! percent-encoded. The crypto is OpenSSL's; nothing is hand-rolled. The key material lives only in
//! this object (wiped when it goes) and never appears in an error, a log line or a copy.
class BinanceSigner {
public:
    enum class Kind { Hmac, Ed25519 };

    //! `secret` is the API secret as Binance shows it.
    static engine::Result<BinanceSigner> hmac(const QByteArray &secret);
    //! `pem` is the PKCS#8 private key ("-----BEGIN PRIVATE KEY-----") of an Ed25519 API key.
    static engine::Result<BinanceSigner> ed25519(const QByteArray &pem);

    BinanceSigner(BinanceSigner &&) noexcept;
    BinanceSigner &operator=(BinanceSigner &&) noexcept;
    ~BinanceSigner();

    [[nodiscard]] Kind kind() const { return m_kind; }
    //! The `signature` parameter for `payload` (query string followed by the body, as sent),
    //! ready to append: hex for HMAC, percent-encoded base64 for Ed25519.
    [[nodiscard]] engine::Result<QString> sign(QByteArrayView payload) const;

private:
    struct Key;
    BinanceSigner(Kind kind, std::unique_ptr<Key> key);

    Kind m_kind;
    std::unique_ptr<Key> m_key;
};

} // namespace adapters::binance
