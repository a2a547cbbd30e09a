// WebSocketSession against a raw misbehaving server: a connection that stops answering pings
// is detected and replaced, the outgoing rate limit holds as the server measures it, and
// half-written frames, invalid frames, oversized messages and stalled handshakes all end in
// a reconnect, never a crash.
#include "tests/unit/net/fakewebsocketserver.h"
#include "tests/unit/net/nettestsupport.h"

#include "adapters/net/websocketsession.h"

#include <QSignalSpy>
#include <QTest>

using namespace adapters::net;
using nettest::fastOptions;
using nettest::FakeWebSocketServer;

namespace {

constexpr int kWait = 10'000;
constexpr qint64 kMarginMs = 50;


bool hasCode(const QSignalSpy &spy, const QString &code)
{
    for (const auto &args : spy)
        if (args.at(0).toString() == code)
            return true;
    return false;
}

} // namespace

class TestWebSocketFaults : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void answeredPingsKeepTheConnection()
    {
        FakeWebSocketServer server;
        WebSocketOptions options = fastOptions();
        options.pingIntervalMs = 100;
        options.pongTimeoutMs = 1000;
        WebSocketSession session(options);
        QSignalSpy disconnectedSpy(&session, &WebSocketSession::disconnected);
        session.open(server.url());
        QTRY_VERIFY_WITH_TIMEOUT(server.pingsReceived() >= 5, kWait);
        QTRY_VERIFY_WITH_TIMEOUT(session.counters().lastPongRttMs >= 0, kWait);
        QCOMPARE(disconnectedSpy.size(), 0);
        QCOMPARE(server.handshakes(), 1);
        QCOMPARE(session.counters().pongTimeouts, quint64(0));
    }

    void missingPongIsADeadConnectionAndIsReplaced()
    {
        FakeWebSocketServer server;
        server.setAnswerPings(false);
        WebSocketOptions options = fastOptions();
        options.pingIntervalMs = 100;
        options.pongTimeoutMs = 300;
        WebSocketSession session(options);
        QSignalSpy disconnectedSpy(&session, &WebSocketSession::disconnected);
        session.setSubscriptions({QStringLiteral("SUB")});
        session.open(server.url());
        QTRY_VERIFY_WITH_TIMEOUT(hasCode(disconnectedSpy, QStringLiteral("PONG_TIMEOUT")), kWait);
        QTRY_VERIFY_WITH_TIMEOUT(server.messagesOn(2).size() == 1, kWait); // resubscribed on the new one
        QVERIFY(session.counters().pongTimeouts >= 1);
        session.close();
    }

    void outgoingRateLimitHoldsAtTheServer()
    {
        FakeWebSocketServer server;
        WebSocketOptions options = fastOptions();
        options.maxMessagesPerWindow = 5;
        options.rateWindowMs = 1000;
        WebSocketSession session(options);
        session.open(server.url());
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), WebSocketSession::State::Open, kWait);
        constexpr int kMessages = 12;
        for (int i = 0; i < kMessages; ++i)
            QVERIFY(session.sendText(QStringLiteral("m%1").arg(i)));
        QTRY_COMPARE_WITH_TIMEOUT(int(server.messages().size()), kMessages, kWait);
        const auto &got = server.messages();
        for (int i = 0; i < kMessages; ++i)
            QCOMPARE(got[i].text, QByteArray("m") + QByteArray::number(i)); // none lost, in order
        for (int i = 0; i + 5 < kMessages; ++i) {
            const qint64 gap = got[i + 5].atMs - got[i].atMs;
            QVERIFY2(gap >= 1000 - kMarginMs,
                     qPrintable(QStringLiteral("messages %1 and %2 only %3 ms apart").arg(i).arg(i + 5).arg(gap)));
        }
    }

    void halfWrittenFrameThenCloseLeadsToAReconnect()
    {
        FakeWebSocketServer server;
        WebSocketSession session(fastOptions());
        QSignalSpy textSpy(&session, &WebSocketSession::textMessageReceived);
        QSignalSpy disconnectedSpy(&session, &WebSocketSession::disconnected);
        session.setSubscriptions({QStringLiteral("SUB")});
        session.open(server.url());
        QTRY_COMPARE_WITH_TIMEOUT(server.messagesOn(1).size(), 1, kWait);
        server.sendHalfFrameAndClose();
        QTRY_COMPARE_WITH_TIMEOUT(server.messagesOn(2).size(), 1, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), WebSocketSession::State::Open, kWait);
        QCOMPARE(textSpy.size(), 0); // the cut-off frame never surfaces as a message
        QVERIFY(hasCode(disconnectedSpy, QStringLiteral("CONNECTION_LOST")));
        server.sendText("after");
        QTRY_COMPARE_WITH_TIMEOUT(textSpy.size(), 1, kWait);
        QCOMPARE(textSpy.front().at(0).toString(), QStringLiteral("after"));
    }

    void invalidFrameLeadsToAReconnect()
    {
        FakeWebSocketServer server;
        WebSocketSession session(fastOptions());
        QSignalSpy textSpy(&session, &WebSocketSession::textMessageReceived);
        session.open(server.url());
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), WebSocketSession::State::Open, kWait);
        server.sendInvalidFrame();
        QTRY_COMPARE_WITH_TIMEOUT(server.handshakes(), 2, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), WebSocketSession::State::Open, kWait);
        QCOMPARE(textSpy.size(), 0);
    }

    void oversizedMessageLeadsToAReconnect()
    {
        FakeWebSocketServer server;
        WebSocketOptions options = fastOptions();
        options.maxIncomingMessageBytes = 1024;
        WebSocketSession session(options);
        QSignalSpy textSpy(&session, &WebSocketSession::textMessageReceived);
        session.open(server.url());
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), WebSocketSession::State::Open, kWait);
        server.sendText(QByteArray(8 * 1024, 'x'));
        QTRY_COMPARE_WITH_TIMEOUT(server.handshakes(), 2, kWait);
        QCOMPARE(textSpy.size(), 0);
    }

    void stalledHandshakeTimesOutAndIsRetried()
    {
        FakeWebSocketServer server;
        server.setAnswerHandshake(false);
        WebSocketOptions options = fastOptions();
        options.connectTimeoutMs = 200;
        WebSocketSession session(options);
        QSignalSpy disconnectedSpy(&session, &WebSocketSession::disconnected);
        session.open(server.url());
        QTRY_VERIFY_WITH_TIMEOUT(disconnectedSpy.size() >= 2, kWait);
        for (const auto &args : disconnectedSpy)
            QCOMPARE(args.at(0).toString(), QStringLiteral("CONNECT_TIMEOUT"));
        QCOMPARE(session.counters().connects, quint64(0));
        session.close();
        QCOMPARE(session.state(), WebSocketSession::State::Idle);
    }
};

QTEST_GUILESS_MAIN(TestWebSocketFaults)
#include "test_websocketfaults.moc"
