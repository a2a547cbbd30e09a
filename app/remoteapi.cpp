#include "app/remoteapi.h"

#include <QDebug>

namespace app {

RemoteApi::RemoteApi(engine::BotApi &api, engine::SecretStore &secrets, QString dataDir)
    : m_api(api), m_secrets(secrets), m_dataDir(std::move(dataDir))
{
}

RemoteApi::~RemoteApi()
{
    stop();
}

adapters::rest::ApiOptions RemoteApi::optionsFor(const engine::RemoteApiSettings &settings)
{
    adapters::rest::ApiOptions options;
    options.enabled = settings.enabled;
    options.bindAddress = settings.bindAddress.trimmed();
    options.port = quint16(std::clamp(settings.port, 0, 65535));
    options.allowInsecureRemote = settings.allowInsecure;
    options.tlsCertificate = settings.tlsCertificate.trimmed();
    options.tlsPrivateKey = settings.tlsPrivateKey.trimmed();
    options.corsOrigins = settings.corsOrigins;
    return options;
}

QStringList RemoteApi::validate(const engine::RemoteApiSettings &settings) const
{
    QStringList problems;
    if (settings.port < 1 || settings.port > 65535)
        problems << QStringLiteral("the port must be 1..65535");
    problems << optionsFor(settings).validate();
    return problems;
}

engine::Result<void> RemoteApi::apply(const engine::RemoteApiSettings &settings)
{
    if (!settings.enabled) {
        stop();
        qInfo("remote API off");
        return {};
    }
    const engine::Result<QString> started = start(optionsFor(settings), false);
    if (!started)
        return started.error();
    return {};
}

engine::Result<QString> RemoteApi::startFromCommandLine(const adapters::rest::ApiOptions &options)
{
    return start(options, true);
}

engine::Result<QString> RemoteApi::start(const adapters::rest::ApiOptions &options, bool fromCommandLine)
{
    m_service.stop();
    m_state = {};
    m_state.fromCommandLine = fromCommandLine;
    if (const engine::Result<void> started = m_service.start(options, m_api, m_secrets, m_dataDir); !started) {
        m_state.error = started.error().message;
        qWarning("remote API did not start: %s", qPrintable(m_state.error));
        return started.error();
    }
    m_state.running = true;
    m_state.url = m_service.url();
    m_state.users = m_service.userCount();
    QString message = QStringLiteral("REST API on %1 (WebSocket events at %2/api/v1/ws)")
                          .arg(m_state.url, QString(m_state.url).replace(QLatin1String("http"), QLatin1String("ws")));
    if (m_state.users == 0)
        message += QStringLiteral("; no users yet: add one with `memedesk user add NAME --role admin`");
    qInfo().noquote() << message;
    return message;
}

void RemoteApi::stop()
{
    m_service.stop();
    m_state.running = false;
    m_state.url.clear();
}

} // namespace app
