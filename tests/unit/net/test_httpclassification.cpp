// The pure rules under HttpClient and WebSocketSession: failure classification, Retry-After and
// reset headers, used-weight headers, and the outgoing message pacer.
#include "adapters/net/httpfailure.h"
#include "adapters/net/messagepacer.h"
#include "adapters/net/ratelimitheaders.h"

#include <QDateTime>
#include <QTest>

using namespace adapters::net;

Q_DECLARE_METATYPE(adapters::net::FailureKind)
Q_DECLARE_METATYPE(adapters::net::TransportError)

namespace {
// 2015-10-21 07:28:00 UTC, the RFC 9110 example date.
constexpr qint64 kExampleDateMs = 1445412480000LL;
} // namespace

class TestHttpClassification : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void classifies_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<TransportError>("transport");
        QTest::addColumn<bool>("sent");
        QTest::addColumn<bool>("idempotent");
        QTest::addColumn<FailureKind>("kind");
        QTest::addColumn<QString>("code");
        using T = TransportError;
        using K = FailureKind;
        QTest::newRow("200") << 200 << T::None << true << false << K::None << QString();
        QTest::newRow("204") << 204 << T::None << true << false << K::None << QString();
        QTest::newRow("429 post") << 429 << T::None << true << false << K::Retryable << "HTTP_429";
        QTest::newRow("418 post") << 418 << T::None << true << false << K::Retryable << "HTTP_418";
        QTest::newRow("503 get") << 503 << T::None << true << true << K::Retryable << "HTTP_5XX";
        QTest::newRow("503 post") << 503 << T::None << true << false << K::UnknownOutcome << "HTTP_5XX";
        QTest::newRow("400 get") << 400 << T::None << true << true << K::Fatal << "HTTP_4XX";
        QTest::newRow("404 post") << 404 << T::None << true << false << K::Fatal << "HTTP_4XX";
        QTest::newRow("302 post") << 302 << T::None << true << false << K::Fatal << "HTTP_3XX";
        QTest::newRow("refused post") << 0 << T::Refused << false << false << K::Retryable << "NETWORK";
        QTest::newRow("dropped before sending") << 0 << T::Dropped << false << false << K::Retryable << "NETWORK";
        QTest::newRow("dropped after sending post") << 0 << T::Dropped << true << false << K::UnknownOutcome
                                                    << "CONNECTION_DROPPED";
        QTest::newRow("dropped after sending get") << 0 << T::Dropped << true << true << K::Retryable
                                                   << "CONNECTION_DROPPED";
        QTest::newRow("200 then dropped post") << 200 << T::Dropped << true << false << K::UnknownOutcome
                                               << "CONNECTION_DROPPED";
        QTest::newRow("timeout post") << 0 << T::Timeout << true << false << K::UnknownOutcome << "TIMEOUT";
        QTest::newRow("timeout post not yet sent") << 0 << T::Timeout << false << false << K::UnknownOutcome
                                                   << "TIMEOUT";
        QTest::newRow("timeout get") << 0 << T::Timeout << true << true << K::Retryable << "TIMEOUT";
        QTest::newRow("tls") << 0 << T::Tls << false << true << K::Fatal << "TLS";
        QTest::newRow("too large get") << 200 << T::TooLarge << true << true << K::Fatal << "RESPONSE_TOO_LARGE";
        QTest::newRow("too large post") << 200 << T::TooLarge << true << false << K::UnknownOutcome
                                        << "RESPONSE_TOO_LARGE";
        QTest::newRow("cancelled post sent") << 0 << T::Cancelled << true << false << K::UnknownOutcome << "CANCELLED";
        QTest::newRow("cancelled post unsent") << 0 << T::Cancelled << false << false << K::Retryable << "CANCELLED";
        QTest::newRow("garbage answer post") << 0 << T::Protocol << true << false << K::UnknownOutcome << "PROTOCOL";
        QTest::newRow("invalid") << 0 << T::InvalidRequest << false << true << K::Fatal << "INVALID_REQUEST";
    }

    void classifies()
    {
        QFETCH(int, status);
        QFETCH(TransportError, transport);
        QFETCH(bool, sent);
        QFETCH(bool, idempotent);
        QFETCH(FailureKind, kind);
        QFETCH(QString, code);
        const Classification c = classifyAttempt(AttemptOutcome{status, transport, sent, {}}, idempotent);
        QCOMPARE(c.kind, kind);
        QCOMPARE(c.code, code);
        QCOMPARE(c.message.isEmpty(), kind == FailureKind::None);
    }

    void retryAfterSecondsAndDates()
    {
        QCOMPARE(parseRetryAfterMs("1", 0), std::optional<qint64>(1000));
        QCOMPARE(parseRetryAfterMs(" 120 ", 0), std::optional<qint64>(120'000));
        QCOMPARE(parseRetryAfterMs("0.25", 0), std::optional<qint64>(250));
        QCOMPARE(parseRetryAfterMs("-5", 0), std::optional<qint64>(0));
        const qint64 before = kExampleDateMs - 30'000;
        QCOMPARE(parseRetryAfterMs("Wed, 21 Oct 2015 07:28:00 GMT", before), std::optional<qint64>(30'000));
        QCOMPARE(parseRetryAfterMs("Wednesday, 21-Oct-15 07:28:00 GMT", before), std::optional<qint64>(30'000));
        QCOMPARE(parseRetryAfterMs("Wed Oct 21 07:28:00 2015", before), std::optional<qint64>(30'000));
        QCOMPARE(parseRetryAfterMs("Wed, 21 Oct 2015 07:28:00 GMT", kExampleDateMs + 5000), std::optional<qint64>(0));
        QCOMPARE(parseRetryAfterMs("soon", 0), std::nullopt);
        QCOMPARE(parseRetryAfterMs("", 0), std::nullopt);
        QCOMPARE(parseRetryAfterMs("1e300", 0), std::optional<qint64>(kMaxServerPauseMs)); // bounded
    }

    void epochResetHeader()
    {
        const qint64 now = 1'700'000'000'000LL;
        QCOMPARE(parseEpochResetMs("1700000042", now), std::optional<qint64>(42'000));
        QCOMPARE(parseEpochResetMs("1600000000", now), std::optional<qint64>(0));
        QCOMPARE(parseEpochResetMs("x", now), std::nullopt);
    }

    void longestPauseOfTheConfiguredHeadersWins()
    {
        const qint64 now = 1'700'000'000'000LL;
        const QList<PauseHeader> specs{{"Retry-After", PauseHeader::Format::RetryAfter},
                                       {"x-rate-limit-reset", PauseHeader::Format::EpochSeconds}};
        const HeaderList headers{{"retry-after", "3"}, {"X-Rate-Limit-Reset", "1700000010"}};
        QCOMPARE(serverPauseMs(headers, specs, now), std::optional<qint64>(10'000));
        QCOMPARE(serverPauseMs({{"Retry-After", "junk"}}, specs, now), std::nullopt);
        QCOMPARE(serverPauseMs({}, specs, now), std::nullopt);
    }

    void usedWeightHeader()
    {
        const HeaderList headers{{"x-mbx-used-weight-1m", " 1234 "}, {"X-MBX-USED-WEIGHT-1S", "-1"}};
        QCOMPARE(parseUsedWeight(headers, "X-MBX-USED-WEIGHT-1M"), std::optional<int>(1234));
        QCOMPARE(parseUsedWeight(headers, "X-MBX-USED-WEIGHT-1S"), std::nullopt);
        QCOMPARE(parseUsedWeight(headers, "X-MBX-ORDER-COUNT-10S"), std::nullopt);
    }

    void pacerReleasesAtTheRateAndKeepsOrder()
    {
        MessagePacer p(2, 1000, 10);
        using K = MessagePacer::Item::Kind;
        for (const char *m : {"a", "b", "c"})
            QVERIFY(p.push({K::Text, m}));
        QCOMPARE(p.takeReady(0)->data, QByteArray("a"));
        QCOMPARE(p.takeReady(0)->data, QByteArray("b"));
        QVERIFY(!p.takeReady(10));
        QCOMPARE(p.delayMs(10), 990);
        p.pushFront({{K::Ping, "1"}});
        QCOMPARE(p.takeReady(1000)->kind, K::Ping); // pings go first
        QCOMPARE(p.takeReady(1000)->data, QByteArray("c"));
        QCOMPARE(p.delayMs(1000), -1);
    }

    void pacerRefusesWhenFullAndDropsOnlyStalePings()
    {
        MessagePacer p(5, 1000, 2);
        using K = MessagePacer::Item::Kind;
        QVERIFY(p.push({K::Text, "a"}));
        QVERIFY(p.push({K::Text, "b"}));
        QVERIFY(!p.push({K::Text, "c"}));
        p.pushFront({{K::Ping, "1"}, {K::Text, "sub"}}); // resubscriptions are never refused
        QCOMPARE(p.size(), 4);
        p.removeAll(K::Ping);
        QCOMPARE(p.size(), 3);
        QCOMPARE(p.takeReady(0)->data, QByteArray("sub"));
    }
};

QTEST_GUILESS_MAIN(TestHttpClassification)
#include "test_httpclassification.moc"
