#include "adapters/rest/idempotencycache.h"

namespace adapters::rest {

namespace {
QString slot(const QString &user, const QString &key)
{
    return user + QLatin1Char('\n') + key;
}
} // namespace

IdempotencyCache::Claim IdempotencyCache::claim(const QString &user, const QString &key, qint64 nowMs, HttpResponse *answer)
{
    prune(nowMs);
    const QString id = slot(user, key);
    if (const auto it = m_entries.constFind(id); it != m_entries.cend()) {
        if (!it->answer)
            return Claim::InProgress;
        *answer = *it->answer;
        return Claim::Done;
    }
    m_entries.insert(id, Entry{nowMs, std::nullopt});
    return Claim::New;
}

void IdempotencyCache::finish(const QString &user, const QString &key, const HttpResponse &answer)
{
    if (const auto it = m_entries.find(slot(user, key)); it != m_entries.end())
        it->answer = answer;
}

void IdempotencyCache::release(const QString &user, const QString &key)
{
    m_entries.remove(slot(user, key));
}

bool IdempotencyCache::isValidKey(const QByteArray &key)
{
    if (key.isEmpty() || key.size() > 64)
        return false;
    return std::all_of(key.cbegin(), key.cend(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

void IdempotencyCache::prune(qint64 nowMs)
{
    if (nowMs - m_lastPruneMs < 60'000 && m_entries.size() < kCapacity)
        return;
    m_lastPruneMs = nowMs;
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (nowMs - it->createdMs > kLifetimeMs)
            it = m_entries.erase(it);
        else
            ++it;
    }
    while (m_entries.size() >= kCapacity) {
        auto oldest = m_entries.begin();
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
            if (it->createdMs < oldest->createdMs)
                oldest = it;
        }
        m_entries.erase(oldest);
    }
}

} // namespace adapters::rest
