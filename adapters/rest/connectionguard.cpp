#include "adapters/rest/connectionguard.h"

#include <QTcpSocket>

#include <algorithm>

namespace adapters::rest {

ConnectionGuard::ConnectionGuard(ConnectionLimits limits, QObject *parent) : QObject(parent), m_limits(limits)
{
    m_clock.start();
    m_sweep.setInterval(std::clamp(m_limits.idleTimeoutMs / 4, 50, 1000));
    connect(&m_sweep, &QTimer::timeout, this, &ConnectionGuard::sweepIdle);
    m_sweep.start();
}

void ConnectionGuard::attach(QTcpSocket *socket)
{
    if (m_sockets.size() >= m_limits.maxConnections)
        evictIdlest();
    m_sockets.insert(socket, Watch{0, m_clock.elapsed(), false});
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
    connect(socket, &QTcpSocket::bytesWritten, this, [this, socket] {
        if (const auto it = m_sockets.find(socket); it != m_sockets.end())
            it->lastActivityMs = m_clock.elapsed();
    });
    connect(socket, &QObject::destroyed, this, [this, socket] { m_sockets.remove(socket); });
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] { m_sockets.remove(socket); });
}

void ConnectionGuard::requestComplete(QTcpSocket *socket)
{
    if (const auto it = m_sockets.find(socket); it != m_sockets.end()) {
        it->pendingBytes = 0;
        it->headerChecked = false;
    }
}

void ConnectionGuard::release(QTcpSocket *socket)
{
    m_sockets.remove(socket);
    disconnect(socket, nullptr, this, nullptr);
}

qint64 ConnectionGuard::declaredLength(QTcpSocket *socket) const
{
    const QByteArray head = socket->peek(m_limits.maxHeaderBytes + 4);
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0)
        return head.size() > m_limits.maxHeaderBytes ? -2 : -1;
    qint64 length = 0;
    for (const QByteArray &line : head.left(end).split('\n')) {
        const QByteArray trimmed = line.trimmed();
        const qsizetype colon = trimmed.indexOf(':');
        if (colon > 0 && trimmed.left(colon).trimmed().compare("content-length", Qt::CaseInsensitive) == 0) {
            bool ok = false;
            const qint64 value = trimmed.mid(colon + 1).trimmed().toLongLong(&ok);
            length = ok && value >= 0 ? value : std::numeric_limits<qint64>::max();
        }
    }
    return length;
}

void ConnectionGuard::onReadyRead(QTcpSocket *socket)
{
    const auto it = m_sockets.find(socket);
    if (it == m_sockets.end() || !socket->isOpen())
        return;
    it->lastActivityMs = m_clock.elapsed();
    it->pendingBytes += socket->bytesAvailable();
    if (!it->headerChecked) {
        const qint64 length = declaredLength(socket);
        if (length == -2)
            return refuse(socket, 431, "HEADERS_TOO_LARGE", "request headers are over the limit");
        if (length >= 0) {
            it->headerChecked = true;
            if (length > m_limits.maxRequestBytes)
                return refuse(socket, 413, "BODY_TOO_LARGE", "request body is over the limit");
        }
    }
    if (it->pendingBytes > m_limits.maxRequestBytes + m_limits.maxHeaderBytes)
        refuse(socket, 413, "BODY_TOO_LARGE", "request body is over the limit");
}

void ConnectionGuard::refuse(QTcpSocket *socket, int status, const QByteArray &code, const QByteArray &message)
{
    ++m_rejected;
    release(socket);
    // Drop what arrived so the parser never buffers it, answer in the API's error shape, and close.
    socket->read(socket->bytesAvailable());
    const QByteArray body = "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}";
    const QByteArray reason = status == 413 ? "Payload Too Large" : "Request Header Fields Too Large";
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
                  "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
                  QByteArray::number(body.size()) + "\r\n\r\n" + body);
    socket->disconnectFromHost();
}

void ConnectionGuard::sweepIdle()
{
    const qint64 cutoff = m_clock.elapsed() - m_limits.idleTimeoutMs;
    QList<QTcpSocket *> idle;
    for (auto it = m_sockets.cbegin(); it != m_sockets.cend(); ++it) {
        if (it->lastActivityMs < cutoff)
            idle.append(it.key());
    }
    for (QTcpSocket *socket : idle) {
        release(socket);
        socket->abort();
    }
}

void ConnectionGuard::evictIdlest()
{
    auto idlest = m_sockets.end();
    for (auto it = m_sockets.begin(); it != m_sockets.end(); ++it) {
        if (idlest == m_sockets.end() || it->lastActivityMs < idlest->lastActivityMs)
            idlest = it;
    }
    if (idlest == m_sockets.end())
        return;
    QTcpSocket *socket = idlest.key();
    ++m_rejected;
    release(socket);
    socket->abort();
}

} // namespace adapters::rest
