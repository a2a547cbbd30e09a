#pragma once

#include "adapters/binance/streamparser.h"
#include "adapters/net/websocketsession.h"

#include "engine/ports/marketdataclient.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSet>
#include <QUrl>

#include <functional>
#include <vector>

namespace adapters::binance {

//! Binance's combined market streams for the symbols the bot trades: trades, the best bid/ask
//! and closed 1-minute candles per symbol, delivered to market-data sinks as engine events.
//! Rides on net::WebSocketSession (ping/pong, reconnect with backoff, 5 messages/s out): every
//! change of symbols is one SUBSCRIBE/UNSUBSCRIBE message, and after a reconnect the whole
//! subscription is sent again. A frame that cannot be parsed is reported as a retryable adapter
//! error and changes nothing. Lives on its I/O thread.
class BinanceMarketStream final : public QObject {
    Q_OBJECT
public:
    //! `url` is the combined-stream endpoint, e.g. wss://stream.binance.com:9443/stream.
    explicit BinanceMarketStream(QUrl url, net::WebSocketOptions options = {}, QObject *parent = nullptr);
    ~BinanceMarketStream() override;

    void addSink(engine::MarketDataSink *sink) { m_sinks.push_back(sink); }
    //! Receives the `depthUpdate` diffs (for a local order book); without it they are dropped.
    void setDepthHandler(std::function<void(const DepthUpdate &)> handler) { m_onDepth = std::move(handler); }
Q_SIGNALS:
    //! A connection is up (the first one, or again after a drop): the streams restart from now.
    void streamConnected();

public:
    void start();
    void stop();
    void subscribe(const QStringList &symbols);
    void unsubscribe(const QStringList &symbols);

    [[nodiscard]] QStringList symbols() const;
    [[nodiscard]] quint64 framesRejected() const { return m_rejected; }
    //! Wall milliseconds since the last frame (-1 before the first): connection health.
    [[nodiscard]] bool isOpen() const { return m_session.state() == net::WebSocketSession::State::Open; }
    [[nodiscard]] qint64 lastMessageAgeMs() const { return m_lastMessage.isValid() ? m_lastMessage.elapsed() : -1; }

    //! The stream names of one symbol ("pepeusdt@trade", …).
    [[nodiscard]] static QStringList streamsOf(const QString &symbol);

private:
    void onText(const QString &text);
    QString request(const char *method, const QStringList &streams);
    void deliver(const StreamEvent &event);

    QUrl m_url;
    net::WebSocketSession m_session;
    StreamParser m_parser;
    std::vector<engine::MarketDataSink *> m_sinks;
    std::function<void(const DepthUpdate &)> m_onDepth;
    QSet<QString> m_symbols;
    int m_nextId = 1;
    quint64 m_rejected = 0;
    QElapsedTimer m_lastMessage;
};

} // namespace adapters::binance
