// WebSocketSession against local servers: it connects and receives, re-sends its
// subscriptions after every reconnect, queues messages while disconnected, reconnects
// proactively at its maximum lifetime, and stays closed after close().
#include "tests/unit/net/fakewebsocketserver.h"
#include "tests/unit/net/nettestsupport.h"

#include "adapters/net/websocketsession.h"

#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace adapters::net;
using nettest::fastOptions;
using nettest::FakeWebSocketServer;

namespace {

constexpr int kWait = 10'000;


QStringList codes(const QSignalSpy &spy)
{
    QStringList out;
    for (const auto &args : spy)
        out << args.at(0).toString();
    return out;
}

} // namespace

class TestWebSocketSession : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void connectsReceivesAndSubscribesWithARealServer()
    {
        // Qt's own server implementation, so the session is checked against more than our fake.
        QWebSocketServer server(QStringLiteral("test"), QWebSocketServer::NonSecureMode);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        QStringList received;
        QList<QWebSocket *> clients;
        connect(&server, &QWebSocketServer::newConnection, this, [&] {
            QWebSocket *c = server.nextPendingConnection();
            clients << c;
            connect(c, &QWebSocket::textMessageReceived, this, [&received](const QString &m) { received << m; });
        });

        WebSocketSession session(fastOptions());
        QSignalSpy connectedSpy(&session, &WebSocketSession::connected);
        QStringList incoming;
        connect(&session, &WebSocketSession::textMessageReceived, this, [&](const QString &m) { incoming << m; });
        session.setSubscriptions({QStringLiteral(R"({"method":"SUBSCRIBE","params":["pepeusdt@trade"],"id":1})")});
        session.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(server.serverPort())));
        QTRY_COMPARE_WITH_TIMEOUT(connectedSpy.size(), 1, kWait);
        QCOMPARE(session.state(), WebSocketSession::State::Open);
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, kWait);
        QVERIFY(received.front().contains(u"pepeusdt@trade"));

        clients.front()->sendTextMessage(QStringLiteral(R"({"e":"trade","s":"PEPEUSDT","p":"0.0000123"})"));
        QTRY_COMPARE_WITH_TIMEOUT(incoming.size(), 1, kWait);
        QVERIFY(incoming.front().contains(u"PEPEUSDT"));
        QVERIFY(session.sendText(QStringLiteral("hello")));
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 2, kWait);
        QCOMPARE(received.back(), QStringLiteral("hello"));
        QCOMPARE(session.counters().messagesIn, quint64(1));
        QCOMPARE(session.counters().messagesOut, quint64(2));
    }

    void reconnectsAfterAServerDropAndResubscribes()
    {
        FakeWebSocketServer server;
        QVERIFY(server.isListening());
        WebSocketSession session(fastOptions());
        QSignalSpy disconnectedSpy(&session, &WebSocketSession::disconnected);
        session.setSubscriptions({QStringLiteral("SUB-A")});
        session.addSubscription(QStringLiteral("SUB-B"));
        session.setSubscriptionProvider([] { return QStringList{QStringLiteral("PROVIDED")}; });
        session.open(server.url());
        QTRY_COMPARE_WITH_TIMEOUT(server.messagesOn(1).size(), 3, kWait);
        QCOMPARE(server.messagesOn(1), (QList<QByteArray>{"SUB-A", "SUB-B", "PROVIDED"}));

        server.dropClients();
        QTRY_COMPARE_WITH_TIMEOUT(server.messagesOn(2).size(), 3, kWait);
        QCOMPARE(server.messagesOn(2), (QList<QByteArray>{"SUB-A", "SUB-B", "PROVIDED"}));
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), WebSocketSession::State::Open, kWait);
        QCOMPARE(codes(disconnectedSpy), QStringList{QStringLiteral("CONNECTION_LOST")});
        QCOMPARE(session.counters().connects, quint64(2));

        // A subscription removed is not re-sent on the next connection.
        session.removeSubscription(QStringLiteral("SUB-B"));
        server.dropClients();
        QTRY_COMPARE_WITH_TIMEOUT(server.messagesOn(3).size(), 2, kWait);
        QCOMPARE(server.messagesOn(3), (QList<QByteArray>{"SUB-A", "PROVIDED"}));
    }

    void subscriptionsLeftOverFromALostConnectionAreNotSentTwice()
    {
        FakeWebSocketServer server;
        WebSocketOptions options = fastOptions();
        options.maxMessagesPerWindow = 2;
        options.rateWindowMs = 500;
        WebSocketSession session(options);
        session.setSubscriptions({QStringLiteral("SUB-A"), QStringLiteral("SUB-B"), QStringLiteral("SUB-C")});
        session.open(server.url());
        QTRY_COMPARE_WITH_TIMEOUT(server.messagesOn(1).size(), 2, kWait); // SUB-C waits for the rate
        server.dropClients();
        QTRY_COMPARE_WITH_TIMEOUT(server.messagesOn(2).size(), 3, kWait);
        QTest::qWait(600); // one more rate window: a leftover SUB-C would arrive here
        QCOMPARE(server.messagesOn(2), (QList<QByteArray>{"SUB-A", "SUB-B", "SUB-C"}));
    }

    void invalidUrlIsReportedAndNotRetried()
    {
        WebSocketSession session(fastOptions());
        QSignalSpy disconnectedSpy(&session, &WebSocketSession::disconnected);
        session.open(QUrl(QStringLiteral("http://127.0.0.1/ws")));
        QCOMPARE(disconnectedSpy.size(), 1);
        QCOMPARE(disconnectedSpy.front().at(0).toString(), QStringLiteral("INVALID_URL"));
        QCOMPARE(session.state(), WebSocketSession::State::Idle);
    }

    void messagesSentWhileDisconnectedWaitForTheConnection()
    {
        FakeWebSocketServer server;
        WebSocketSession session(fastOptions());
        session.setSubscriptions({QStringLiteral("SUB")});
        QVERIFY(session.sendText(QStringLiteral("early-1")));
        QVERIFY(session.sendText(QStringLiteral("early-2")));
        QCOMPARE(session.queuedMessages(), 2);
        session.open(server.url());
        QTRY_COMPARE_WITH_TIMEOUT(server.messagesOn(1).size(), 3, kWait);
        QCOMPARE(server.messagesOn(1), (QList<QByteArray>{"SUB", "early-1", "early-2"}));
        QCOMPARE(session.queuedMessages(), 0);
    }

    void fullQueueRefusesInsteadOfDropping()
    {
        WebSocketOptions options = fastOptions();
        options.maxQueuedMessages = 3;
        WebSocketSession session(options);
        for (int i = 0; i < 3; ++i)
            QVERIFY(session.sendText(QStringLiteral("m%1").arg(i)));
        QVERIFY(!session.sendText(QStringLiteral("one too many")));
        QCOMPARE(session.queuedMessages(), 3);
    }

    void maxLifetimeReconnectsProactively()
    {
        FakeWebSocketServer server;
        WebSocketOptions options = fastOptions();
        options.maxLifetimeMs = 300;
        WebSocketSession session(options);
        QSignalSpy disconnectedSpy(&session, &WebSocketSession::disconnected);
        session.setSubscriptions({QStringLiteral("SUB")});
        session.open(server.url());
        QTRY_VERIFY_WITH_TIMEOUT(server.messagesOn(2).size() == 1, kWait);
        QVERIFY(!disconnectedSpy.isEmpty());
        QCOMPARE(disconnectedSpy.front().at(0).toString(), QStringLiteral("MAX_LIFETIME"));
        session.close();
    }

    void closeStopsReconnecting()
    {
        FakeWebSocketServer server;
        WebSocketSession session(fastOptions());
        QSignalSpy stateSpy(&session, &WebSocketSession::stateChanged);
        session.open(server.url());
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), WebSocketSession::State::Open, kWait);
        session.close();
        QCOMPARE(session.state(), WebSocketSession::State::Idle);
        QTest::qWait(300); // a reconnect would have happened well within this
        QCOMPARE(server.handshakes(), 1);
        QCOMPARE(session.state(), WebSocketSession::State::Idle);
        QVERIFY(stateSpy.size() >= 3); // Connecting, Open, Idle
    }

    void refusedConnectionKeepsRetryingWithBackoff()
    {
        WebSocketSession session(fastOptions());
        QSignalSpy disconnectedSpy(&session, &WebSocketSession::disconnected);
        session.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(nettest::closedPort())));
        QTRY_VERIFY_WITH_TIMEOUT(disconnectedSpy.size() >= 3, kWait);
        for (const QString &code : codes(disconnectedSpy))
            QCOMPARE(code, QStringLiteral("CONNECT_FAILED"));
        session.close();
        QCOMPARE(session.state(), WebSocketSession::State::Idle);
    }
};

QTEST_GUILESS_MAIN(TestWebSocketSession)
#include "test_websocketsession.moc"
