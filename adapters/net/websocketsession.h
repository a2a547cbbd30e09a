#pragma once

#include "adapters/net/backoff.h"
#include "adapters/net/messagepacer.h"
#include "adapters/net/websocketoptions.h"

#include <QAbstractSocket>
#include <QElapsedTimer>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <functional>

class QWebSocket;

namespace adapters::net {

//! A WebSocket connection that stays up: it reconnects with jittered backoff after any drop,
//! error, dead keep-alive (missing pong) or its maximum lifetime, and re-sends the owner's
//! subscriptions after every connect. Outgoing messages are paced to the server's rate limit
//! and queued while disconnected, never dropped. Malformed or cut-off frames from the server
//! end the connection (QWebSocket validates framing) and lead to a reconnect, nothing else.
//!
//! The server's own pings are answered by QWebSocket. Lives on the thread that created it
//! (QWebSocket is thread-affine); signals are emitted there.
class WebSocketSession final : public QObject {
    Q_OBJECT
public:
    enum class State {
        Idle,               //!< not opened, or closed by the owner
        Connecting,         //!< a connection attempt is running
        Open,               //!< connected; messages flow
        WaitingToReconnect, //!< the last connection ended; the next attempt is scheduled
    };
    Q_ENUM(State)

    struct Counters {
        quint64 connects = 0;     //!< successful opens
        quint64 disconnects = 0;  //!< ended connections and failed attempts
        quint64 messagesIn = 0;
        quint64 messagesOut = 0;  //!< text and binary messages written (pings excluded)
        quint64 pongTimeouts = 0;
        qint64 lastPongRttMs = -1;
    };

    explicit WebSocketSession(WebSocketOptions options = {}, QObject *parent = nullptr);
    ~WebSocketSession() override;

    //! Connects to `url` (ws:// or wss://) and keeps reconnecting until close().
    void open(const QUrl &url);
    //! Closes the connection for good (no reconnect). Queued messages stay for a later open().
    void close();

    //! Queues a message; it is sent when connected and the rate allows. False when the queue is full.
    bool sendText(const QString &message);
    bool sendBinary(const QByteArray &message);

    //! Messages sent first after every (re)connect, e.g. Binance SUBSCRIBE requests.
    void setSubscriptions(const QStringList &messages);
    //! Registers one more subscription message, and sends it now when connected.
    void addSubscription(const QString &message);
    //! Stops re-sending a subscription (the owner sends the matching unsubscribe itself).
    void removeSubscription(const QString &message);
    //! Produces more subscription messages at each connect (after the registered ones).
    void setSubscriptionProvider(std::function<QStringList()> provider);

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] QUrl url() const { return m_url; }
    [[nodiscard]] Counters counters() const { return m_counters; }
    [[nodiscard]] int queuedMessages() const { return m_pacer.size(); }

Q_SIGNALS:
    void connected();
    //! A connection ended or an attempt failed. `code`: CONNECT_FAILED, CONNECT_TIMEOUT,
    //! CONNECTION_LOST, PONG_TIMEOUT, MAX_LIFETIME, CLOSED, or INVALID_URL (open() refused the
    //! address; no retry); `reason` is English detail.
    void disconnected(const QString &code, const QString &reason);
    void stateChanged(adapters::net::WebSocketSession::State state);
    void textMessageReceived(const QString &message);
    void binaryMessageReceived(const QByteArray &message);

private:
    void connectNow();
    void onConnected();
    void onSocketClosed();
    void onSocketError(QAbstractSocket::SocketError error);
    void onPong(quint64 elapsedMs, const QByteArray &payload);
    void end(const QString &code, const QString &reason);
    //! Stops the connection's timers and lets go of the socket (closing politely if `graceful`).
    void releaseSocket(bool graceful);
    void queuePing();
    void flush();
    void setState(State state);
    [[nodiscard]] qint64 nowMs() const { return m_clock.elapsed(); }

    WebSocketOptions m_options;
    QUrl m_url;
    QWebSocket *m_socket = nullptr; // owned; deleted later, as it may be mid-signal
    quint64 m_socketGeneration = 0; // tells a late queued call which socket it was about
    State m_state = State::Idle;
    bool m_wantOpen = false;
    QStringList m_subscriptions;
    std::function<QStringList()> m_subscriptionProvider;
    Backoff m_backoff;
    MessagePacer m_pacer;
    QElapsedTimer m_clock;
    Counters m_counters;
    quint64 m_pingSeq = 0;
    QTimer m_connectDeadline;
    QTimer m_pingTimer;
    QTimer m_pongDeadline;
    QTimer m_lifetimeTimer;
    QTimer m_stableTimer;
    QTimer m_reconnectTimer;
    QTimer m_flushTimer;
};

} // namespace adapters::net
