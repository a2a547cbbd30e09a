#pragma once
// A raw WebSocket server (RFC 6455) on 127.0.0.1 for the net tests. It speaks the protocol by
// hand on a QTcpServer so it can misbehave in ways a real server library will not: stop
// answering pings, write half a frame and close the TCP connection, send an invalid opcode,
// stall the opening handshake, or just drop clients. It records every message it receives
// with its own receive time. Header-only and without Q_OBJECT so test files can include it.

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <functional>
#include <memory>
#include <vector>

namespace nettest {

class FakeWebSocketServer {
public:
    struct Message {
        QByteArray text;
        qint64 atMs = 0;     // server clock
        int connection = 0;  // 1 = first accepted handshake
    };

    FakeWebSocketServer()
    {
        m_clock.start();
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] { accept(); });
        m_listening = m_server.listen(QHostAddress::LocalHost, 0);
    }
    ~FakeWebSocketServer()
    {
        for (auto &c : m_clients)
            if (c->socket)
                c->socket->abort();
    }

    bool isListening() const { return m_listening; }
    QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_server.serverPort())); }
    qint64 nowMs() const { return m_clock.elapsed(); }

    void setAnswerPings(bool on) { m_answerPings = on; }
    void setAnswerHandshake(bool on) { m_answerHandshake = on; }

    int handshakes() const { return m_handshakes; }
    int pingsReceived() const { return m_pings; }
    int openClients() const
    {
        int n = 0;
        for (const auto &c : m_clients)
            n += c->socket && c->open && c->socket->state() == QAbstractSocket::ConnectedState ? 1 : 0;
        return n;
    }
    const std::vector<Message> &messages() const { return m_messages; }
    QList<QByteArray> messagesOn(int connection) const
    {
        QList<QByteArray> out;
        for (const Message &m : m_messages)
            if (m.connection == connection)
                out << m.text;
        return out;
    }

    void sendText(const QByteArray &text) { forEachOpen([&](QTcpSocket *s) { s->write(frame(0x1, text)); }); }
    //! Sends to one connection (its handshake number); false when it is gone.
    bool sendTextTo(int connection, const QByteArray &text)
    {
        for (auto &c : m_clients) {
            if (c->socket && c->open && c->index == connection) {
                c->socket->write(frame(0x1, text));
                return true;
            }
        }
        return false;
    }
    //! Called with every complete text message (after it is recorded): a server that answers.
    std::function<void(int connection, const QByteArray &text)> onMessage;
    //! Closes every TCP connection without a close frame.
    void dropClients() { forEachOpen([](QTcpSocket *s) { s->abort(); }); }
    //! A text frame whose header announces 1000 bytes, only 10 of them, then the TCP close.
    void sendHalfFrameAndClose()
    {
        forEachOpen([](QTcpSocket *s) {
            QByteArray partial;
            partial.append(char(0x81)).append(char(126)).append(char(1000 >> 8)).append(char(1000 & 0xff));
            partial.append(QByteArray(10, 'x'));
            s->write(partial);
            s->flush();
            s->disconnectFromHost();
        });
    }
    //! A frame with a reserved opcode (0x3), which a client must treat as a protocol error.
    void sendInvalidFrame() { forEachOpen([](QTcpSocket *s) { s->write(frame(0x3, "bad")); }); }

    static QByteArray frame(int opcode, const QByteArray &payload)
    {
        QByteArray f;
        f.append(char(0x80 | opcode));
        const qsizetype n = payload.size();
        if (n < 126) {
            f.append(char(n));
        } else if (n < 65536) {
            f.append(char(126)).append(char((n >> 8) & 0xff)).append(char(n & 0xff));
        } else {
            f.append(char(127));
            for (int i = 7; i >= 0; --i)
                f.append(char((quint64(n) >> (8 * i)) & 0xff));
        }
        return f + payload;
    }

private:
    struct Client {
        QTcpSocket *socket = nullptr;
        QByteArray buffer;
        bool open = false;
        int index = 0;
        QByteArray fragments; // text of an unfinished fragmented message
    };

    template <typename F>
    void forEachOpen(F f)
    {
        for (auto &c : m_clients)
            if (c->socket && c->open)
                f(c->socket);
    }

    void accept()
    {
        while (QTcpSocket *s = m_server.nextPendingConnection()) {
            s->setParent(&m_server);
            s->setSocketOption(QAbstractSocket::LowDelayOption, 1); // as servers do: no Nagle delay on small frames
            auto client = std::make_shared<Client>();
            client->socket = s;
            m_clients.push_back(client);
            QObject::connect(s, &QTcpSocket::readyRead, s, [this, client] {
                client->buffer.append(client->socket->readAll());
                client->open ? readFrames(*client) : readHandshake(*client);
            });
            QObject::connect(s, &QTcpSocket::disconnected, s, [client] {
                client->socket->deleteLater();
                client->socket = nullptr;
            });
        }
    }

    void readHandshake(Client &c)
    {
        const int end = c.buffer.indexOf("\r\n\r\n");
        if (end < 0 || !m_answerHandshake)
            return;
        QByteArray key;
        for (const QByteArray &line : c.buffer.left(end).split('\n')) {
            const int colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().compare("Sec-WebSocket-Key", Qt::CaseInsensitive) == 0)
                key = line.mid(colon + 1).trimmed();
        }
        c.buffer.remove(0, end + 4);
        const QByteArray accept =
            QCryptographicHash::hash(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11", QCryptographicHash::Sha1).toBase64();
        c.socket->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        "Sec-WebSocket-Accept: " + accept + "\r\n\r\n");
        c.open = true;
        c.index = ++m_handshakes;
        readFrames(c);
    }

    // Client frames are always masked (RFC 6455 5.3).
    void readFrames(Client &c)
    {
        for (;;) {
            const QByteArray &b = c.buffer;
            if (b.size() < 2)
                return;
            const int opcode = b[0] & 0x0f;
            const bool fin = (b[0] & 0x80) != 0;
            quint64 len = quint8(b[1]) & 0x7f;
            qsizetype pos = 2;
            if (len == 126) {
                if (b.size() < 4)
                    return;
                len = (quint64(quint8(b[2])) << 8) | quint8(b[3]);
                pos = 4;
            } else if (len == 127) {
                if (b.size() < 10)
                    return;
                len = 0;
                for (int i = 0; i < 8; ++i)
                    len = (len << 8) | quint8(b[2 + i]);
                pos = 10;
            }
            if (quint64(b.size()) < pos + 4 + len)
                return;
            const QByteArray mask = b.mid(pos, 4);
            QByteArray payload = b.mid(pos + 4, qsizetype(len));
            for (qsizetype i = 0; i < payload.size(); ++i)
                payload[i] = char(payload[i] ^ mask[i % 4]);
            c.buffer.remove(0, pos + 4 + qsizetype(len));
            handleFrame(c, opcode, fin, payload);
            if (!c.socket)
                return;
        }
    }

    void handleFrame(Client &c, int opcode, bool fin, const QByteArray &payload)
    {
        switch (opcode) {
        case 0x0: // continuation
        case 0x1: // text
            c.fragments += payload;
            if (fin) {
                m_messages.push_back({c.fragments, nowMs(), c.index});
                const QByteArray text = c.fragments;
                c.fragments.clear();
                if (onMessage)
                    onMessage(c.index, text);
            }
            break;
        case 0x8: // close: answer and hang up
            c.socket->write(frame(0x8, payload.left(2)));
            c.socket->disconnectFromHost();
            break;
        case 0x9: // ping
            ++m_pings;
            if (m_answerPings)
                c.socket->write(frame(0xA, payload));
            break;
        default:
            break;
        }
    }

    QTcpServer m_server;
    QElapsedTimer m_clock;
    bool m_listening = false;
    bool m_answerPings = true;
    bool m_answerHandshake = true;
    int m_handshakes = 0;
    int m_pings = 0;
    std::vector<std::shared_ptr<Client>> m_clients;
    std::vector<Message> m_messages;
};


} // namespace nettest
