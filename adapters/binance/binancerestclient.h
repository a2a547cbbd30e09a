#pragma once

#include "adapters/binance/binanceerror.h"
#include "adapters/binance/binancesigner.h"
#include "adapters/binance/exchangerules.h"
#include "adapters/binance/requestsigning.h"
#include "adapters/binance/restparsers.h"
#include "adapters/net/httpclient.h"

#include "engine/core/order.h"
#include "engine/core/result.h"

#include <QObject>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <memory>

namespace adapters::binance {

//! What Binance says about one order (new-order answer or query).
struct OrderState {
    QString symbol;
    QString clientOrderId;
    qint64 orderId = 0;
    engine::OrderStatus status = engine::OrderStatus::New;
    engine::Decimal origQty;
    engine::Decimal executedQty;
    engine::Decimal cumulativeQuote; // cummulativeQuoteQty, as Binance spells it
    engine::Decimal origQuoteQty;    // origQuoteOrderQty: the amount of an order by amount, else 0
    engine::Side side = engine::Side::Buy;
    engine::OrderType type = engine::OrderType::Market; // LIMIT / LIMIT_MAKER / MARKET (others read as LIMIT)
    engine::TimeInForce timeInForce = engine::TimeInForce::Gtc;
    engine::Decimal price;            // the limit price (0 for MARKET)
    qint64 timeMs = 0;                // when it was placed (query / openOrders answers)
    qint64 updateMs = 0;              // transactTime or updateTime
    QList<AccountTrade> fills;        // a FULL new-order answer's fills (clientId set)
};

//! Binance Spot REST on adapters/net: signed requests with `timestamp` from a clock kept in step
//! with the server (`GET /api/v3/time`), the request weight the server reports fed back into the
//! host budget, and every answer classified (binanceerror.h). An order POST is never sent twice:
//! when its outcome is unknown (5xx, -1007, timeout) the error is ORDER_OUTCOME_UNKNOWN and the
//! caller asks with queryOrder(). A -1021 (clock) refusal resyncs the clock and retries once —
//! Binance executed nothing. Lives on the thread that creates it; callbacks run there.
class BinanceRestClient final : public QObject {
    Q_OBJECT
public:
    BinanceRestClient(QUrl baseUrl, QByteArray apiKey, BinanceSigner signer, QObject *parent = nullptr);
    ~BinanceRestClient() override;

    //! Reads the server time and keeps the offset to the local clock; the offset is returned.
    void syncTime(std::function<void(engine::Result<qint64>)> done);
    [[nodiscard]] qint64 clockOffsetMs() const { return m_offsetMs; }
    //! The last answered request's round trip (-1 before the first), and the request weight the
    //! server last reported for the current minute (-1 before the first).
    [[nodiscard]] qint64 lastLatencyMs() const { return m_lastLatencyMs; }
    [[nodiscard]] int usedWeight() const { return m_usedWeight; }
    static constexpr int kWeightLimit = 6000;
    void exchangeInfo(std::function<void(engine::Result<ExchangeRules>)> done);
    //! POST /api/v3/order with `newClientOrderId` = clientId (the engine's id, so a query can find it).
    void placeOrder(const engine::OrderRequest &order, const QString &clientId,
                    std::function<void(engine::Result<OrderState>)> done);
    void queryOrder(const QString &symbol, const QString &clientId, std::function<void(engine::Result<OrderState>)> done);
    //! DELETE /api/v3/order by client id. An order the venue does not know (or knows as final)
    //! answers BINANCE_-2011 / -2013: nothing is left to cancel.
    void cancelOrder(const QString &symbol, const QString &clientId, std::function<void(engine::Result<OrderState>)> done);
    //! GET /api/v3/openOrders (all symbols when `symbol` is empty), for start-up reconciliation.
    void openOrders(const QString &symbol, std::function<void(engine::Result<QList<OrderState>>)> done);
    //! GET /api/v3/account: free balance per asset (zero balances left out) and whether it may trade.
    struct Account {
        bool canTrade = false;
        QHash<QString, engine::Decimal> free;
        QHash<QString, engine::Decimal> locked;
        engine::Decimal takerRate; // commissionRates.taker (0 when the answer has none)
        bool canWithdraw = false;
        QStringList permissions;   // "SPOT", …
    };
    void account(std::function<void(engine::Result<Account>)> done);

    //! GET /sapi/v1/account/apiRestrictions: what the API key may do. Testnets do not have it.
    struct KeyRestrictions {
        bool ipRestrict = false;
        bool enableReading = false;
        bool enableSpotTrading = false; // enableSpotAndMarginTrading
        bool enableWithdrawals = false;
    };
    void apiRestrictions(std::function<void(engine::Result<KeyRestrictions>)> done);
    //! GET /api/v3/myTrades of one order: every execution, for fills missed while away.
    void myTrades(const QString &symbol, qint64 orderId, std::function<void(engine::Result<QList<AccountTrade>>)> done);
    //! GET /api/v3/depth: the order book snapshot a local book starts from (`limit` 100 costs 5).
    void depth(const QString &symbol, int limit, std::function<void(engine::Result<DepthSnapshot>)> done);
    //! The last traded price of a symbol (`GET /api/v3/ticker/24hr`, type MINI, weight 2).
    void lastPrice(const QString &symbol, std::function<void(engine::Result<engine::Decimal>)> done);
    //! GET /api/v3/klines: up to `limit` (≤ 1000) closed 1-minute bars from `startMs` on.
    void klines(const QString &symbol, qint64 startMs, int limit, std::function<void(engine::Result<QList<engine::Candle>>)> done);
    //! The same at any of Binance's intervals (klineinterval.h; INTERVAL_UNKNOWN otherwise).
    void klines(const QString &symbol, const QString &interval, qint64 startMs, int limit,
                std::function<void(engine::Result<QList<engine::Candle>>)> done);
    //! Server time now, by the synchronised clock.
    [[nodiscard]] qint64 serverNowMs() const;

    [[nodiscard]] net::HttpClient &http() { return *m_http; }
    //! The account's signer (the WebSocket API signs with the same key).
    [[nodiscard]] const BinanceSigner &signer() const { return m_signer; }

private:
    using Handler = std::function<void(const net::HttpResponse &, const BinanceError &)>;
    void sendSigned(const QByteArray &method, const QString &path, const Params &params, int weight, bool idempotent,
                    Handler done, bool clockRetried = false);
    //! Notes what every answer tells about the connection (round trip, weight used).
    void observe(const net::HttpResponse &response, qint64 sentAtMs);
    void sendPublic(const QString &path, const QUrlQuery &query, int weight,
                    std::function<void(const net::HttpResponse &, const BinanceError &)> done);

    QUrl m_base;
    QByteArray m_apiKey;
    BinanceSigner m_signer;
    std::unique_ptr<net::HttpClient> m_http;
    qint64 m_offsetMs = 0;
    qint64 m_lastLatencyMs = -1;
    int m_usedWeight = -1;
};

//! The parameters of a new order (`POST /api/v3/order` and the WebSocket API's `order.place`),
//! without timestamp and signature: the engine's client id as `newClientOrderId`, a FULL answer.
[[nodiscard]] Params newOrderParams(const engine::OrderRequest &order, const QString &clientId);

//! Reads an order object (new-order RESULT/FULL answer or a query answer).
[[nodiscard]] engine::Result<OrderState> parseOrderState(const QByteArray &json);

} // namespace adapters::binance
