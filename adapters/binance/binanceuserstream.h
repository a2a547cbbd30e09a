#pragma once

#include "adapters/binance/binancesigner.h"
#include "adapters/binance/requestsigning.h"
#include "adapters/binance/userdataparser.h"
#include "adapters/net/websocketsession.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <functional>

namespace adapters::binance {

//! The account's user data over the WebSocket API (protocols.md §2.4; the listenKey stream is
//! retired): on every (re)connect a `userDataStream.subscribe.signature` request signed with a
//! fresh timestamp, then `executionReport` and `outboundAccountPosition` events handed to the
//! owner. An `eventStreamTerminated` or a refused subscription leads to a new subscription; every
//! new subscription is announced (subscribed()) so the owner reconciles what it may have missed
//! while no stream was running. Lives on its I/O thread.
class BinanceUserStream final : public QObject {
    Q_OBJECT
public:
    //! `serverNowMs` gives the server-aligned clock (the REST client's synced time).
    BinanceUserStream(QUrl wsApiUrl, QByteArray apiKey, const BinanceSigner *signer, std::function<qint64()> serverNowMs,
                      net::WebSocketOptions options = {}, QObject *parent = nullptr);
    ~BinanceUserStream() override;

    void start();
    void stop();

    //! The answer to a WebSocket API request: HTTP-like status with `result`, or `error`
    //! ({code, msg}); status 0 = no answer (the connection dropped or the time ran out), so a
    //! request that changes something has an unknown outcome.
    using Answer = std::function<void(int status, const QJsonObject &result, const QJsonObject &error)>;
    //! Sends a request whose params are already signed (`signedWsParams`). False when the
    //! connection is not open (nothing was sent).
    bool request(const QString &method, const Params &params, Answer done, int timeoutMs = 10'000);
    [[nodiscard]] bool isOpen() const { return m_session.state() == net::WebSocketSession::State::Open; }
    [[nodiscard]] bool isSubscribed() const { return m_subscribed; }
    [[nodiscard]] qint64 lastMessageAgeMs() const { return m_lastMessage.isValid() ? m_lastMessage.elapsed() : -1; }
    [[nodiscard]] quint64 framesRejected() const { return m_rejected; }
    [[nodiscard]] net::WebSocketSession &session() { return m_session; }

Q_SIGNALS:
    //! A subscription is active (first or again after a gap): reconcile now.
    void subscribed();
    //! The stream is down (connection lost, subscription refused or terminated); detail in English.
    void unsubscribed(const QString &detail);
    void execution(const adapters::binance::ExecutionUpdate &update);
    void account(const adapters::binance::AccountUpdate &update);
    //! A frame that could not be read (ignored) or a refusal from the server.
    void problem(const QString &code, const QString &message);

private:
    QString subscribeRequest();
    void onText(const QString &text);
    void resubscribeLater();
    void failPending(const QString &why);

    QByteArray m_apiKey;
    const BinanceSigner *m_signer;
    std::function<qint64()> m_serverNowMs;
    QUrl m_url;
    net::WebSocketSession m_session;
    bool m_subscribed = false;
    QString m_pendingId;
    int m_nextId = 1;
    quint64 m_rejected = 0;
    QHash<QString, Answer> m_requests; // by request id, waiting for the answer
    QElapsedTimer m_lastMessage;
};

} // namespace adapters::binance
