#pragma once

#include "adapters/binance/userdataparser.h"

#include "engine/ports/executionclient.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>

namespace adapters::binance {

class BinanceMarketData;
class BinanceRestClient;
class BinanceUserStream;
struct OrderState;

//! Real orders on Binance Spot behind the engine's ExecutionClient calls (on the venue's I/O
//! thread; BinanceVenue marshals to it). Every order is rounded and checked against the symbol's
//! rules first (a violation is a local reject naming the rule, nothing is sent), then placed over
//! REST with the engine's client id as `newClientOrderId`. Its fate arrives from three places —
//! the FULL order answer, the user data stream and queries — and each fill is handed on exactly
//! once (fill ids are "<SYMBOL>-<tradeId>" everywhere). An order whose outcome is unknown is never
//! sent again: the engine asks with query(), answered from `GET /api/v3/order` plus the order's
//! trades (`myTrades`), so fills that happened while the app was closed are booked before the
//! report. When the user stream comes back after a gap, every order still working is queried.
//! Fees are booked where Binance takes them: in the quote asset out of cash, in the traded token
//! out of the position (a buy credits qty − fee); a fee in a third asset (BNB) is valued in the
//! quote asset at that asset's price of the moment (its pair's last price, asked once a minute at
//! most) and counted in the PnL at that value.
class BinanceOrderRouter final : public QObject {
    Q_OBJECT
public:
    BinanceOrderRouter(BinanceRestClient *rest, const BinanceMarketData *market, QObject *parent = nullptr);
    ~BinanceOrderRouter() override;

    void setSink(engine::ExecutionSink *sink) { m_sink = sink; }
    //! Orders go over this WebSocket API connection while it is open (one frame on a connection
    //! that is already up, instead of a new HTTP exchange), over REST otherwise.
    void setWsApi(BinanceUserStream *wsApi, QByteArray apiKey)
    {
        m_wsApi = wsApi;
        m_apiKey = std::move(apiKey);
    }
    //! Told the account's taker fee rate whenever `account` reports one.
    std::function<void(engine::Decimal)> onTakerFeeRate;
    void submit(const engine::OrderRequest &request);
    void cancel(const QString &clientId, const QString &symbol);
    void query(const QString &clientId, const QString &symbol);
    void requestBalances();
    void requestOpenOrders();

    // From the user data stream.
    void onExecution(const ExecutionUpdate &update);
    void onAccount(const AccountUpdate &update);
    //! The user stream is (again) subscribed: ask about every order that may have moved meanwhile.
    void onUserStreamSubscribed();

    [[nodiscard]] quint64 ordersPlaced() const { return m_placed; }
    [[nodiscard]] quint64 duplicateFillsDropped() const { return m_duplicateFills; }

private:
    void reject(const engine::OrderRequest &request, const QString &code, const QString &message);
    //! Sends a checked order over the WebSocket API; false when it could not be sent (use REST).
    bool placeOverWsApi(const engine::OrderRequest &request);
    void placed(const engine::OrderRequest &request, engine::Result<OrderState> state);
    void deliverState(const OrderState &state);
    void deliverFill(engine::Fill fill);
    //! A fill whose fee is in a third asset: handed on once that fee has its value in `quote`.
    void valueOutsideFee(engine::Fill fill, const QString &quote);
    void handOn(const engine::Fill &fill);
    void error(engine::AdapterError::Kind kind, const QString &code, const QString &message);
    [[nodiscard]] qint64 now() const;

    BinanceRestClient *m_rest;
    BinanceUserStream *m_wsApi = nullptr;
    QByteArray m_apiKey;
    const BinanceMarketData *m_market;
    engine::ExecutionSink *m_sink = nullptr;
    QHash<QString, QString> m_working;  // client id → symbol, orders that may still fill
    QSet<QString> m_seenFills;
    struct FeePrice {
        engine::Decimal price;
        qint64 atMs = 0;
    };
    QHash<QString, FeePrice> m_feePrices; // pair ("BNBUSDT") → its last price, for valuing fees
    bool m_streamSeen = false;
    quint64 m_placed = 0;
    quint64 m_duplicateFills = 0;
};

} // namespace adapters::binance
