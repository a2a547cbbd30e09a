#include "tests/support/memorysecretstore.h"

namespace testsupport {

void MemorySecretStore::writeSecret(const QString &key, const QString &value, std::function<void(engine::Result<void>)> done)
{
    {
        QMutexLocker lock(&m_mutex);
        m_values.insert(key, value);
    }
    done({});
}

void MemorySecretStore::readSecret(const QString &key, std::function<void(engine::Result<QString>)> done)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_values.constFind(key);
    if (it == m_values.constEnd()) {
        lock.unlock();
        done(engine::Error{QLatin1String(engine::errors::kSecretNotFound), QStringLiteral("no such entry")});
        return;
    }
    const QString v = *it;
    lock.unlock();
    done(v);
}

void MemorySecretStore::deleteSecret(const QString &key, std::function<void(engine::Result<void>)> done)
{
    {
        QMutexLocker lock(&m_mutex);
        m_values.remove(key);
    }
    done({});
}

} // namespace testsupport
