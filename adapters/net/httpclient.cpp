#include "adapters/net/httpclient.h"

#include "adapters/net/httpfailure.h"
#include "adapters/net/netlog.h"
#include "adapters/net/replyoutcome.h"
#include "adapters/net/requestissuer.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <algorithm>
#include <climits>
#include <deque>

namespace adapters::net {

struct HttpClient::Job {
    quint64 id = 0;
    HttpRequest request;
    Callback done;
    QString hostKey;
    Backoff backoff;
    int attempts = 0;
    qint64 startedMs = 0;
    bool budgetWaitCounted = false;
};

struct HttpClient::Host {
    RequestBudget budget;
    qint64 pausedUntilMs = 0;
    std::deque<std::unique_ptr<Job>> queue; // FIFO; retries go back to the front
    QTimer wake;                            // fires when the pause or the budget allows again
};

struct HttpClient::Flight {
    std::unique_ptr<Job> job;
    AttemptFlags flags;
    bool cancelled = false;
    qint64 startedMs = 0;
    QTimer deadline;
};

namespace {

// Where a request goes, for log lines: never the query, which may carry a signature.
QString logTarget(const HttpRequest &r)
{
    return QString::fromLatin1(r.method) + u' ' + r.url.host() + r.url.path();
}

} // namespace

HttpClient::HttpClient(HttpClientConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_manager(new QNetworkAccessManager(this))
{
    m_config.maxAttempts = std::max(1, m_config.maxAttempts);
    m_config.defaultTimeoutMs = std::max(1, m_config.defaultTimeoutMs);
    m_clock.start();
}

HttpClient::~HttpClient()
{
    // Abort quietly: callbacks must not run into an owner that is being torn down.
    for (auto &[reply, flight] : m_flights) {
        reply->disconnect(this);
        reply->abort();
    }
}

QString HttpClient::hostKey(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    const int port = url.port(scheme == u"https" ? 443 : 80);
    return scheme + QStringLiteral("://") + url.host().toLower() + u':' + QString::number(port);
}

HttpClient::Host &HttpClient::host(const QString &key)
{
    auto it = m_hosts.find(key);
    if (it == m_hosts.end()) {
        auto h = std::make_unique<Host>();
        h->wake.setSingleShot(true);
        h->wake.setTimerType(Qt::PreciseTimer);
        connect(&h->wake, &QTimer::timeout, this, [this, key] { pump(key); });
        it = m_hosts.emplace(key, std::move(h)).first;
    }
    return *it->second;
}

void HttpClient::setHostBudget(const QUrl &origin, const std::vector<RequestBudget::Window> &windows)
{
    host(hostKey(origin)).budget = RequestBudget(windows);
}

void HttpClient::syncUsedWeight(const QUrl &origin, qint64 windowMs, int usedWeight)
{
    host(hostKey(origin)).budget.syncUsed(windowMs, usedWeight, nowMs());
}

qint64 HttpClient::hostPauseRemainingMs(const QUrl &origin) const
{
    const auto it = m_hosts.find(hostKey(origin));
    if (it == m_hosts.end())
        return 0;
    return std::max<qint64>(0, it->second->pausedUntilMs - nowMs());
}

int HttpClient::pendingCount() const
{
    size_t n = m_flights.size() + m_waitingRetry.size();
    for (const auto &[key, h] : m_hosts)
        n += h->queue.size();
    return static_cast<int>(n);
}

void HttpClient::send(HttpRequest request, Callback done)
{
    auto job = std::make_unique<Job>();
    job->id = m_nextId++;
    job->request = std::move(request);
    job->request.weight = std::max(0, job->request.weight);
    job->done = std::move(done);
    job->hostKey = hostKey(job->request.url);
    job->backoff = Backoff(m_config.backoff, m_config.random);
    job->startedMs = nowMs();

    const QUrl &url = job->request.url;
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != u"http" && scheme != u"https")) {
        fail(std::move(job), FailureKind::Fatal, QStringLiteral("INVALID_REQUEST"),
             QStringLiteral("not an http(s) URL"));
        return;
    }
    if (!host(job->hostKey).budget.fitsAtAll(job->request.weight)) {
        fail(std::move(job), FailureKind::Fatal, QStringLiteral("WEIGHT_EXCEEDS_BUDGET"),
             QStringLiteral("the request's weight exceeds its host's whole budget window"));
        return;
    }
    enqueue(std::move(job), false);
}

void HttpClient::enqueue(std::unique_ptr<Job> job, bool atFront)
{
    const QString key = job->hostKey;
    Host &h = host(key);
    if (atFront)
        h.queue.push_front(std::move(job));
    else
        h.queue.push_back(std::move(job));
    pump(key);
}

void HttpClient::pump(const QString &key)
{
    Host &h = host(key);
    const auto arm = [&h](qint64 ms) { h.wake.start(static_cast<int>(std::clamp<qint64>(ms, 1, INT_MAX))); };
    while (!h.queue.empty()) {
        const qint64 now = nowMs();
        if (h.pausedUntilMs > now) {
            const qint64 wait = h.pausedUntilMs - now;
            if (wait <= m_config.maxPauseWaitMs) {
                arm(wait);
                return;
            }
            // Holding requests through a long ban would only hand the caller stale answers.
            auto queue = std::move(h.queue);
            h.queue.clear();
            for (auto &job : queue) {
                HttpResponse r;
                r.failure = FailureKind::Retryable;
                r.errorCode = QStringLiteral("HOST_PAUSED");
                r.message = QStringLiteral("the host asked us to wait %1 s").arg(wait / 1000);
                r.retryAfterMs = wait;
                finish(std::move(job), std::move(r));
            }
            return;
        }
        Job &job = *h.queue.front();
        const qint64 wait = h.budget.delayUntilAvailable(job.request.weight, now);
        if (wait < 0) { // the budget shrank after this request was queued
            auto dropped = std::move(h.queue.front());
            h.queue.pop_front();
            fail(std::move(dropped), FailureKind::Fatal, QStringLiteral("WEIGHT_EXCEEDS_BUDGET"),
                 QStringLiteral("the request's weight exceeds its host's whole budget window"));
            continue;
        }
        if (wait > 0) {
            // Everything queued now waits for the budget, not only the head.
            for (auto &queued : h.queue) {
                if (!queued->budgetWaitCounted) {
                    queued->budgetWaitCounted = true;
                    ++m_counters.budgetWaits;
                }
            }
            arm(wait);
            return;
        }
        h.budget.spend(job.request.weight, now);
        auto next = std::move(h.queue.front());
        h.queue.pop_front();
        start(std::move(next));
    }
}

void HttpClient::start(std::unique_ptr<Job> job)
{
    const HttpRequest &req = job->request;
    QNetworkReply *reply = issueRequest(*m_manager, req, m_config.userAgent);

    auto flight = std::make_unique<Flight>();
    Flight *f = flight.get();
    f->startedMs = nowMs();
    f->job = std::move(job);
    ++f->job->attempts;
    ++m_counters.requestsSent;

    connect(reply, &QNetworkReply::requestSent, this, [f] { f->flags.requestSent = true; });
    connect(reply, &QNetworkReply::downloadProgress, this, [this, f, reply](qint64 received, qint64 total) {
        if (!reply->isFinished() && !f->flags.tooLarge
            && (received > m_config.maxResponseBytes || total > m_config.maxResponseBytes)) {
            f->flags.tooLarge = true;
            reply->abort();
        }
    });
    // Queued, so a reply aborted from inside one of our own slots is handled after that slot.
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); }, Qt::QueuedConnection);
    f->deadline.setSingleShot(true);
    connect(&f->deadline, &QTimer::timeout, this, [f, reply] {
        if (reply->isFinished())
            return;
        f->flags.timedOut = true;
        reply->abort();
    });
    f->deadline.start(req.timeoutMs > 0 ? req.timeoutMs : m_config.defaultTimeoutMs);
    m_flights.emplace(reply, std::move(flight));
}

void HttpClient::onFinished(QNetworkReply *reply)
{
    auto it = m_flights.find(reply);
    if (it == m_flights.end()) {
        reply->deleteLater();
        return;
    }
    std::unique_ptr<Flight> flight = std::move(it->second);
    m_flights.erase(it);
    flight->deadline.stop();
    reply->disconnect(this);
    const AttemptResult result = readFinishedReply(reply, flight->flags, m_config.maxResponseBytes);
    reply->deleteLater();

    const qint64 now = nowMs();
    m_counters.lastLatencyMs = now - flight->startedMs;
    std::unique_ptr<Job> job = std::move(flight->job);
    const QString key = job->hostKey;
    Host &h = host(key);
    if (result.outcome.status > 0) {
        for (const UsageHeader &usage : m_config.usageHeaders) {
            if (const auto used = parseUsedWeight(result.headers, usage.name))
                h.budget.syncUsed(usage.windowMs, *used, now);
        }
    }

    const Classification c = classifyAttempt(result.outcome, job->request.idempotent);
    HttpResponse response;
    response.status = result.outcome.status;
    response.headers = result.headers;
    response.body = result.body;
    response.failure = c.kind;
    response.errorCode = c.code;
    response.message = c.message;

    qint64 pause = -1;
    if (isRateLimitStatus(response.status)) {
        const auto asked = serverPauseMs(result.headers, m_config.pauseHeaders, QDateTime::currentMSecsSinceEpoch());
        pause = asked ? *asked : job->backoff.nextDelayMs();
        pauseHost(key, pause);
        response.retryAfterMs = pause;
    }

    const bool retry = c.kind == FailureKind::Retryable && !flight->cancelled
        && job->attempts < m_config.maxAttempts && (pause < 0 || pause <= m_config.maxPauseWaitMs);
    if (!retry) {
        finish(std::move(job), std::move(response));
        return;
    }
    ++m_counters.retries;
    qCInfo(lcNet).noquote() << logTarget(job->request) << "attempt" << job->attempts << "failed with"
                            << c.code << "- retrying";
    if (pause >= 0) {
        enqueue(std::move(job), true); // waits in its host's queue for the pause to end
    } else {
        const int delayMs = job->backoff.nextDelayMs();
        retryLater(std::move(job), delayMs);
    }
}

void HttpClient::pauseHost(const QString &key, qint64 pauseMs)
{
    ++m_counters.hostPauses;
    Host &h = host(key);
    h.pausedUntilMs = std::max(h.pausedUntilMs, nowMs() + pauseMs);
    qCWarning(lcNet).noquote() << "rate limited by" << key << "- pausing the host for" << pauseMs << "ms";
}

void HttpClient::retryLater(std::unique_ptr<Job> job, int delayMs)
{
    const quint64 id = job->id;
    m_waitingRetry.emplace(id, std::move(job));
    QTimer::singleShot(delayMs, Qt::PreciseTimer, this, [this, id] {
        auto it = m_waitingRetry.find(id);
        if (it == m_waitingRetry.end())
            return; // cancelled meanwhile
        std::unique_ptr<Job> job = std::move(it->second);
        m_waitingRetry.erase(it);
        enqueue(std::move(job), true);
    });
}

void HttpClient::fail(std::unique_ptr<Job> job, FailureKind kind, const QString &code, const QString &message)
{
    HttpResponse r;
    r.failure = kind;
    r.errorCode = code;
    r.message = message;
    finish(std::move(job), std::move(r));
}

void HttpClient::finish(std::unique_ptr<Job> job, HttpResponse response)
{
    response.elapsedMs = nowMs() - job->startedMs;
    response.attempts = job->attempts;
    if (response.ok()) {
        ++m_counters.succeeded;
    } else {
        ++m_counters.failed;
        qCWarning(lcNet).noquote() << logTarget(job->request) << "failed:" << response.errorCode
                                   << failureKindName(response.failure) << "after" << job->attempts
                                   << "attempt(s) -" << response.message;
    }
    // Always from the event loop: a callback may send again or cancel without re-entering us.
    QMetaObject::invokeMethod(
        this, [done = std::move(job->done), r = std::move(response)] { if (done) done(r); },
        Qt::QueuedConnection);
}

void HttpClient::cancelAll()
{
    const QString code = QStringLiteral("CANCELLED");
    const QString message = QStringLiteral("the request was cancelled");
    for (auto &[key, h] : m_hosts) {
        h->wake.stop();
        auto queue = std::move(h->queue);
        h->queue.clear();
        for (auto &job : queue)
            fail(std::move(job), FailureKind::Retryable, code, message);
    }
    auto waiting = std::move(m_waitingRetry);
    m_waitingRetry.clear();
    for (auto &[id, job] : waiting)
        fail(std::move(job), FailureKind::Retryable, code, message);
    // In-flight ones finish through onFinished, which knows whether they were sent.
    for (auto &[reply, flight] : m_flights) {
        flight->cancelled = true;
        reply->abort();
    }
}

} // namespace adapters::net
