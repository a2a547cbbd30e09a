#pragma once

#include "adapters/net/httpclientconfig.h"
#include "adapters/net/httptypes.h"
#include "adapters/net/requestbudget.h"

#include <QElapsedTimer>
#include <QObject>

#include <functional>
#include <map>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace adapters::net {

//! Observability figures of an HttpClient.
struct HttpCounters {
    quint64 requestsSent = 0; //!< attempts put on the wire
    quint64 retries = 0;      //!< attempts that were repeats
    quint64 budgetWaits = 0;  //!< requests that had to wait for their host's budget
    quint64 hostPauses = 0;   //!< 429/418 answers that paused a host
    quint64 succeeded = 0;
    quint64 failed = 0;
    qint64 lastLatencyMs = -1; //!< wire time of the last finished attempt
};

//! HTTP for venue adapters on QNetworkAccessManager: per-host request budgets (requests wait,
//! they do not fail), retries with jittered backoff, host pauses on 429/418 honouring
//! Retry-After, a deadline per attempt, and failures classified so a non-idempotent request
//! whose fate is unknown is reported, never re-sent.
//!
//! Lives on the thread that created it (QNetworkAccessManager is thread-affine): call it only
//! from that thread, typically a venue's I/O thread. Callbacks run on that thread from its
//! event loop, never inside send(). Destroying the client aborts everything in flight without
//! calling the remaining callbacks; cancelAll() reports them first.
class HttpClient final : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(const HttpResponse &)>;

    explicit HttpClient(HttpClientConfig config = {}, QObject *parent = nullptr);
    ~HttpClient() override;

    //! Sends `request` when its host's budget and pause allow, retries what may be retried,
    //! and calls `done` exactly once with the final outcome.
    void send(HttpRequest request, Callback done);

    //! Budget windows for the host of `origin` (scheme, host and port count).
    void setHostBudget(const QUrl &origin, const std::vector<RequestBudget::Window> &windows);
    //! Feeds a server-reported usage into the host's window of length `windowMs`.
    void syncUsedWeight(const QUrl &origin, qint64 windowMs, int usedWeight);
    //! Milliseconds the host of `origin` stays paused by a 429/418 (0 = not paused).
    [[nodiscard]] qint64 hostPauseRemainingMs(const QUrl &origin) const;

    //! Aborts every request; each callback gets CANCELLED (UnknownOutcome if it may have arrived).
    void cancelAll();
    [[nodiscard]] HttpCounters counters() const { return m_counters; }
    //! Requests not finished yet: queued, waiting to retry or in flight.
    [[nodiscard]] int pendingCount() const;

    //! "scheme://host:port", the unit budgets and pauses apply to.
    [[nodiscard]] static QString hostKey(const QUrl &url);

private:
    struct Job;
    struct Host;
    struct Flight;

    [[nodiscard]] qint64 nowMs() const { return m_clock.elapsed(); }
    Host &host(const QString &key);
    void enqueue(std::unique_ptr<Job> job, bool atFront);
    void pump(const QString &key);
    void start(std::unique_ptr<Job> job);
    void onFinished(QNetworkReply *reply);
    void retryLater(std::unique_ptr<Job> job, int delayMs);
    void pauseHost(const QString &key, qint64 pauseMs);
    void finish(std::unique_ptr<Job> job, HttpResponse response);
    void fail(std::unique_ptr<Job> job, FailureKind kind, const QString &code, const QString &message);

    HttpClientConfig m_config;
    QNetworkAccessManager *m_manager; // child of this
    QElapsedTimer m_clock;
    std::map<QString, std::unique_ptr<Host>> m_hosts;
    std::map<QNetworkReply *, std::unique_ptr<Flight>> m_flights;
    std::map<quint64, std::unique_ptr<Job>> m_waitingRetry;
    HttpCounters m_counters;
    quint64 m_nextId = 1;
};

} // namespace adapters::net
