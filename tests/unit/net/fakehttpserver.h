#pragma once
// A misbehaving HTTP/1.1 server on 127.0.0.1 for the net tests: it answers, drops the
// connection, or stalls, as the test's handler decides per request, and records every request
// with its own receive time. Header-only and without Q_OBJECT so each test file can include it.

#include <QElapsedTimer>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <functional>
#include <utility>
#include <vector>

namespace nettest {

struct ReceivedRequest {
    QByteArray method;
    QByteArray path;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    qint64 atMs = 0; // server clock (FakeHttpServer::nowMs)
    qint64 atNs = 0; // the same clock in nanoseconds (latency measurements)

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[k, v] : headers)
            if (k.compare(name, Qt::CaseInsensitive) == 0)
                return v;
        return {};
    }
};

struct ServerReply {
    enum class Kind { Respond, Drop, Stall };
    Kind kind = Kind::Respond;
    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    static ServerReply ok(QByteArray body = "{}") { return {Kind::Respond, 200, {}, std::move(body)}; }
    static ServerReply answer(int code, QByteArray body = "{}", QList<std::pair<QByteArray, QByteArray>> headers = {})
    {
        return {Kind::Respond, code, std::move(headers), std::move(body)};
    }
    static ServerReply drop() { return {Kind::Drop, 0, {}, {}}; }   // close right after reading the request
    static ServerReply stall() { return {Kind::Stall, 0, {}, {}}; } // never answer
};

class FakeHttpServer {
public:
    using Handler = std::function<ServerReply(const ReceivedRequest &, int index)>;

    FakeHttpServer()
    {
        m_clock.start();
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] { accept(); });
        m_listening = m_server.listen(QHostAddress::LocalHost, 0);
    }
    ~FakeHttpServer()
    {
        for (QTcpSocket *s : m_server.findChildren<QTcpSocket *>())
            s->abort();
    }

    bool isListening() const { return m_listening; }
    QUrl url(const QString &path = QStringLiteral("/")) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
    }
    void setHandler(Handler h) { m_handler = std::move(h); }
    const std::vector<ReceivedRequest> &requests() const { return m_requests; }
    int count() const { return static_cast<int>(m_requests.size()); }
    qint64 nowMs() const { return m_clock.elapsed(); }
    qint64 nowNs() const { return m_clock.nsecsElapsed(); }

private:
    void accept()
    {
        while (QTcpSocket *s = m_server.nextPendingConnection()) {
            s->setParent(&m_server);
            auto *buffer = new QByteArray;
            QObject::connect(s, &QTcpSocket::readyRead, s, [this, s, buffer] {
                buffer->append(s->readAll());
                drain(s, *buffer);
            });
            QObject::connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            QObject::connect(s, &QObject::destroyed, [buffer] { delete buffer; });
        }
    }

    // Handles every complete request in the buffer (keep-alive: several per connection).
    void drain(QTcpSocket *s, QByteArray &buffer)
    {
        for (;;) {
            const int end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QList<QByteArray> lines = buffer.left(end).split('\n');
            ReceivedRequest req;
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            req.method = first.value(0);
            req.path = first.value(1);
            qsizetype length = 0;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines[i].trimmed();
                const int colon = line.indexOf(':');
                if (colon <= 0)
                    continue;
                req.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
                if (line.left(colon).trimmed().compare("Content-Length", Qt::CaseInsensitive) == 0)
                    length = line.mid(colon + 1).trimmed().toLongLong();
            }
            if (buffer.size() < end + 4 + length)
                return; // body not complete yet
            req.body = buffer.mid(end + 4, length);
            buffer.remove(0, end + 4 + length);
            req.atMs = nowMs();
            req.atNs = nowNs();
            m_requests.push_back(req);
            const ServerReply reply = m_handler ? m_handler(req, count() - 1) : ServerReply::ok();
            switch (reply.kind) {
            case ServerReply::Kind::Drop:
                s->abort();
                return;
            case ServerReply::Kind::Stall:
                continue;
            case ServerReply::Kind::Respond:
                s->write(render(reply));
                break;
            }
        }
    }

    static QByteArray render(const ServerReply &r)
    {
        QByteArray out = "HTTP/1.1 " + QByteArray::number(r.status) + " Status\r\n";
        out += "Content-Length: " + QByteArray::number(r.body.size()) + "\r\n";
        out += "Content-Type: application/json\r\n";
        for (const auto &[k, v] : r.headers)
            out += k + ": " + v + "\r\n";
        out += "\r\n" + r.body;
        return out;
    }

    QTcpServer m_server;
    QElapsedTimer m_clock;
    bool m_listening = false;
    Handler m_handler;
    std::vector<ReceivedRequest> m_requests;
};


} // namespace nettest
