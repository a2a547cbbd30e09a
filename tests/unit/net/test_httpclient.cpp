// HttpClient against a local misbehaving server: budgets pace requests without losing any,
// 429 pauses the host for the Retry-After time, 5xx on an idempotent GET is retried.
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

constexpr int kWait = 10'000;  // generous QTRY timeout; tests finish long before
constexpr qint64 kMarginMs = 50; // timer and scheduling slack when comparing server times



} // namespace

class TestHttpClient : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void getSucceeds()
    {
        FakeHttpServer server;
        QVERIFY(server.isListening());
        server.setHandler([](const auto &, int) {
            return ServerReply::answer(200, "hello", {{"X-Test", "yes"}});
        });
        HttpClient client(fastConfig());
        Results results;
        client.send(HttpRequest::get(server.url(QStringLiteral("/api/v3/ping"))), results.collect());
        QTRY_COMPARE_WITH_TIMEOUT(results.list.size(), size_t(1), kWait);
        const HttpResponse &r = results.list.front();
        QVERIFY2(r.ok(), qPrintable(r.errorCode + u' ' + r.message));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("hello"));
        QCOMPARE(r.header("x-test"), QByteArray("yes"));
        QCOMPARE(r.attempts, 1);
        QCOMPARE(server.requests().front().path, QByteArray("/api/v3/ping"));
        QCOMPARE(client.counters().requestsSent, quint64(1));
        QVERIFY(client.counters().lastLatencyMs >= 0);
        QCOMPARE(client.pendingCount(), 0);
    }

    void postBodyAndHeadersArrive()
    {
        FakeHttpServer server;
        HttpClient client(fastConfig());
        Results results;
        HttpRequest req = HttpRequest::post(server.url(QStringLiteral("/api/v3/order")), "symbol=PEPEUSDT&side=BUY",
                                            "application/x-www-form-urlencoded");
        req.headers.emplaceBack("X-MBX-APIKEY", "key");
        client.send(req, results.collect());
        QTRY_COMPARE_WITH_TIMEOUT(results.list.size(), size_t(1), kWait);
        QVERIFY(results.list.front().ok());
        const auto &got = server.requests().front();
        QCOMPARE(got.method, QByteArray("POST"));
        QCOMPARE(got.body, QByteArray("symbol=PEPEUSDT&side=BUY"));
        QCOMPARE(got.header("X-MBX-APIKEY"), QByteArray("key"));
        QCOMPARE(got.header("Content-Type"), QByteArray("application/x-www-form-urlencoded"));
    }

    void budgetPacesRequestsWithoutLosingAny()
    {
        FakeHttpServer server;
        HttpClient client(fastConfig());
        constexpr int kLimit = 3;
        constexpr qint64 kWindowMs = 600;
        client.setHostBudget(server.url(), {{kLimit, kWindowMs}});
        Results results;
        constexpr int kRequests = 7;
        for (int i = 0; i < kRequests; ++i)
            client.send(HttpRequest::get(server.url(QStringLiteral("/r%1").arg(i))), results.collect());
        QTRY_COMPARE_WITH_TIMEOUT(results.list.size(), size_t(kRequests), kWait);
        for (const HttpResponse &r : results.list)
            QVERIFY2(r.ok(), qPrintable(r.errorCode));
        QCOMPARE(server.count(), kRequests);
        // Never more than kLimit requests inside one window, as the server saw them.
        const auto &reqs = server.requests();
        for (int i = 0; i + kLimit < kRequests; ++i) {
            const qint64 gap = reqs[i + kLimit].atMs - reqs[i].atMs;
            QVERIFY2(gap >= kWindowMs - kMarginMs, qPrintable(QStringLiteral("requests %1 and %2 only %3 ms apart")
                                                                  .arg(i).arg(i + kLimit).arg(gap)));
        }
        QCOMPARE(client.counters().budgetWaits, quint64(kRequests - kLimit));
        QCOMPARE(client.pendingCount(), 0);
    }

    void weightAboveTheWholeBudgetIsRefused()
    {
        FakeHttpServer server;
        HttpClient client(fastConfig());
        client.setHostBudget(server.url(), {{10, 1000}});
        Results results;
        client.send(HttpRequest::get(server.url(), 11), results.collect());
        QTRY_COMPARE_WITH_TIMEOUT(results.list.size(), size_t(1), kWait);
        QCOMPARE(results.list.front().failure, FailureKind::Fatal);
        QCOMPARE(results.list.front().errorCode, QStringLiteral("WEIGHT_EXCEEDS_BUDGET"));
        QCOMPARE(server.count(), 0);
    }

    void serverReportedUsageHoldsTheNextRequest()
    {
        FakeHttpServer server;
        server.setHandler([](const auto &, int) { return ServerReply::answer(200, "{}", {{"X-USED-WEIGHT-1S", "10"}}); });
        HttpClientConfig config = fastConfig();
        config.usageHeaders = {{"X-Used-Weight-1s", 1000}};
        HttpClient client(config);
        client.setHostBudget(server.url(), {{10, 1000}});
        Results results;
        client.send(HttpRequest::get(server.url()), results.collect());
        QTRY_COMPARE_WITH_TIMEOUT(results.list.size(), size_t(1), kWait);
        // The server says the whole window is used: the next request waits for it to pass.
        client.send(HttpRequest::get(server.url()), results.collect());
        QTRY_COMPARE_WITH_TIMEOUT(results.list.size(), size_t(2), kWait);
        QVERIFY(results.list[1].ok());
        QCOMPARE(client.counters().budgetWaits, quint64(1));
        QVERIFY(server.requests()[1].atMs - server.requests()[0].atMs >= 1000 - kMarginMs);
    }

    void retryAfterPausesTheWholeHost()
    {
        FakeHttpServer server;
        server.setHandler([](const auto &, int index) {
            if (index == 0)
                return ServerReply::answer(429, R"({"code":-1003,"msg":"Too much request weight used"})",
                                           {{"Retry-After", "1"}});
            return ServerReply::ok();
        });
        HttpClient client(fastConfig());
        Results first;
        Results second;
        client.send(HttpRequest::get(server.url(QStringLiteral("/a"))), first.collect());
        QTRY_VERIFY_WITH_TIMEOUT(client.hostPauseRemainingMs(server.url()) > 0, kWait);
        client.send(HttpRequest::get(server.url(QStringLiteral("/b"))), second.collect());
        QTRY_COMPARE_WITH_TIMEOUT(first.list.size(), size_t(1), kWait);
        QTRY_COMPARE_WITH_TIMEOUT(second.list.size(), size_t(1), kWait);
        QVERIFY(first.list.front().ok());
        QVERIFY(second.list.front().ok());
        QCOMPARE(first.list.front().attempts, 2);
        QCOMPARE(server.count(), 3);
        const qint64 limitedAt = server.requests()[0].atMs;
        for (int i = 1; i < 3; ++i) {
            const qint64 after = server.requests()[i].atMs - limitedAt;
            QVERIFY2(after >= 1000 - kMarginMs, qPrintable(QStringLiteral("request %1 came %2 ms after the 429")
                                                               .arg(i).arg(after)));
        }
        QCOMPARE(client.counters().hostPauses, quint64(1));
        QCOMPARE(client.counters().retries, quint64(1));
    }

    void longBanIsReportedNotWaitedOut()
    {
        FakeHttpServer server;
        server.setHandler([](const auto &, int) {
            return ServerReply::answer(418, R"({"code":-1003,"msg":"IP banned"})", {{"Retry-After", "600"}});
        });
        HttpClient client(fastConfig()); // maxPauseWaitMs 5 min < 10 min ban
        Results results;
        client.send(HttpRequest::get(server.url()), results.collect());
        QTRY_COMPARE_WITH_TIMEOUT(results.list.size(), size_t(1), kWait);
        const HttpResponse &r = results.list.front();
        QCOMPARE(r.failure, FailureKind::Retryable);
        QCOMPARE(r.errorCode, QStringLiteral("HTTP_418"));
        QCOMPARE(r.status, 418);
        QCOMPARE(r.attempts, 1);
        QVERIFY(r.retryAfterMs >= 599'000);
        // The host stays paused: the next request fails at once instead of hammering it.
        client.send(HttpRequest::get(server.url()), results.collect());
        QTRY_COMPARE_WITH_TIMEOUT(results.list.size(), size_t(2), kWait);
        QCOMPARE(results.list[1].errorCode, QStringLiteral("HOST_PAUSED"));
        QCOMPARE(server.count(), 1);
    }

    void serverErrorOnGetIsRetriedUntilSuccess()
    {
        FakeHttpServer server;
        server.setHandler([](const auto &, int index) {
            return index < 2 ? ServerReply::answer(503, "busy") : ServerReply::ok("done");
        });
        HttpClient client(fastConfig());
        Results results;
        client.send(HttpRequest::get(server.url()), results.collect());
        QTRY_COMPARE_WITH_TIMEOUT(results.list.size(), size_t(1), kWait);
        const HttpResponse &r = results.list.front();
        QVERIFY2(r.ok(), qPrintable(r.errorCode));
        QCOMPARE(r.body, QByteArray("done"));
        QCOMPARE(r.attempts, 3);
        QCOMPARE(server.count(), 3);
        QCOMPARE(client.counters().retries, quint64(2));
    }

    void serverErrorOnGetGivesUpAfterTheLastAttempt()
    {
        FakeHttpServer server;
        server.setHandler([](const auto &, int) { return ServerReply::answer(500, "broken"); });
        HttpClientConfig config = fastConfig();
        config.maxAttempts = 3;
        HttpClient client(config);
        Results results;
        client.send(HttpRequest::get(server.url()), results.collect());
        QTRY_COMPARE_WITH_TIMEOUT(results.list.size(), size_t(1), kWait);
        const HttpResponse &r = results.list.front();
        QCOMPARE(r.failure, FailureKind::Retryable);
        QCOMPARE(r.errorCode, QStringLiteral("HTTP_5XX"));
        QCOMPARE(r.status, 500);
        QCOMPARE(r.body, QByteArray("broken"));
        QCOMPARE(r.attempts, 3);
        QCOMPARE(server.count(), 3);
    }
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "test_httpclient.moc"
