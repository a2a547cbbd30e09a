#pragma once

#include "adapters/rest/apioptions.h"

#include "engine/api/botevents.h"

#include <QHash>
#include <QObject>
#include <QSet>

class QWebSocket;
class QTimer;

namespace adapters::rest {

class AuthService;

//! The WebSocket at /api/v1/ws: the events the desktop receives (orders, fills, signals, status,
//! logs, risk denials, equity), as JSON text frames {"type", "data"}. The client's first message
//! must be {"type": "auth", "token": "<access token>"} within the options' timeout, never a token in
//! the URL (URLs end up in logs). It may narrow the stream with {"type": "subscribe", "events": [..]}
//! and send {"type": "auth"} again before its token expires to stay connected. A client that falls
//! more than webSocketMaxBufferedBytes behind is dropped: the engine never waits for a reader.
class EventStream final : public QObject {
    Q_OBJECT
public:
    EventStream(AuthService &auth, const ApiOptions &options, QObject *parent = nullptr);
    ~EventStream() override;

    //! Takes a freshly upgraded socket (and owns it from now on).
    void accept(QWebSocket *socket);
    //! Sends an event to every signed-in client that wants it.
    void broadcast(const engine::BotEvent &event);

    [[nodiscard]] int clientCount() const { return int(m_clients.size()); }
    [[nodiscard]] qint64 droppedCount() const { return m_dropped; }

    static constexpr const char *kPath = "/api/v1/ws";

private:
    struct Client {
        bool authenticated = false;
        QString user;
        QSet<QString> events; // empty = all
        QTimer *deadline = nullptr; // auth timeout, then token expiry
    };
    void onMessage(QWebSocket *socket, const QString &message);
    void authenticate(QWebSocket *socket, Client &client, const QJsonObject &message);
    void send(QWebSocket *socket, const QJsonObject &message);
    void closeWith(QWebSocket *socket, int code, const QString &reason);

    AuthService &m_auth;
    ApiOptions m_options;
    QHash<QWebSocket *, Client> m_clients;
    qint64 m_dropped = 0;
};

} // namespace adapters::rest
