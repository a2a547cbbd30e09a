#include "adapters/net/websocketsession.h"

#include "adapters/net/netlog.h"

#include <QNetworkRequest>
#include <QWebSocket>

#include <algorithm>
#include <climits>

namespace adapters::net {

namespace {

void setUpSingleShot(QTimer &timer)
{
    timer.setSingleShot(true);
    timer.setTimerType(Qt::PreciseTimer);
}

int toInterval(qint64 ms)
{
    return static_cast<int>(std::clamp<qint64>(ms, 0, INT_MAX));
}

} // namespace

WebSocketSession::WebSocketSession(WebSocketOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_backoff(m_options.reconnectBackoff, m_options.random)
    , m_pacer(m_options.maxMessagesPerWindow, m_options.rateWindowMs, m_options.maxQueuedMessages)
{
    m_clock.start();
    for (QTimer *t : {&m_connectDeadline, &m_pongDeadline, &m_lifetimeTimer, &m_stableTimer, &m_reconnectTimer,
                      &m_flushTimer})
        setUpSingleShot(*t);
    connect(&m_connectDeadline, &QTimer::timeout, this, [this] {
        end(QStringLiteral("CONNECT_TIMEOUT"), QStringLiteral("no handshake within %1 ms").arg(m_options.connectTimeoutMs));
    });
    connect(&m_pingTimer, &QTimer::timeout, this, &WebSocketSession::queuePing);
    connect(&m_pongDeadline, &QTimer::timeout, this, [this] {
        ++m_counters.pongTimeouts;
        end(QStringLiteral("PONG_TIMEOUT"), QStringLiteral("no pong within %1 ms").arg(m_options.pongTimeoutMs));
    });
    connect(&m_lifetimeTimer, &QTimer::timeout, this, [this] {
        end(QStringLiteral("MAX_LIFETIME"), QStringLiteral("reconnecting before the server's connection limit"));
    });
    // A connection that lived a while proves the server is back: start over from short delays.
    connect(&m_stableTimer, &QTimer::timeout, this, [this] { m_backoff.reset(); });
    connect(&m_reconnectTimer, &QTimer::timeout, this, &WebSocketSession::connectNow);
    connect(&m_flushTimer, &QTimer::timeout, this, &WebSocketSession::flush);
}

WebSocketSession::~WebSocketSession()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        delete m_socket;
    }
}

void WebSocketSession::open(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != u"ws" && scheme != u"wss")) {
        // Retrying cannot fix a wrong address: report it once and stay idle.
        qCWarning(lcNet) << "websocket: not a ws(s) URL, not connecting";
        Q_EMIT disconnected(QStringLiteral("INVALID_URL"), QStringLiteral("not a ws:// or wss:// URL"));
        return;
    }
    m_url = url;
    m_wantOpen = true;
    m_reconnectTimer.stop();
    if (m_socket)
        end(QStringLiteral("CLOSED"), QStringLiteral("reopened by the owner"));
    m_reconnectTimer.stop(); // connect at once, not after a backoff
    connectNow();
}

void WebSocketSession::close()
{
    m_wantOpen = false;
    m_reconnectTimer.stop();
    end(QStringLiteral("CLOSED"), QStringLiteral("closed by the owner"));
    setState(State::Idle);
}

void WebSocketSession::connectNow()
{
    if (!m_wantOpen || m_socket)
        return;
    setState(State::Connecting);
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    ++m_socketGeneration;
    m_socket->setMaxAllowedIncomingMessageSize(static_cast<quint64>(std::max<qint64>(1, m_options.maxIncomingMessageBytes)));
    m_socket->setMaxAllowedIncomingFrameSize(static_cast<quint64>(std::max<qint64>(1, m_options.maxIncomingMessageBytes)));
    connect(m_socket, &QWebSocket::connected, this, &WebSocketSession::onConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &WebSocketSession::onSocketClosed);
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    connect(m_socket, &QWebSocket::errorOccurred, this, &WebSocketSession::onSocketError);
#else
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            &WebSocketSession::onSocketError);
#endif
    connect(m_socket, &QWebSocket::pong, this, &WebSocketSession::onPong);
    connect(m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &message) {
        ++m_counters.messagesIn;
        Q_EMIT textMessageReceived(message);
    });
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &message) {
        ++m_counters.messagesIn;
        Q_EMIT binaryMessageReceived(message);
    });
    QNetworkRequest request(m_url);
    for (const auto &[name, value] : m_options.handshakeHeaders)
        request.setRawHeader(name, value);
    m_connectDeadline.start(std::max(1, m_options.connectTimeoutMs));
    m_socket->open(request);
}

void WebSocketSession::onConnected()
{
    m_connectDeadline.stop();
    ++m_counters.connects;
    setState(State::Open);
    if (m_options.pingIntervalMs > 0)
        m_pingTimer.start(m_options.pingIntervalMs);
    if (m_options.maxLifetimeMs > 0)
        m_lifetimeTimer.start(toInterval(m_options.maxLifetimeMs));
    m_stableTimer.start(std::max(0, m_options.stableAfterMs));

    QStringList messages = m_subscriptions;
    if (m_subscriptionProvider)
        messages += m_subscriptionProvider();
    std::vector<MessagePacer::Item> items;
    for (const QString &m : messages)
        items.push_back({MessagePacer::Item::Kind::Subscription, m.toUtf8()});
    m_pacer.pushFront(std::move(items));
    qCInfo(lcNet).noquote() << "websocket connected to" << m_url.host() + m_url.path() << "-" << messages.size()
                            << "subscription message(s)";
    Q_EMIT connected();
    flush();
}

void WebSocketSession::onSocketClosed()
{
    if (!m_socket)
        return;
    const bool wasOpen = m_state == State::Open;
    QStringList why;
    if (!m_socket->closeReason().isEmpty() || m_socket->closeCode() != QWebSocketProtocol::CloseCodeNormal)
        why << QStringLiteral("close code %1 %2").arg(m_socket->closeCode()).arg(m_socket->closeReason()).trimmed();
    if (m_socket->error() != QAbstractSocket::UnknownSocketError)
        why << m_socket->errorString();
    if (why.isEmpty())
        why << QStringLiteral("closed by the server");
    end(wasOpen ? QStringLiteral("CONNECTION_LOST") : QStringLiteral("CONNECT_FAILED"), why.join(QStringLiteral("; ")));
}

void WebSocketSession::onSocketError(QAbstractSocket::SocketError)
{
    // QWebSocket may report an error without a disconnected() (a failed handshake); end the
    // attempt once, from the event loop, after any disconnected() that is on its way.
    const quint64 generation = m_socketGeneration;
    QMetaObject::invokeMethod(this, [this, generation] {
        if (m_socket && m_socketGeneration == generation && m_socket->state() == QAbstractSocket::UnconnectedState)
            onSocketClosed();
    }, Qt::QueuedConnection);
}

void WebSocketSession::onPong(quint64 elapsedMs, const QByteArray &)
{
    m_pongDeadline.stop();
    m_counters.lastPongRttMs = static_cast<qint64>(elapsedMs);
}

void WebSocketSession::end(const QString &code, const QString &reason)
{
    if (!m_socket)
        return;
    const bool planned = code == u"MAX_LIFETIME" || code == u"CLOSED";
    releaseSocket(planned);
    ++m_counters.disconnects;
    // Pings and subscriptions belong to the connection that is gone (the next connect
    // re-creates the subscriptions); the owner's messages wait for the next one.
    m_pacer.removeAll(MessagePacer::Item::Kind::Ping);
    m_pacer.removeAll(MessagePacer::Item::Kind::Subscription);
    if (planned)
        qCInfo(lcNet).noquote() << "websocket" << m_url.host() + m_url.path() << code << "-" << reason;
    else
        qCWarning(lcNet).noquote() << "websocket" << m_url.host() + m_url.path() << code << "-" << reason;
    if (m_wantOpen)
        setState(State::WaitingToReconnect);
    Q_EMIT disconnected(code, reason);
    if (!m_wantOpen || m_socket || m_reconnectTimer.isActive())
        return; // the owner closed or reopened from the signal
    // A planned reconnect goes at once; a failure waits so a struggling server is not hammered.
    m_reconnectTimer.start(planned ? 0 : m_backoff.nextDelayMs());
}

void WebSocketSession::releaseSocket(bool graceful)
{
    for (QTimer *t : {&m_connectDeadline, &m_pingTimer, &m_pongDeadline, &m_lifetimeTimer, &m_stableTimer,
                      &m_flushTimer})
        t->stop();
    QWebSocket *socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    if (graceful && socket->state() == QAbstractSocket::ConnectedState) {
        // Let the close handshake finish, but never keep the socket longer than a second.
        connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        QTimer::singleShot(1000, socket, &QObject::deleteLater);
        socket->close(QWebSocketProtocol::CloseCodeNormal);
        return;
    }
    socket->abort();
    socket->deleteLater(); // we may be inside one of its signals
}

void WebSocketSession::queuePing()
{
    m_pacer.pushFront({{MessagePacer::Item::Kind::Ping, QByteArray::number(++m_pingSeq)}});
    flush();
}

void WebSocketSession::flush()
{
    if (m_state != State::Open || !m_socket)
        return;
    bool wrote = false;
    while (auto item = m_pacer.takeReady(nowMs())) {
        wrote = true;
        switch (item->kind) {
        case MessagePacer::Item::Kind::Text:
        case MessagePacer::Item::Kind::Subscription:
            m_socket->sendTextMessage(QString::fromUtf8(item->data));
            ++m_counters.messagesOut;
            break;
        case MessagePacer::Item::Kind::Binary:
            m_socket->sendBinaryMessage(item->data);
            ++m_counters.messagesOut;
            break;
        case MessagePacer::Item::Kind::Ping:
            m_socket->ping(item->data);
            // Measured from the oldest unanswered ping.
            if (!m_pongDeadline.isActive())
                m_pongDeadline.start(std::max(1, m_options.pongTimeoutMs));
            break;
        }
    }
    // Onto the wire now, not on the next pass of the event loop (orders ride on this path).
    if (wrote)
        m_socket->flush();
    const qint64 delay = m_pacer.delayMs(nowMs());
    if (delay >= 0)
        m_flushTimer.start(toInterval(std::max<qint64>(1, delay)));
}

bool WebSocketSession::sendText(const QString &message)
{
    if (!m_pacer.push({MessagePacer::Item::Kind::Text, message.toUtf8()})) {
        qCWarning(lcNet) << "websocket send queue full:" << m_pacer.size() << "messages waiting";
        return false;
    }
    flush();
    return true;
}

bool WebSocketSession::sendBinary(const QByteArray &message)
{
    if (!m_pacer.push({MessagePacer::Item::Kind::Binary, message})) {
        qCWarning(lcNet) << "websocket send queue full:" << m_pacer.size() << "messages waiting";
        return false;
    }
    flush();
    return true;
}

void WebSocketSession::setSubscriptions(const QStringList &messages)
{
    m_subscriptions = messages;
}

void WebSocketSession::addSubscription(const QString &message)
{
    m_subscriptions.append(message);
    // In order with what is already queued; if the queue is full, the next connect sends it.
    if (m_state == State::Open && m_pacer.push({MessagePacer::Item::Kind::Subscription, message.toUtf8()}))
        flush();
}

void WebSocketSession::removeSubscription(const QString &message)
{
    m_subscriptions.removeAll(message);
}

void WebSocketSession::setSubscriptionProvider(std::function<QStringList()> provider)
{
    m_subscriptionProvider = std::move(provider);
}

void WebSocketSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace adapters::net
