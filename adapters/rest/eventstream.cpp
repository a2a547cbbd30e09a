#include "adapters/rest/eventstream.h"

#include "adapters/rest/authservice.h"
#include "adapters/rest/dtojson.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QWebSocket>

namespace adapters::rest {

namespace {
constexpr qint64 kMaxIncomingMessageBytes = 8 * 1024;
const QStringList &eventTypes()
{
    static const QStringList types{QStringLiteral("order"), QStringLiteral("fill"), QStringLiteral("signal"), QStringLiteral("status"),
                                   QStringLiteral("log"), QStringLiteral("risk_denial"), QStringLiteral("equity")};
    return types;
}
} // namespace

EventStream::EventStream(AuthService &auth, const ApiOptions &options, QObject *parent)
    : QObject(parent), m_auth(auth), m_options(options)
{
}

EventStream::~EventStream()
{
    for (QWebSocket *socket : m_clients.keys())
        socket->abort();
}

void EventStream::accept(QWebSocket *socket)
{
    socket->setParent(this);
    if (socket->requestUrl().path() != QLatin1String(kPath)) {
        closeWith(socket, 1008, QStringLiteral("no such stream"));
        return;
    }
    if (!socket->requestUrl().query().isEmpty()) {
        // A token in the URL would end up in logs and proxies: refuse the habit outright.
        closeWith(socket, 1008, QStringLiteral("send the token in the first message, not in the URL"));
        return;
    }
    if (m_clients.size() >= m_options.webSocketMaxClients) {
        closeWith(socket, 1013, QStringLiteral("too many clients"));
        return;
    }
    socket->setMaxAllowedIncomingMessageSize(kMaxIncomingMessageBytes);
    socket->setMaxAllowedIncomingFrameSize(kMaxIncomingMessageBytes);
    Client client;
    client.deadline = new QTimer(socket);
    client.deadline->setSingleShot(true);
    connect(client.deadline, &QTimer::timeout, this, [this, socket] {
        const bool signedIn = m_clients.value(socket).authenticated;
        closeWith(socket, 1008, signedIn ? QStringLiteral("the access token expired") : QStringLiteral("authenticate first"));
    });
    client.deadline->start(m_options.webSocketAuthTimeoutMs);
    m_clients.insert(socket, client);
    connect(socket, &QWebSocket::textMessageReceived, this, [this, socket](const QString &message) { onMessage(socket, message); });
    connect(socket, &QWebSocket::binaryMessageReceived, this, [this, socket] { closeWith(socket, 1003, QStringLiteral("text frames only")); });
    connect(socket, &QWebSocket::disconnected, this, [this, socket] {
        m_clients.remove(socket);
        socket->deleteLater();
    });
}

void EventStream::onMessage(QWebSocket *socket, const QString &text)
{
    const auto it = m_clients.find(socket);
    if (it == m_clients.end())
        return;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    const QJsonObject message = document.object();
    const QString type = message.value(QStringLiteral("type")).toString();
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        if (!it->authenticated)
            return closeWith(socket, 1008, QStringLiteral("authenticate first"));
        return send(socket, {{QStringLiteral("type"), QStringLiteral("error")}, {QStringLiteral("code"), QStringLiteral("BODY_INVALID")},
                             {QStringLiteral("message"), QStringLiteral("messages are JSON objects")}});
    }
    if (type == QLatin1String("auth"))
        return authenticate(socket, it.value(), message);
    if (!it->authenticated)
        return closeWith(socket, 1008, QStringLiteral("authenticate first"));
    if (type == QLatin1String("ping"))
        return send(socket, {{QStringLiteral("type"), QStringLiteral("pong")}});
    if (type == QLatin1String("subscribe")) {
        QSet<QString> wanted;
        for (const QJsonValue &value : message.value(QStringLiteral("events")).toArray()) {
            if (!eventTypes().contains(value.toString()))
                return send(socket, {{QStringLiteral("type"), QStringLiteral("error")}, {QStringLiteral("code"), QStringLiteral("PARAM_INVALID")},
                                     {QStringLiteral("message"), QStringLiteral("events are some of: %1").arg(eventTypes().join(QStringLiteral(", ")))}});
            wanted.insert(value.toString());
        }
        it->events = wanted;
        return send(socket, {{QStringLiteral("type"), QStringLiteral("subscribed")},
                             {QStringLiteral("events"), QJsonArray::fromStringList(wanted.isEmpty() ? eventTypes() : QStringList(wanted.cbegin(), wanted.cend()))}});
    }
    send(socket, {{QStringLiteral("type"), QStringLiteral("error")}, {QStringLiteral("code"), QStringLiteral("PARAM_INVALID")},
                  {QStringLiteral("message"), QStringLiteral("message types: auth, subscribe, ping")}});
}

void EventStream::authenticate(QWebSocket *socket, Client &client, const QJsonObject &message)
{
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const engine::Result<TokenClaims> claims =
        m_auth.authenticate(QStringLiteral("Bearer ") + message.value(QStringLiteral("token")).toString(), nowMs);
    if (!claims || (client.authenticated && claims->subject != client.user))
        return closeWith(socket, 1008, QStringLiteral("invalid token"));
    client.authenticated = true;
    client.user = claims->subject;
    // Stay until the token expires; the client re-sends "auth" with a fresh token to go on.
    client.deadline->start(int(std::clamp<qint64>(claims->expiresAt * 1000 - nowMs, 1000, 24LL * 3600 * 1000)));
    send(socket, {{QStringLiteral("type"), QStringLiteral("welcome")},
                  {QStringLiteral("user"), claims->subject},
                  {QStringLiteral("role"), claims->role},
                  {QStringLiteral("expires_at"), claims->expiresAt},
                  {QStringLiteral("events"), QJsonArray::fromStringList(eventTypes())}});
}

void EventStream::broadcast(const engine::BotEvent &event)
{
    if (m_clients.isEmpty())
        return;
    const QJsonObject json = eventToJson(event);
    const QString type = json.value(QStringLiteral("type")).toString();
    const QString frame = QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
    QList<QWebSocket *> slow;
    for (auto it = m_clients.begin(); it != m_clients.end(); ++it) {
        if (!it->authenticated || (!it->events.isEmpty() && !it->events.contains(type)))
            continue;
        // Frames queue in the socket until the event loop writes them; a burst may outrun that,
        // so push what the kernel takes before judging a client slow.
        if (it.key()->bytesToWrite() > m_options.webSocketMaxBufferedBytes && (it.key()->flush(), true) &&
            it.key()->bytesToWrite() > m_options.webSocketMaxBufferedBytes) {
            slow.append(it.key());
            continue;
        }
        it.key()->sendTextMessage(frame);
    }
    for (QWebSocket *socket : slow) {
        ++m_dropped;
        m_clients.remove(socket);
        socket->abort();
        socket->deleteLater();
    }
}

void EventStream::send(QWebSocket *socket, const QJsonObject &message)
{
    socket->sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void EventStream::closeWith(QWebSocket *socket, int code, const QString &reason)
{
    m_clients.remove(socket);
    socket->close(static_cast<QWebSocketProtocol::CloseCode>(code), reason);
    QTimer::singleShot(1000, socket, [socket] { socket->abort(); });
    connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater, Qt::UniqueConnection);
}

} // namespace adapters::rest
