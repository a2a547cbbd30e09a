// The HTTP layer under the API with real sockets on 127.0.0.1 and small limits: keep-alive and
// pipelined requests are answered in order; a body or headers over the limit get 413/431 before
// the parser buffers them; idle connections are closed; at capacity the idlest connection makes
// room, so a client that talks is always served; an answer sent after the client left is dropped.
#include "adapters/rest/httpserver.h"

#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <memory>
#include <vector>

using adapters::rest::ConnectionLimits;
using adapters::rest::HttpRequest;
using adapters::rest::HttpResponder;
using adapters::rest::HttpResponse;
using adapters::rest::HttpServer;

namespace {

ConnectionLimits smallLimits()
{
    ConnectionLimits limits;
    limits.maxConnections = 20;
    limits.maxRequestBytes = 1000;
    limits.maxHeaderBytes = 512;
    limits.idleTimeoutMs = 400;
    return limits;
}

//! Sends raw bytes and collects what comes back until `responses` answers arrived or the socket closed.
QByteArray exchange(quint16 port, const QByteArray &request, int responses = 1, int timeoutMs = 5000)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(3000))
        return {};
    socket.write(request);
    QByteArray answer;
    (void)QTest::qWaitFor([&] {
        answer += socket.readAll();
        return answer.count("HTTP/1.1 ") >= responses || socket.state() != QAbstractSocket::ConnectedState;
    }, timeoutMs);
    answer += socket.readAll();
    return answer;
}

} // namespace

class TestHttpServer : public QObject {
    Q_OBJECT
    std::unique_ptr<HttpServer> m_server;
    quint16 m_port = 0;
    QList<HttpRequest> m_seen;
    std::optional<HttpResponder> m_parked; // answered later by the test

private Q_SLOTS:
    void init()
    {
        m_seen.clear();
        m_parked.reset();
        m_server = std::make_unique<HttpServer>(
            [this](const HttpRequest &request, const HttpResponder &responder) {
                m_seen.append(request);
                if (request.path == QLatin1String("/later")) {
                    m_parked = responder;
                    return;
                }
                responder.send(HttpResponse::json(200, QJsonObject{{QStringLiteral("path"), request.path},
                                                                   {QStringLiteral("bytes"), qint64(request.body.size())}}));
            },
            smallLimits());
        const auto port = m_server->start(QHostAddress::LocalHost, 0, nullptr);
        QVERIFY(port.ok());
        m_port = port.value();
    }

    void cleanup() { m_server.reset(); }

    void answersKeepAliveAndPipelinedRequestsInOrder()
    {
        const QByteArray answer = exchange(m_port,
                                           "GET /a HTTP/1.1\r\nHost: x\r\n\r\n"
                                           "POST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
                                           "GET /c?q=1 HTTP/1.1\r\nHost: x\r\nX-Name: Value\r\n\r\n",
                                           3);
        QCOMPARE(answer.count("HTTP/1.1 200"), 3);
        QVERIFY(answer.indexOf("\"/a\"") < answer.indexOf("\"/b\"") && answer.indexOf("\"/b\"") < answer.indexOf("\"/c\""));
        QVERIFY(answer.contains("\"bytes\":5"));
        QVERIFY(answer.contains("Cache-Control: no-store") && answer.contains("X-Content-Type-Options: nosniff"));
        QCOMPARE(m_seen.size(), 3);
        QCOMPARE(m_seen[2].header("x-name"), QByteArray("Value")); // names lower-cased
        QCOMPARE(m_seen[2].query.queryItemValue(QStringLiteral("q")), QStringLiteral("1"));
        QCOMPARE(m_seen[0].client, QStringLiteral("127.0.0.1"));
    }

    void refusesLargeBodiesBeforeBufferingThem()
    {
        // Declared too large: refused on the headers alone.
        const QByteArray declared = exchange(m_port, "POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 50000000\r\n\r\nabc");
        QVERIFY2(declared.startsWith("HTTP/1.1 413"), declared.constData());
        QVERIFY(declared.contains("BODY_TOO_LARGE"));
        // Sent without a length (chunked): refused once the bytes pass the limit.
        QByteArray chunked = "POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
        for (int i = 0; i < 40; ++i)
            chunked += "40\r\n" + QByteArray(64, 'z') + "\r\n";
        const QByteArray streamed = exchange(m_port, chunked);
        QVERIFY2(streamed.startsWith("HTTP/1.1 413"), streamed.constData());
        QVERIFY(m_seen.isEmpty());
        // Just under the limit is fine.
        const QByteArray fits = exchange(m_port, "POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 900\r\n\r\n" + QByteArray(900, 'a'));
        QVERIFY2(fits.startsWith("HTTP/1.1 200"), fits.constData());
    }

    void refusesHugeHeaders()
    {
        const QByteArray answer = exchange(m_port, "GET /x HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(2000, 'h') + "\r\n\r\n");
        QVERIFY2(answer.startsWith("HTTP/1.1 431"), answer.constData());
        QVERIFY(m_seen.isEmpty());
    }

    void closesIdleConnections()
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        QVERIFY(socket.waitForConnected(3000));
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
    }

    void theIdlestMakesRoomAtCapacity()
    {
        std::vector<std::unique_ptr<QTcpSocket>> idle;
        for (int i = 0; i < 60; ++i) {
            auto socket = std::make_unique<QTcpSocket>();
            socket->connectToHost(QHostAddress::LocalHost, m_port);
            idle.push_back(std::move(socket));
            QTest::qWait(5); // the server accepts as they come (same thread)
        }
        QTest::qWait(200);
        QVERIFY(m_server->guard().connectionCount() <= 20);
        const QByteArray answer = exchange(m_port, "GET /served HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
        QVERIFY(m_server->guard().rejectedCount() >= 40);
    }

    void answersAfterTheClientLeftAreDropped()
    {
        {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, m_port);
            QVERIFY(socket.waitForConnected(3000));
            socket.write("GET /later HTTP/1.1\r\nHost: x\r\n\r\n");
            QTRY_VERIFY(m_parked.has_value());
            socket.abort();
        }
        QTest::qWait(200);
        m_parked->send(HttpResponse::json(200, QJsonObject{})); // the socket is gone: nothing happens
        QVERIFY(m_parked->sent());
        m_parked->send(HttpResponse::json(500, QJsonObject{})); // a second answer is ignored
    }

    void listenErrorsAreClear()
    {
        HttpServer second([](const HttpRequest &, const HttpResponder &) {}, smallLimits());
        const auto taken = second.start(QHostAddress::LocalHost, m_port, nullptr);
        QVERIFY(!taken.ok());
        QCOMPARE(taken.error().code, QStringLiteral("API_LISTEN_FAILED"));
        const adapters::rest::TlsFiles missing{QStringLiteral("/nonexistent/cert.pem"), QStringLiteral("/nonexistent/key.pem")};
        const auto tls = second.start(QHostAddress::LocalHost, 0, &missing);
        QVERIFY(!tls.ok());
        QCOMPARE(tls.error().code, QStringLiteral("API_TLS_INVALID"));
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "test_httpserver.moc"
