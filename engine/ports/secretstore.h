#pragma once

#include <QString>

#include <functional>
#include <optional>

namespace engine {

//! Secrets (API keys, wallet keys, JWT secret) live only here: the OS keychain.
//! Callbacks run on the thread that made the call (it must run an event loop).
class SecretStore {
public:
    virtual ~SecretStore() = default;
    //! `done` gets an empty string on success, else a readable error (never the secret).
    virtual void writeSecret(const QString &key, const QString &value, std::function<void(QString error)> done) = 0;
    //! `done` gets the value, or nullopt and an error ("not found" included).
    virtual void readSecret(const QString &key, std::function<void(std::optional<QString> value, QString error)> done) = 0;
    virtual void deleteSecret(const QString &key, std::function<void(QString error)> done) = 0;
};

} // namespace engine
