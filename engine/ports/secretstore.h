#pragma once

#include "engine/core/result.h"

#include <QString>

#include <functional>

namespace engine {

//! Secrets (API keys, wallet keys, JWT secret) live only here: the OS keychain.
//! Callbacks run on the thread that made the call (it must run an event loop). Errors never
//! contain the secret. An absent entry is the error code errors::kSecretNotFound.
class SecretStore {
public:
    virtual ~SecretStore() = default;
    virtual void writeSecret(const QString &key, const QString &value, std::function<void(Result<void>)> done) = 0;
    virtual void readSecret(const QString &key, std::function<void(Result<QString>)> done) = 0;
    virtual void deleteSecret(const QString &key, std::function<void(Result<void>)> done) = 0;
};

} // namespace engine
