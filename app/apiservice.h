#pragma once

#include "adapters/rest/apioptions.h"
#include "engine/core/result.h"

#include <QString>

#include <memory>

class QThread;

namespace engine {
class BotApi;
class SecretStore;
} // namespace engine

namespace app {

class ApiHost;

//! Runs the remote API on a thread of its own so that neither the window nor the engine waits for
//! a client. Start: the signing secret comes from the keychain (made there on first use, 32
//! random bytes; never in a file), the users from api-users.sqlite in the data folder.
class ApiService {
public:
    ApiService();
    ~ApiService();
    ApiService(const ApiService &) = delete;
    ApiService &operator=(const ApiService &) = delete;

    //! Listens as `options` say. API_OPTIONS_INVALID, API_SECRET_UNAVAILABLE (keychain),
    //! API_LISTEN_FAILED, API_TLS_INVALID, USER_STORE_*.
    engine::Result<void> start(const adapters::rest::ApiOptions &options, engine::BotApi &api, engine::SecretStore &secrets,
                               const QString &dataDir);
    //! Closes every connection and stops the thread. Idempotent.
    void stop();

    //! "http://127.0.0.1:8787" once started.
    [[nodiscard]] QString url() const { return m_url; }
    //! Users who can sign in (0: the start message says how to add one).
    [[nodiscard]] int userCount() const { return m_userCount; }

    //! The keychain entry that holds the token-signing secret.
    static constexpr const char *kSigningSecretName = "api.jwt_secret";

private:
    std::unique_ptr<QThread> m_thread;
    ApiHost *m_host = nullptr; // lives on m_thread
    QString m_url;
    int m_userCount = 0;
};

} // namespace app
