#pragma once

#include "adapters/net/websocketoptions.h"

#include "engine/ports/executionclient.h"
#include "engine/ports/marketdataclient.h"

#include <QByteArray>
#include <QMutex>
#include <QStringList>
#include <QThread>
#include <QUrl>

#include <memory>

namespace adapters::binance {

class BinanceVenueWorker;

//! Binance's WebSocket rules (protocols.md §2.1): pings every 20 s, at most 5 messages a second
//! in, and every connection cut at 24 h — so ours reconnect on their own a little before.
[[nodiscard]] net::WebSocketOptions binanceSocketOptions();

//! Where and what: the three Binance endpoints (production, testnet, or any URL, e.g. a fake
//! server in tests), the symbols to watch, and the account's keys (empty for market data only).
struct BinanceSettings {
    QUrl restUrl = QUrl(QStringLiteral("https://api.binance.com"));
    QUrl streamUrl = QUrl(QStringLiteral("wss://stream.binance.com:9443/stream"));
    QUrl wsApiUrl = QUrl(QStringLiteral("wss://ws-api.binance.com:443/ws-api/v3"));
    QStringList symbols;
    int backfillMinutes = 120;
    int rulesRefreshMs = 10 * 60 * 1000; // exchangeInfo and server time read again this often
    net::WebSocketOptions socketOptions = binanceSocketOptions();
    QByteArray apiKey;
    QByteArray apiSecret; // HMAC secret, or an Ed25519 private key in PEM
};

//! Binance Spot as one venue: market data for dry run and live, real orders for live. Everything
//! runs on its own I/O thread (REST, the combined market streams, the WebSocket API user stream);
//! the port calls below are thread-safe and return at once, answers arrive on the sinks from that
//! thread. Without keys it offers market data only, and every order is refused with NO_API_KEY.
class BinanceVenue final : public engine::MarketDataClient, public engine::ExecutionClient {
public:
    explicit BinanceVenue(BinanceSettings settings);
    ~BinanceVenue() override;
    BinanceVenue(const BinanceVenue &) = delete;
    BinanceVenue &operator=(const BinanceVenue &) = delete;

    //! Problems with the settings (a key that cannot sign, a URL that is not ws/http): the venue
    //! then delivers nothing. Empty when usable.
    [[nodiscard]] QString setupError() const;

    // engine::MarketDataClient
    [[nodiscard]] QString venue() const override;
    void addMarketSink(engine::MarketDataSink *sink) override;
    void startMarketData() override;
    void stopMarketData() override;

    //! Changes the watched symbols while running (the watchlist). Thread-safe.
    void setSymbols(const QStringList &symbols);

    // engine::ExecutionClient
    void setExecutionSink(engine::ExecutionSink *sink) override;
    void submit(const engine::OrderRequest &request) override;
    void cancel(const QString &clientId, const QString &symbol) override;
    void query(const QString &clientId, const QString &symbol) override;
    void requestBalances() override;
    void requestOpenOrders() override;
    //! The account's taker rate once `account` has been read (commissionRates.taker), Binance's
    //! standard 0.1 % before.
    [[nodiscard]] engine::Decimal takerFeeRate() const override;

private:
    mutable QMutex m_feeMutex;
    engine::Decimal m_takerFee = engine::Decimal::fromString("0.001"); // Binance's standard spot rate
    QThread m_thread;
    BinanceVenueWorker *m_worker = nullptr; // lives on m_thread
};

} // namespace adapters::binance
