#include "app/apiservice.h"

#include "app/secretreader.h"

#include "adapters/rest/apiserver.h"
#include "adapters/rest/authservice.h"
#include "adapters/rest/passwordhasher.h"
#include "adapters/rest/userstore.h"

#include "engine/api/botapi.h"

#include <QDir>
#include <QThread>

namespace app {

//! The API's objects, created, used and destroyed on the API thread.
class ApiHost final : public QObject {
public:
    engine::Result<quint16> open(const adapters::rest::ApiOptions &options, engine::BotApi &api, const QByteArray &secret,
                                 const QString &usersPath, int *userCount)
    {
        m_users = std::make_unique<adapters::rest::UserStore>(usersPath);
        if (const engine::Result<void> opened = m_users->open(); !opened)
            return opened.error();
        if (const auto users = m_users->users(); users)
            *userCount = int(users->size());
        m_auth = std::make_unique<adapters::rest::AuthService>(*m_users, secret);
        m_server = std::make_unique<adapters::rest::ApiServer>(api, *m_users, *m_auth, options);
        return m_server->start();
    }
    void close()
    {
        m_server.reset();
        m_auth.reset();
        m_users.reset();
    }

private:
    std::unique_ptr<adapters::rest::UserStore> m_users;
    std::unique_ptr<adapters::rest::AuthService> m_auth;
    std::unique_ptr<adapters::rest::ApiServer> m_server;
};

namespace {

//! The token-signing secret: from the keychain, or made and stored there on first use.
engine::Result<QByteArray> signingSecret(engine::SecretStore &secrets)
{
    const QString name = QLatin1String(ApiService::kSigningSecretName);
    const SecretsRead read = readSecretsNow(secrets, {name});
    if (!read.problems.isEmpty())
        return engine::Error(QStringLiteral("API_SECRET_UNAVAILABLE"),
                             QStringLiteral("the API needs the keychain for its token-signing key: %1").arg(read.problems.join(QStringLiteral("; "))));
    QByteArray secret = QByteArray::fromBase64(read.values.value(name), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    if (secret.size() >= adapters::rest::JwtCodec::kMinSecretBytes)
        return secret;
    secret = adapters::rest::PasswordHasher::randomBytes(32);
    const QString encoded = QString::fromLatin1(secret.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    if (const QString error = writeSecretNow(secrets, name, encoded); !error.isEmpty())
        return engine::Error(QStringLiteral("API_SECRET_UNAVAILABLE"), QStringLiteral("cannot store the API's token-signing key in the keychain: %1").arg(error));
    return secret;
}

} // namespace

ApiService::ApiService() = default;

ApiService::~ApiService()
{
    stop();
}

engine::Result<void> ApiService::start(const adapters::rest::ApiOptions &options, engine::BotApi &api, engine::SecretStore &secrets,
                                       const QString &dataDir)
{
    stop();
    if (const QStringList problems = options.validate(); !problems.isEmpty())
        return engine::Error(QStringLiteral("API_OPTIONS_INVALID"), problems.join(QStringLiteral("; ")), problems);
    const engine::Result<QByteArray> secret = signingSecret(secrets);
    if (!secret)
        return secret.error();
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("api"));
    m_host = new ApiHost;
    m_host->moveToThread(m_thread.get());
    QObject::connect(m_thread.get(), &QThread::finished, m_host, &QObject::deleteLater);
    m_thread->start();
    std::optional<engine::Result<quint16>> port;
    const QString usersPath = QDir(dataDir).filePath(QLatin1String(adapters::rest::UserStore::kFileName));
    QMetaObject::invokeMethod(
        m_host, [&] { port = m_host->open(options, api, secret.value(), usersPath, &m_userCount); }, Qt::BlockingQueuedConnection);
    if (!port || !*port) {
        const engine::Error error = port ? port->error() : engine::Error(QStringLiteral("API_LISTEN_FAILED"), QStringLiteral("the API thread did not start"));
        stop();
        return error;
    }
    m_url = options.baseUrl(port->value());
    return {};
}

void ApiService::stop()
{
    if (!m_thread)
        return;
    QMetaObject::invokeMethod(m_host, [host = m_host] { host->close(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    m_thread.reset();
    m_host = nullptr;
    m_url.clear();
}

} // namespace app
