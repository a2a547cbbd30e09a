#include "tests/support/memorysecretstore.h"

namespace testsupport {

void MemorySecretStore::writeSecret(const QString &key, const QString &value, std::function<void(QString)> done)
{
    {
        QMutexLocker lock(&m_mutex);
        m_values.insert(key, value);
    }
    done(QString());
}

void MemorySecretStore::readSecret(const QString &key, std::function<void(std::optional<QString>, QString)> done)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_values.constFind(key);
    if (it == m_values.constEnd()) {
        lock.unlock();
        done(std::nullopt, QStringLiteral("not found"));
        return;
    }
    const QString v = *it;
    lock.unlock();
    done(v, QString());
}

void MemorySecretStore::deleteSecret(const QString &key, std::function<void(QString)> done)
{
    {
        QMutexLocker lock(&m_mutex);
        m_values.remove(key);
    }
    done(QString());
}

} // namespace testsupport
