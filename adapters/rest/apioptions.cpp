#include "adapters/rest/apioptions.h"

#include <QUrl>

namespace adapters::rest {

QStringList ApiOptions::validate() const
{
    QStringList problems;
    QHostAddress address;
    if (!address.setAddress(bindAddress)) {
        problems << QStringLiteral("the address \"%1\" is not an IP address").arg(bindAddress.left(64));
    } else if (!address.isLoopback() && !usesTls() && !allowInsecureRemote) {
        problems << QStringLiteral("%1 is reachable from other machines: give a TLS certificate and key "
                                   "(--api-tls-cert, --api-tls-key), or allow plain HTTP (--api-insecure) only on a "
                                   "network that is yours alone")
                        .arg(bindAddress);
    }
    if (usesTls() && (tlsCertificate.isEmpty() || tlsPrivateKey.isEmpty()))
        problems << QStringLiteral("TLS needs both a certificate and a private key (--api-tls-cert, --api-tls-key)");
    for (const QString &origin : corsOrigins) {
        const QUrl url(origin, QUrl::StrictMode);
        const bool plain = url.isValid() && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https")) &&
                           !url.host().isEmpty() && url.path().isEmpty() && !url.hasQuery() && !url.hasFragment() &&
                           url.userInfo().isEmpty();
        if (!plain)
            problems << QStringLiteral("CORS origin \"%1\" must look like https://host[:port]").arg(origin.left(100));
    }
    if (clientPerMinute < 0 || userPerMinute < 0 || loginPerMinute < 0)
        problems << QStringLiteral("rate limits cannot be negative");
    return problems;
}

QString ApiOptions::baseUrl(quint16 actualPort) const
{
    QHostAddress address(bindAddress);
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol ? QStringLiteral("[%1]").arg(bindAddress) : bindAddress;
    return QStringLiteral("%1://%2:%3").arg(usesTls() ? QStringLiteral("https") : QStringLiteral("http"), host).arg(actualPort);
}

} // namespace adapters::rest
