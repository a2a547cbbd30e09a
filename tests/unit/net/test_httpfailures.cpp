// HttpClient failure classification against a misbehaving local server: a non-idempotent
// request whose fate is unknown (5xx, timeout, dropped connection) is reported UnknownOutcome
// and reaches the server exactly once; idempotent ones are retried; 4xx is fatal at once.
#include "tests/unit/net/fakehttpserver.h"
#include "tests/unit/net/nettestsupport.h"

#include "adapters/net/httpclient.h"

#include <QTest>

using namespace adapters::net;
using nettest::fastConfig;
using nettest::Results;
using nettest::FakeHttpServer;
using nettest::ServerReply;

namespace {

constexpr int kWait = 10'000;



HttpRequest order(const QUrl &url)
{
    return HttpRequest::post(url, R"({"symbol":"PEPEUSDT","side":"BUY","newClientOrderId":"md-1"})");
}

// Sends one request and waits for its single answer.
HttpResponse roundTrip(HttpClient &client, const HttpRequest &request)
{
    Results results;
    client.send(request, results.collect());
    if (!QTest::qWaitFor([&] { return !results.list.empty(); }, kWait))
        return {};
    return results.list.front();
}

} // namespace

class TestHttpFailures : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void postServerErrorIsUnknownOutcomeAndSentOnce()
    {
        FakeHttpServer server;
        server.setHandler([](const auto &, int) { return ServerReply::answer(503, "unavailable"); });
        HttpClient client(fastConfig());
        const HttpResponse r = roundTrip(client, order(server.url(QStringLiteral("/api/v3/order"))));
        QCOMPARE(r.failure, FailureKind::UnknownOutcome);
        QCOMPARE(r.errorCode, QStringLiteral("HTTP_5XX"));
        QCOMPARE(r.status, 503);
        QCOMPARE(r.attempts, 1);
        QCOMPARE(server.count(), 1);
        QCOMPARE(client.pendingCount(), 0);
    }

    void postTimeoutIsUnknownOutcomeAndSentOnce()
    {
        FakeHttpServer server;
        server.setHandler([](const auto &, int) { return ServerReply::stall(); });
        HttpClient client(fastConfig());
        HttpRequest req = order(server.url(QStringLiteral("/api/v3/order")));
        req.timeoutMs = 300;
        const HttpResponse r = roundTrip(client, req);
        QCOMPARE(r.failure, FailureKind::UnknownOutcome);
        QCOMPARE(r.errorCode, QStringLiteral("TIMEOUT"));
        QCOMPARE(r.status, 0);
        QCOMPARE(r.attempts, 1);
        QCOMPARE(server.count(), 1);
    }

    void postDroppedAfterSendingIsUnknownOutcomeAndSentOnce()
    {
        // Qt re-sends a request silently when the connection closes before the answer; for an
        // order that would be a second order. The client must stop that and report instead.
        FakeHttpServer server;
        server.setHandler([](const auto &, int) { return ServerReply::drop(); });
        HttpClient client(fastConfig());
        const HttpResponse r = roundTrip(client, order(server.url(QStringLiteral("/api/v3/order"))));
        QCOMPARE(r.failure, FailureKind::UnknownOutcome);
        QCOMPARE(r.errorCode, QStringLiteral("CONNECTION_DROPPED"));
        QCOMPARE(r.attempts, 1);
        QTest::qWait(200); // a late re-send would show up here
        QCOMPARE(server.count(), 1);
    }

    void getDroppedConnectionIsRetried()
    {
        FakeHttpServer server;
        server.setHandler([](const auto &, int index) { return index < 3 ? ServerReply::drop() : ServerReply::ok("fine"); });
        HttpClientConfig config = fastConfig();
        config.maxAttempts = 4;
        HttpClient client(config);
        const HttpResponse r = roundTrip(client, HttpRequest::get(server.url()));
        QVERIFY2(r.ok(), qPrintable(r.errorCode + u' ' + r.message));
        QCOMPARE(r.body, QByteArray("fine"));
        QCOMPARE(server.count(), 4); // Qt's own re-sends of a GET are fine: it is idempotent
    }

    void stalledGetTimesOutAndIsRetried()
    {
        FakeHttpServer server;
        server.setHandler([](const auto &, int) { return ServerReply::stall(); });
        HttpClientConfig config = fastConfig();
        config.maxAttempts = 2;
        config.defaultTimeoutMs = 300;
        HttpClient client(config);
        const HttpResponse r = roundTrip(client, HttpRequest::get(server.url()));
        QCOMPARE(r.failure, FailureKind::Retryable);
        QCOMPARE(r.errorCode, QStringLiteral("TIMEOUT"));
        QCOMPARE(r.attempts, 2);
        QCOMPARE(server.count(), 2);
    }

    void refusedConnectionIsRetryableEvenForAPost()
    {
        const QUrl url(QStringLiteral("http://127.0.0.1:%1/api/v3/order").arg(nettest::closedPort()));
        HttpClient client(fastConfig());
        const HttpResponse r = roundTrip(client, order(url));
        QCOMPARE(r.failure, FailureKind::Retryable); // nothing reached a server
        QCOMPARE(r.errorCode, QStringLiteral("NETWORK"));
        QCOMPARE(r.attempts, 3);
        QCOMPARE(client.counters().retries, quint64(2));
    }

    void clientErrorIsFatalAndNotRetried()
    {
        FakeHttpServer server;
        server.setHandler([](const auto &, int) {
            return ServerReply::answer(400, R"({"code":-1121,"msg":"Invalid symbol."})");
        });
        HttpClient client(fastConfig());
        const HttpResponse get = roundTrip(client, HttpRequest::get(server.url()));
        QCOMPARE(get.failure, FailureKind::Fatal);
        QCOMPARE(get.errorCode, QStringLiteral("HTTP_4XX"));
        QCOMPARE(get.status, 400);
        QCOMPARE(get.body, QByteArray(R"({"code":-1121,"msg":"Invalid symbol."})"));
        QCOMPARE(get.attempts, 1);
        const HttpResponse post = roundTrip(client, order(server.url()));
        QCOMPARE(post.failure, FailureKind::Fatal);
        QCOMPARE(server.count(), 2);
    }

    void rateLimitedPostIsRetriedBecauseTheServerDidNotActOnIt()
    {
        FakeHttpServer server;
        server.setHandler([](const auto &, int index) {
            return index == 0 ? ServerReply::answer(429, "{}", {{"Retry-After", "0"}}) : ServerReply::ok();
        });
        HttpClient client(fastConfig());
        const HttpResponse r = roundTrip(client, order(server.url()));
        QVERIFY2(r.ok(), qPrintable(r.errorCode));
        QCOMPARE(r.attempts, 2);
        QCOMPARE(server.count(), 2);
    }

    void oversizedAnswerIsCutOff()
    {
        FakeHttpServer server;
        server.setHandler([](const auto &, int) { return ServerReply::ok(QByteArray(64 * 1024, 'x')); });
        HttpClientConfig config = fastConfig();
        config.maxResponseBytes = 1024;
        HttpClient client(config);
        const HttpResponse r = roundTrip(client, HttpRequest::get(server.url()));
        QCOMPARE(r.failure, FailureKind::Fatal);
        QCOMPARE(r.errorCode, QStringLiteral("RESPONSE_TOO_LARGE"));
        QVERIFY(r.body.isEmpty());
    }

    void invalidUrlIsFatal()
    {
        HttpClient client(fastConfig());
        const HttpResponse r = roundTrip(client, HttpRequest::get(QUrl(QStringLiteral("ftp://example.com/x"))));
        QCOMPARE(r.failure, FailureKind::Fatal);
        QCOMPARE(r.errorCode, QStringLiteral("INVALID_REQUEST"));
        QCOMPARE(r.attempts, 0);
    }

    void cancelAllAnswersEveryRequest()
    {
        FakeHttpServer server;
        server.setHandler([](const auto &, int) { return ServerReply::stall(); });
        HttpClient client(fastConfig());
        client.setHostBudget(server.url(), {{2, 60'000}});
        Results results;
        client.send(HttpRequest::get(server.url(QStringLiteral("/get"))), results.collect());
        client.send(order(server.url(QStringLiteral("/order"))), results.collect());
        client.send(HttpRequest::get(server.url(QStringLiteral("/queued"))), results.collect()); // waits for budget
        QTRY_COMPARE_WITH_TIMEOUT(server.count(), 2, kWait);
        client.cancelAll();
        QTRY_COMPARE_WITH_TIMEOUT(results.list.size(), size_t(3), kWait);
        int unknown = 0;
        for (const HttpResponse &r : results.list) {
            QCOMPARE(r.errorCode, QStringLiteral("CANCELLED"));
            unknown += r.failure == FailureKind::UnknownOutcome ? 1 : 0;
        }
        QCOMPARE(unknown, 1); // only the POST that reached the server
        QCOMPARE(client.pendingCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHttpFailures)
#include "test_httpfailures.moc"
