#pragma once

#include "engine/ports/secretstore.h"

#include <QString>

namespace adapters::keychain {

//! SecretStore on the OS keychain through QtKeychain: macOS Keychain, Windows Credential Store,
//! Secret Service (GNOME Keyring, KWallet) on Linux. Never falls back to a plaintext file.
//!
//! May be called from any thread that runs an event loop; `done` runs on that thread. The jobs
//! themselves always run on the application (main) thread, because QtKeychain queues every job
//! through one process-wide executor that is not thread-safe. So a QCoreApplication must exist and
//! its thread must be running its event loop (it is, in the GUI and in headless mode).
class QtKeychainSecretStore final : public engine::SecretStore {
public:
    //! `service` groups Memedesk's entries in the keychain (tests pass a unique one).
    explicit QtKeychainSecretStore(QString service = QStringLiteral("memedesk"));

    void writeSecret(const QString &key, const QString &value, std::function<void(engine::Result<void>)> done) override;
    void readSecret(const QString &key, std::function<void(engine::Result<QString>)> done) override;
    void deleteSecret(const QString &key, std::function<void(engine::Result<void>)> done) override;

    [[nodiscard]] QString service() const { return m_service; }

private:
    QString m_service;
};

} // namespace adapters::keychain
