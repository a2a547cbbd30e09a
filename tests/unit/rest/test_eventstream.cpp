// The WebSocket event stream on real sockets: a client that does not authenticate in time is
// closed; a signed-in client gets every event as typed JSON; a client that stops reading is
// dropped once it is too far behind, while a client that keeps up stays.
#include "adapters/rest/authservice.h"
#include "adapters/rest/eventstream.h"
#include "adapters/rest/userstore.h"
#include "tests/support/apiclient.h"
#include "tests/support/testsupport.h"

#include <QDateTime>
#include <QTest>
#include <QThread>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace adapters::rest;

class TestEventStream : public QObject {
    Q_OBJECT
    std::unique_ptr<UserStore> m_users;
    std::unique_ptr<AuthService> m_auth;
    std::unique_ptr<EventStream> m_stream;
    std::unique_ptr<QWebSocketServer> m_server;
    QString m_token;

    QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1%2").arg(m_server->serverPort()).arg(QLatin1String(EventStream::kPath))); }

private Q_SLOTS:
    void init()
    {
        const QString dir = testsupport::makeTempDir(QStringLiteral("memedesk-eventstream"));
        m_users = std::make_unique<UserStore>(dir + QStringLiteral("/users.sqlite"));
        QVERIFY(m_users->open().ok());
        QVERIFY(m_users->addUser(QStringLiteral("vic"), QStringLiteral("viewer"), QStringLiteral("a long password"), 0).ok());
        m_auth = std::make_unique<AuthService>(*m_users, QByteArray(32, 's'));
        const auto pair = m_auth->login(QStringLiteral("vic"), QStringLiteral("a long password"), QStringLiteral("test"), QDateTime::currentMSecsSinceEpoch());
        QVERIFY(pair.ok());
        m_token = pair->accessToken;
        ApiOptions options;
        options.webSocketAuthTimeoutMs = 300;
        options.webSocketMaxBufferedBytes = 256 * 1024;
        m_stream = std::make_unique<EventStream>(*m_auth, options);
        m_server = std::make_unique<QWebSocketServer>(QStringLiteral("test"), QWebSocketServer::NonSecureMode);
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
        connect(m_server.get(), &QWebSocketServer::newConnection, this, [this] {
            while (m_server->hasPendingConnections())
                m_stream->accept(m_server->nextPendingConnection());
        });
    }

    void cleanup()
    {
        m_stream.reset();
        m_server.reset();
        m_auth.reset();
        m_users.reset();
    }

    void silentClientsAreClosed()
    {
        testsupport::WsClient client;
        QVERIFY(client.open(url()));
        QCOMPARE(client.waitClosed(5000), 1008);
        QCOMPARE(m_stream->clientCount(), 0);
    }

    void signedInClientsGetEvents()
    {
        testsupport::WsClient client;
        QVERIFY(client.open(url()));
        client.send({{QStringLiteral("type"), QStringLiteral("auth")}, {QStringLiteral("token"), m_token}});
        QVERIFY(!client.waitFor([](const QJsonObject &m) { return m.value(QStringLiteral("type")) == QLatin1String("welcome"); }, 5000).isEmpty());
        engine::Signal signal;
        signal.symbol = QStringLiteral("PEPEUSDT");
        signal.action = QStringLiteral("BUY");
        m_stream->broadcast(signal);
        const QJsonObject got = client.waitFor([](const QJsonObject &m) { return m.value(QStringLiteral("type")) == QLatin1String("signal"); }, 5000);
        QCOMPARE(got.value(QStringLiteral("data")).toObject().value(QStringLiteral("symbol")).toString(), QStringLiteral("PEPEUSDT"));
        // Junk after signing in gets an error message, not a crash or a close.
        client.send({{QStringLiteral("type"), QStringLiteral("launch-missiles")}});
        QVERIFY(!client.waitFor([](const QJsonObject &m) { return m.value(QStringLiteral("type")) == QLatin1String("error"); }, 5000).isEmpty());
        QCOMPARE(m_stream->clientCount(), 1);
    }

    void aClientThatStopsReadingIsDropped()
    {
        // The stuck client lives on a thread of its own whose event loop the test then blocks.
        QThread stuckThread;
        stuckThread.start();
        QWebSocket *stuck = new QWebSocket;
        stuck->moveToThread(&stuckThread);
        std::atomic<bool> welcomed = false;
        connect(stuck, &QWebSocket::textMessageReceived, stuck, [&welcomed](const QString &m) {
            if (m.contains(QStringLiteral("welcome")))
                welcomed = true;
        });
        connect(stuck, &QWebSocket::connected, stuck, [stuck, this] {
            stuck->sendTextMessage(QStringLiteral("{\"type\":\"auth\",\"token\":\"%1\"}").arg(m_token));
        });
        QMetaObject::invokeMethod(stuck, [stuck, u = url()] { stuck->open(u); });
        QTRY_VERIFY_WITH_TIMEOUT(welcomed.load(), 10000);

        testsupport::WsClient healthy;
        QVERIFY(healthy.open(url()));
        healthy.send({{QStringLiteral("type"), QStringLiteral("auth")}, {QStringLiteral("token"), m_token}});
        QVERIFY(!healthy.waitFor([](const QJsonObject &m) { return m.value(QStringLiteral("type")) == QLatin1String("welcome"); }, 5000).isEmpty());
        QCOMPARE(m_stream->clientCount(), 2);

        std::atomic<bool> release = false;
        QMetaObject::invokeMethod(stuck, [&release] {
            while (!release.load())
                QThread::msleep(10);
        });
        engine::Signal signal;
        signal.symbol = QStringLiteral("PEPEUSDT");
        signal.explanation = QString(400, QLatin1Char('x'));
        for (int i = 0; i < 40000 && m_stream->droppedCount() == 0; ++i) {
            m_stream->broadcast(signal);
            if (i % 100 == 0)
                QCoreApplication::processEvents(); // events arrive paced, as the engine sends them
        }
        QCOMPARE(m_stream->droppedCount(), 1);
        QCOMPARE(m_stream->clientCount(), 1); // the one that keeps up stays
        healthy.send({{QStringLiteral("type"), QStringLiteral("ping")}});
        QVERIFY(!healthy.waitFor([](const QJsonObject &m) { return m.value(QStringLiteral("type")) == QLatin1String("pong"); }, 10000).isEmpty());
        release = true;
        QMetaObject::invokeMethod(stuck, [stuck] { stuck->deleteLater(); });
        stuckThread.quit();
        stuckThread.wait();
    }
};

QTEST_GUILESS_MAIN(TestEventStream)
#include "test_eventstream.moc"
