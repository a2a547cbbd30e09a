#pragma once

#include "engine/ports/secretstore.h"

#include <QHash>
#include <QMutex>

namespace testsupport {

//! In-memory SecretStore for unit tests only; the app always uses the OS keychain.
class MemorySecretStore final : public engine::SecretStore {
public:
    void writeSecret(const QString &key, const QString &value, std::function<void(engine::Result<void>)> done) override;
    void readSecret(const QString &key, std::function<void(engine::Result<QString>)> done) override;
    void deleteSecret(const QString &key, std::function<void(engine::Result<void>)> done) override;

private:
    QMutex m_mutex;
    QHash<QString, QString> m_values;
};

} // namespace testsupport
