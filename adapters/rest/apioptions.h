#pragma once

#include "adapters/rest/connectionguard.h"
#include "engine/core/result.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace adapters::rest {

//! How the remote API runs. Off by default; on loopback unless the user names an address; a
//! non-loopback address needs TLS, or the user's explicit insistence (allowInsecureRemote).
struct ApiOptions {
    bool enabled = false;
    QString bindAddress = QStringLiteral("127.0.0.1");
    quint16 port = 8787;
    bool allowInsecureRemote = false; // --api-insecure: plain HTTP on a non-loopback address
    QString tlsCertificate;           // PEM files; both or neither
    QString tlsPrivateKey;
    QStringList corsOrigins;          // exact origins allowed to call from a browser; empty = none
    int clientPerMinute = 600;        // requests per client address (0 = no limit)
    int clientBurst = 120;
    int userPerMinute = 600;          // requests per signed-in user (0 = no limit)
    int userBurst = 120;
    int loginPerMinute = 10;          // failed login and refresh attempts per client address
    int loginBurst = 5;
    ConnectionLimits connections;
    int webSocketAuthTimeoutMs = 5000;          // the first message must authenticate by then
    qint64 webSocketMaxBufferedBytes = 1 << 20; // a client this far behind is dropped
    int webSocketMaxClients = 200;

    [[nodiscard]] bool usesTls() const { return !tlsCertificate.isEmpty() || !tlsPrivateKey.isEmpty(); }
    //! Every problem with these options (bad address, loopback rule, half a TLS pair, origins).
    [[nodiscard]] QStringList validate() const;
    //! "https://127.0.0.1:8787"
    [[nodiscard]] QString baseUrl(quint16 actualPort) const;
};

} // namespace adapters::rest
