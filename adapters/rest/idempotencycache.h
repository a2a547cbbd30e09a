#pragma once

#include "adapters/rest/httptypes.h"

#include <QHash>
#include <QString>

#include <optional>

namespace adapters::rest {

//! Remembers the answer to each state-changing request sent with an `Idempotency-Key`, per user,
//! so a client that retries after a lost answer gets the first answer again instead of a second
//! order. Keys live kLifetimeMs; at most kCapacity are kept (the oldest go first). One thread.
class IdempotencyCache {
public:
    enum class Claim { New, InProgress, Done };

    //! Claims `key` for `user`: New (go ahead, then call finish), InProgress (the first request
    //! has not been answered yet), or Done (*answer holds the first answer).
    Claim claim(const QString &user, const QString &key, qint64 nowMs, HttpResponse *answer);
    void finish(const QString &user, const QString &key, const HttpResponse &answer);
    //! An answer that must not be replayed (the request never reached the engine): forget the key.
    void release(const QString &user, const QString &key);

    //! 1–64 letters, digits, '-' or '_'.
    [[nodiscard]] static bool isValidKey(const QByteArray &key);

    static constexpr qint64 kLifetimeMs = 24LL * 3600 * 1000;
    static constexpr int kCapacity = 10'000;

private:
    struct Entry {
        qint64 createdMs = 0;
        std::optional<HttpResponse> answer;
    };
    void prune(qint64 nowMs);

    QHash<QString, Entry> m_entries;
    qint64 m_lastPruneMs = 0;
};

} // namespace adapters::rest
