#include "engine/api/remoteapi.h"

namespace engine {

namespace {
const QString kEnabled = QStringLiteral("api.enabled");
const QString kBind = QStringLiteral("api.bind");
const QString kPort = QStringLiteral("api.port");
const QString kInsecure = QStringLiteral("api.insecure");
const QString kCert = QStringLiteral("api.tls_cert");
const QString kKey = QStringLiteral("api.tls_key");
const QString kCors = QStringLiteral("api.cors_origins");
} // namespace

QHash<QString, QString> RemoteApiSettings::toSettings() const
{
    return {{kEnabled, enabled ? QStringLiteral("1") : QStringLiteral("0")},
            {kBind, bindAddress},
            {kPort, QString::number(port)},
            {kInsecure, allowInsecure ? QStringLiteral("1") : QStringLiteral("0")},
            {kCert, tlsCertificate},
            {kKey, tlsPrivateKey},
            {kCors, corsOrigins.join(QLatin1Char(' '))}};
}

RemoteApiSettings RemoteApiSettings::fromSettings(const QHash<QString, QString> &settings)
{
    RemoteApiSettings s;
    s.enabled = settings.value(kEnabled) == QLatin1String("1");
    if (const QString bind = settings.value(kBind).trimmed(); !bind.isEmpty())
        s.bindAddress = bind;
    bool ok = false;
    const int port = settings.value(kPort).toInt(&ok);
    if (ok && port >= 1 && port <= 65535)
        s.port = port;
    s.allowInsecure = settings.value(kInsecure) == QLatin1String("1");
    s.tlsCertificate = settings.value(kCert);
    s.tlsPrivateKey = settings.value(kKey);
    s.corsOrigins = settings.value(kCors).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return s;
}

} // namespace engine
