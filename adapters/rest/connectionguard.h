#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace adapters::rest {

//! Limits on the connections the API accepts, applied below the HTTP parser so that no client can
//! make the server buffer a huge request, hold a connection forever, or use up the descriptors.
struct ConnectionLimits {
    int maxConnections = 2000;         // at capacity, the connection idle longest makes room
    qint64 maxRequestBytes = 1 << 20;  // headers + body of one request (413 beyond)
    int maxHeaderBytes = 16 * 1024;    // before the blank line (431 beyond)
    int idleTimeoutMs = 60'000;        // a connection that sends nothing for this long is closed
};

//! Watches every accepted socket until it is upgraded to a WebSocket or closes. It sees each
//! readyRead before the HTTP parser does (it connects first), counts the bytes of the request in
//! progress and answers 413/431 and closes when a request is too large, without letting the parser
//! read it. Counting restarts when the server hands a complete request to the API
//! (requestComplete), so keep-alive and pipelined requests are measured one by one.
class ConnectionGuard final : public QObject {
    Q_OBJECT
public:
    explicit ConnectionGuard(ConnectionLimits limits, QObject *parent = nullptr);

    //! Starts watching a freshly accepted socket (call before the HTTP server sees it).
    void attach(QTcpSocket *socket);
    //! The server parsed a complete request on `socket`.
    void requestComplete(QTcpSocket *socket);
    //! `socket` became a WebSocket: its own protocol limits apply from now on.
    void release(QTcpSocket *socket);

    [[nodiscard]] int connectionCount() const { return int(m_sockets.size()); }
    [[nodiscard]] qint64 rejectedCount() const { return m_rejected; }

private:
    struct Watch {
        qint64 pendingBytes = 0;
        qint64 lastActivityMs = 0;
        bool headerChecked = false;
    };
    void onReadyRead(QTcpSocket *socket);
    void refuse(QTcpSocket *socket, int status, const QByteArray &code, const QByteArray &message);
    void sweepIdle();
    void evictIdlest();
    //! Reads the declared Content-Length of the request starting at the front of the buffer;
    //! -1 when the headers are not complete yet, -2 when they are over the limit.
    [[nodiscard]] qint64 declaredLength(QTcpSocket *socket) const;

    ConnectionLimits m_limits;
    QHash<QTcpSocket *, Watch> m_sockets;
    QElapsedTimer m_clock;
    QTimer m_sweep;
    qint64 m_rejected = 0;
};

} // namespace adapters::rest
