#pragma once
// A fake Binance Spot exchange on 127.0.0.1 that speaks the real protocols (protocols.md §1–2):
// REST (signatures checked exactly as Binance does, timestamps against its own clock, filters,
// balances, weights, 429/418 with Retry-After, the documented JSON shapes and error codes), the
// combined market streams (SUBSCRIBE answered, trade / bookTicker / kline frames) and the
// WebSocket API's user data stream (`userDataStream.subscribe.signature`, then executionReport and
// outboundAccountPosition events). It matches orders against a price the test moves: MARKET fills
// at once, LIMIT rests until the price crosses it (in one or several trades), cancels are
// reported, and a trade can be made to land after a cancel. Its own record of orders, trades and
// balances is what a test compares the app's journal with.
#include "tests/unit/net/fakehttpserver.h"
#include "tests/unit/net/fakewebsocketserver.h"

#include "engine/core/decimal.h"

#include <QHash>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QJsonObject>
#include <QUrl>
#include <QUrlQuery>

#include <optional>

namespace binancetest {

struct FakeOrder {
    QString symbol;
    QString clientOrderId;
    qint64 orderId = 0;
    QString side;   // BUY, SELL
    QString type;   // MARKET, LIMIT, LIMIT_MAKER
    QString timeInForce;
    QString status; // NEW, PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED, REJECTED
    QString qty;    // as sent
    QString price;  // as sent ("" for MARKET)
    engine::Decimal origQty;
    engine::Decimal origQuoteQty; // a MARKET order by amount (quoteOrderQty)
    engine::Decimal limitPrice;
    engine::Decimal executedQty;
    engine::Decimal cumQuote;
    qint64 timeMs = 0;
    qint64 updateMs = 0;
    [[nodiscard]] bool isOpen() const { return status == QLatin1String("NEW") || status == QLatin1String("PARTIALLY_FILLED"); }
};

struct FakeTrade {
    qint64 id = 0;
    qint64 orderId = 0;
    QString clientOrderId;
    QString symbol;
    engine::Decimal price;
    engine::Decimal qty;
    engine::Decimal quoteQty;
    engine::Decimal commission;
    QString commissionAsset;    // the quote asset, or the token for a buy when buyFeeInBase
    qint64 timeMs = 0;
    bool isBuyer = false;
    bool isMaker = false;
};

struct FakeBar {
    qint64 openTimeMs = 0;
    engine::Decimal open, high, low, close, volume;
};

class FakeExchange {
public:
    FakeExchange(QByteArray apiKey, QByteArray secret, QString exchangeInfoPath);
    ~FakeExchange();

    [[nodiscard]] QUrl url() const { return restUrl(); }
    [[nodiscard]] QUrl restUrl() const;
    [[nodiscard]] QUrl streamUrl() const;
    [[nodiscard]] QUrl wsApiUrl() const;
    [[nodiscard]] bool isListening() const;

    // The market the test plays.
    //! Sets the last price (a trade and a new best bid/ask on the streams) and fills resting orders it crosses.
    void setPrice(const QString &symbol, engine::Decimal price);
    [[nodiscard]] engine::Decimal price(const QString &symbol) const { return m_price.value(symbol); }
    //! A closed 1-minute bar: kept for klines, and pushed on the kline stream when `push`.
    void addBar(const QString &symbol, const FakeBar &bar, bool push);
    //! Fills `qty` of an open order at `price` now (also after it was cancelled: a late fill).
    void trade(const QString &clientOrderId, engine::Decimal qty, engine::Decimal price);
    //! Places an order as if from another device (reconciliation finds it).
    void placeExternal(const QString &symbol, const QString &clientOrderId, const QString &side, engine::Decimal qty,
                       engine::Decimal price);

    // Faults.
    qint64 skewMs = 0;                   // the server's clock runs this far ahead
    bool acceptNextOrderThen503 = false; // the next order is placed, then answered 503
    //! Orders are placed and matched, but the answer never comes and user-data events are lost (a partition).
    bool stallOrdersAfterAccepting = false;
    int answer429ForNext = 0;            // the next N requests get 429 with Retry-After: 1
    int limitFillParts = 1;              // a resting LIMIT fills in this many trades
    bool buyFeeInBase = false;           // Binance's default without BNB: a buy's commission in the token bought
    bool payFeesInBnb = false;           // the BNB discount: commissions in BNB at the BNBUSDT price (set one)
    int tickerRequests = 0;              // GET /api/v3/ticker/24hr answered
    int klineRequests = 0;               // GET /api/v3/klines answered
    bool keyIpRestricted = false;        // what /sapi/v1/account/apiRestrictions says about the key
    bool keyWithdrawals = false;
    bool hasApiRestrictions = true;      // false: a testnet without /sapi endpoints
    bool skipNextDepthUpdate = false;    // the next depth diff is lost on the way (a gap in the ids)
    int depthSnapshots = 0;              // GET /api/v3/depth answered
    QHash<QString, QString> statusOverride; // symbol → the status exchangeInfo reports instead
    int dropStreamsEvery = 0;            // drop the market-stream connections every N frames sent (0 = never)

    // The exchange's own record.
    QMap<QString, FakeOrder> orders; // by client order id
    QList<FakeTrade> trades;
    QHash<QString, engine::Decimal> free;
    QHash<QString, engine::Decimal> locked;
    int orderPosts = 0;   // new orders received, over REST or the WebSocket API
    int wsOrderPosts = 0; // of which over the WebSocket API (order.place)
    qint64 lastOrderPostNs = 0; // when the last order POST arrived, on httpNowNs()'s clock
    QStringList errorsSent;  // Binance codes answered, in order
    int answered429 = 0;
    int answered418 = 0;
    int userSubscriptions = 0;
    [[nodiscard]] nettest::FakeWebSocketServer &streams() { return m_streams; }
    [[nodiscard]] nettest::FakeWebSocketServer &wsApi() { return m_wsApi; }
    [[nodiscard]] int streamFramesSent() const { return m_streamFrames; }
    [[nodiscard]] qint64 httpNowNs() const { return m_http.nowNs(); }
    //! Streams subscribed over all market-stream connections.
    [[nodiscard]] int streamSubscriptions() const
    {
        int n = 0;
        for (const auto &s : m_subscribed)
            n += int(s.size());
        return n;
    }

private:
    //! The fake's own reading of exchangeInfo, independent of the adapter's parser under test.
    struct Rules {
        QString status;
        QString base;
        QString quote;
        engine::Decimal tick;
        engine::Decimal step;
        engine::Decimal minQty;
        engine::Decimal minNotional;
        bool quoteOrderQtyMarketAllowed = false;
        int quoteAssetPrecision = 8;
    };
    nettest::ServerReply handle(const nettest::ReceivedRequest &r);
    nettest::ServerReply handleOrder(const nettest::ReceivedRequest &r, const QByteArray &query);
    //! A new order from REST or the WebSocket API (parameters already verified).
    nettest::ServerReply placeOrder(const QUrlQuery &q);
    //! The WebSocket API's signature check (sorted params): an error reply, or nothing when valid.
    std::optional<std::pair<int, QJsonObject>> checkWsSignature(const QJsonObject &params);
    nettest::ServerReply handleSigned(const QByteArray &path, const QByteArray &query);
    std::optional<nettest::ServerReply> checkSigned(const nettest::ReceivedRequest &r, const QByteArray &query);
    nettest::ServerReply error(int status, int code, const QString &msg);
    void onStreamMessage(int connection, const QByteArray &text);
    void onWsApiMessage(int connection, const QByteArray &text);
    void publish(const QString &stream, const QByteArray &data);
    void pushUser(const QByteArray &event);
    void executionReport(const FakeOrder &o, const QString &execType, const FakeTrade *t, const QString &cancelledId = {});
    void accountPosition(const QStringList &assets);
    void fill(FakeOrder &o, engine::Decimal qty, engine::Decimal price, bool maker);
    void matchResting(const QString &symbol);
    [[nodiscard]] qint64 serverNow() const;
    [[nodiscard]] QString quoteOf(const QString &symbol) const;
    [[nodiscard]] QString baseOf(const QString &symbol) const;

    QByteArray m_apiKey;
    QByteArray m_secret;
    QByteArray m_exchangeInfo;
    QHash<QString, std::shared_ptr<Rules>> m_rules;
    nettest::FakeHttpServer m_http;
    nettest::FakeWebSocketServer m_streams;
    nettest::FakeWebSocketServer m_wsApi;
    QHash<int, QSet<QString>> m_subscribed;  // market-stream connection → stream names
    QSet<int> m_userConnections;             // WebSocket API connections with a user data subscription
    QHash<QString, engine::Decimal> m_price;
    QHash<QString, QList<FakeBar>> m_bars;
    struct Depth {
        qint64 lastUpdateId = 1000;
        QList<QPair<engine::Decimal, engine::Decimal>> bids, asks; // best first
    };
    QHash<QString, Depth> m_depth;
    struct Day {
        engine::Decimal open, high, low, quoteVolume;
    };
    QHash<QString, Day> m_day;
    void moveBook(const QString &symbol, engine::Decimal price);
    qint64 m_nextOrderId = 1000;
    qint64 m_nextTradeId = 5000;
    qint64 m_bannedUntilMs = 0;
    qint64 m_backoffUntilMs = 0;
    qint64 m_last429Ms = 0;
    int m_streamFrames = 0;
};

} // namespace binancetest
