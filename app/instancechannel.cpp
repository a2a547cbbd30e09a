#include "app/instancechannel.h"

#include <QCryptographicHash>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>

namespace app {

namespace {
const QByteArray kShow = QByteArrayLiteral("show\n");
const QByteArray kShown = QByteArrayLiteral("shown\n");
} // namespace

InstanceChannel::InstanceChannel(QObject *parent)
    : QObject(parent)
{
}

InstanceChannel::~InstanceChannel() = default;

QString InstanceChannel::serverName(const QString &dataDir)
{
    const QByteArray key = QDir(dataDir).absolutePath().toUtf8();
    return QStringLiteral("memedesk-%1")
        .arg(QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(24)));
}

bool InstanceChannel::listen(const QString &dataDir)
{
    const QString name = serverName(dataDir);
    // We hold the folder's lock, so a socket left by a crashed instance is stale.
    QLocalServer::removeServer(name);
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
                // Anything but the one short request is ignored: the socket is the user's own.
                if (socket->bytesAvailable() > 64) {
                    socket->abort();
                    return;
                }
                if (socket->readAll() == kShow) {
                    Q_EMIT showRequested();
                    socket->write(kShown);
                    socket->flush();
                }
                socket->disconnectFromServer();
            });
        }
    });
    return m_server->listen(name);
}

bool InstanceChannel::askToShow(const QString &dataDir, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(serverName(dataDir));
    if (!socket.waitForConnected(timeoutMs))
        return false;
    socket.write(kShow);
    if (!socket.waitForBytesWritten(timeoutMs) || !socket.waitForReadyRead(timeoutMs))
        return false;
    return socket.readAll() == kShown;
}

} // namespace app
