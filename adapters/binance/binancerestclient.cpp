#include "adapters/binance/binancerestclient.h"

#include "adapters/binance/klineinterval.h"
#include "adapters/binance/orderstatus.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace adapters::binance {

namespace {

constexpr qint64 kMinuteMs = 60'000;

engine::Error outcomeUnknown(const BinanceError &e)
{
    return {QStringLiteral("ORDER_OUTCOME_UNKNOWN"),
            QStringLiteral("the order may or may not have been placed (%1: %2); query it, never re-send")
                .arg(e.errorCode(), e.message)};
}

} // namespace

engine::Result<OrderState> parseOrderState(const QByteArray &json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    if (!doc.isObject())
        return engine::Error{QStringLiteral("MALFORMED_RESPONSE"), QStringLiteral("the order answer is not a JSON object")};
    const QJsonObject o = doc.object();
    OrderState s;
    s.symbol = o.value(QStringLiteral("symbol")).toString();
    s.clientOrderId = o.value(QStringLiteral("clientOrderId")).toString();
    s.orderId = o.value(QStringLiteral("orderId")).toInteger();
    const auto dec = [&o](const char *key, engine::Decimal *out) {
        const auto d = engine::Decimal::parse(o.value(QLatin1String(key)).toString());
        if (!d)
            return false;
        *out = *d;
        return true;
    };
    const QString side = o.value(QStringLiteral("side")).toString();
    const QString type = o.value(QStringLiteral("type")).toString();
    s.type = type == QLatin1String("MARKET") ? engine::OrderType::Market
             : type == QLatin1String("LIMIT_MAKER") ? engine::OrderType::LimitMaker
                                                    : engine::OrderType::Limit;
    if (!engine::parseTimeInForce(o.value(QStringLiteral("timeInForce")).toString(), s.timeInForce))
        s.timeInForce = engine::TimeInForce::Gtc;
    s.price = engine::Decimal::parse(o.value(QStringLiteral("price")).toString()).value_or(engine::Decimal());
    s.timeMs = o.value(QStringLiteral("time")).toInteger();
    s.side = side == QLatin1String("SELL") ? engine::Side::Sell : engine::Side::Buy;
    s.updateMs = o.contains(QLatin1String("transactTime")) ? o.value(QLatin1String("transactTime")).toInteger()
                                                           : o.value(QLatin1String("updateTime")).toInteger();
    for (const QJsonValue &v : o.value(QStringLiteral("fills")).toArray()) {
        const QJsonObject f = v.toObject();
        AccountTrade t;
        t.orderId = s.orderId;
        t.fill.symbol = s.symbol;
        t.fill.clientId = s.clientOrderId;
        t.fill.side = s.side;
        t.fill.tsMs = s.updateMs;
        t.fill.feeAsset = f.value(QStringLiteral("commissionAsset")).toString();
        const qint64 tradeId = f.value(QStringLiteral("tradeId")).toInteger(-1);
        const auto price = engine::Decimal::parse(f.value(QStringLiteral("price")).toString());
        const auto qty = engine::Decimal::parse(f.value(QStringLiteral("qty")).toString());
        const auto fee = engine::Decimal::parse(f.value(QStringLiteral("commission")).toString());
        if (tradeId < 0 || !price || !qty || !fee || !price->isPositive() || !qty->isPositive())
            return engine::Error{QStringLiteral("MALFORMED_RESPONSE"),
                                 QStringLiteral("a fill of order %1 lacks tradeId, price, qty or commission").arg(s.clientOrderId)};
        t.fill.fillId = QStringLiteral("%1-%2").arg(s.symbol).arg(tradeId);
        t.fill.price = *price;
        t.fill.qty = *qty;
        t.fill.fee = *fee;
        s.fills << t;
    }
    if (s.symbol.isEmpty() || s.clientOrderId.isEmpty() || (side != QLatin1String("BUY") && side != QLatin1String("SELL"))
        || !parseOrderStatus(o.value(QStringLiteral("status")).toString(), &s.status)
        || !dec("origQty", &s.origQty) || !dec("executedQty", &s.executedQty)
        || !dec("cummulativeQuoteQty", &s.cumulativeQuote)
        || (o.contains(QStringLiteral("origQuoteOrderQty")) && !dec("origQuoteOrderQty", &s.origQuoteQty)))
        return engine::Error{QStringLiteral("MALFORMED_RESPONSE"),
                             QStringLiteral("the order answer lacks symbol, clientOrderId, a known status or a quantity")};
    return s;
}

BinanceRestClient::BinanceRestClient(QUrl baseUrl, QByteArray apiKey, BinanceSigner signer, QObject *parent)
    : QObject(parent)
    , m_base(std::move(baseUrl))
    , m_apiKey(std::move(apiKey))
    , m_signer(std::move(signer))
{
    net::HttpClientConfig config;
    // Binance reports the weight it counted; the budget follows it (protocols.md §1.7).
    config.usageHeaders = {{QByteArray("X-MBX-USED-WEIGHT-1M"), kMinuteMs}};
    m_http = std::make_unique<net::HttpClient>(config, this);
    m_http->setHostBudget(m_base, {{6000, kMinuteMs}});
}

BinanceRestClient::~BinanceRestClient() = default;

qint64 BinanceRestClient::serverNowMs() const { return QDateTime::currentMSecsSinceEpoch() + m_offsetMs; }

void BinanceRestClient::observe(const net::HttpResponse &r, qint64 sentAtMs)
{
    if (r.status == 0)
        return;
    m_lastLatencyMs = QDateTime::currentMSecsSinceEpoch() - sentAtMs;
    bool ok = false;
    const int used = r.header("X-MBX-USED-WEIGHT-1M").toInt(&ok);
    if (ok && used >= 0)
        m_usedWeight = used;
}

void BinanceRestClient::sendPublic(const QString &path, const QUrlQuery &query, int weight,
                                   std::function<void(const net::HttpResponse &, const BinanceError &)> done)
{
    QUrl url = m_base;
    url.setPath(m_base.path() + path);
    if (!query.isEmpty())
        url.setQuery(query);
    const qint64 sentAt = QDateTime::currentMSecsSinceEpoch();
    m_http->send(net::HttpRequest::get(url, weight), [this, done, sentAt](const net::HttpResponse &r) {
        observe(r, sentAt);
        BinanceError e = classify(r.status, r.body, true, r.header("Retry-After"));
        if (r.status == 0) {
            e.action = BinanceError::Action::Retry;
            e.message = r.message;
        }
        done(r, e);
    });
}

void BinanceRestClient::apiRestrictions(std::function<void(engine::Result<KeyRestrictions>)> done)
{
    sendSigned("GET", QStringLiteral("/sapi/v1/account/apiRestrictions"), {}, 1, true,
               [done](const net::HttpResponse &r, const BinanceError &e) {
                   if (e.action != BinanceError::Action::None)
                       return done(e.toError());
                   const QJsonObject o = QJsonDocument::fromJson(r.body).object();
                   if (!o.value(QStringLiteral("ipRestrict")).isBool())
                       return done(engine::Error{QStringLiteral("MALFORMED_RESPONSE"), QStringLiteral("apiRestrictions without ipRestrict")});
                   KeyRestrictions k;
                   k.ipRestrict = o.value(QStringLiteral("ipRestrict")).toBool();
                   k.enableReading = o.value(QStringLiteral("enableReading")).toBool();
                   k.enableSpotTrading = o.value(QStringLiteral("enableSpotAndMarginTrading")).toBool();
                   k.enableWithdrawals = o.value(QStringLiteral("enableWithdrawals")).toBool();
                   done(k);
               });
}

void BinanceRestClient::myTrades(const QString &symbol, qint64 orderId,
                                 std::function<void(engine::Result<QList<AccountTrade>>)> done)
{
    const Params params{{QStringLiteral("symbol"), symbol}, {QStringLiteral("orderId"), QString::number(orderId)}};
    sendSigned("GET", QStringLiteral("/api/v3/myTrades"), params, 5, true,
               [done](const net::HttpResponse &r, const BinanceError &e) {
                   if (e.action != BinanceError::Action::None)
                       return done(e.toError());
                   done(parseMyTrades(r.body));
               });
}

void BinanceRestClient::depth(const QString &symbol, int limit, std::function<void(engine::Result<DepthSnapshot>)> done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("symbol"), symbol);
    q.addQueryItem(QStringLiteral("limit"), QString::number(std::clamp(limit, 1, 5000)));
    const int weight = limit <= 100 ? 5 : limit <= 500 ? 25 : limit <= 1000 ? 50 : 250;
    sendPublic(QStringLiteral("/api/v3/depth"), q, weight, [done](const net::HttpResponse &r, const BinanceError &e) {
        if (e.action != BinanceError::Action::None)
            return done(e.toError());
        done(parseDepth(r.body));
    });
}

void BinanceRestClient::lastPrice(const QString &symbol, std::function<void(engine::Result<engine::Decimal>)> done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("symbol"), symbol);
    q.addQueryItem(QStringLiteral("type"), QStringLiteral("MINI"));
    sendPublic(QStringLiteral("/api/v3/ticker/24hr"), q, 2, [symbol, done](const net::HttpResponse &r, const BinanceError &e) {
        if (e.action != BinanceError::Action::None)
            return done(e.toError());
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        const auto price = engine::Decimal::parse(o.value(QStringLiteral("lastPrice")).toString());
        if (o.value(QStringLiteral("symbol")).toString() != symbol || !price || !price->isPositive())
            return done(engine::Error{QStringLiteral("MALFORMED_RESPONSE"),
                                      QStringLiteral("the 24 h ticker of %1 has no usable lastPrice").arg(symbol)});
        done(*price);
    });
}

void BinanceRestClient::klines(const QString &symbol, qint64 startMs, int limit,
                               std::function<void(engine::Result<QList<engine::Candle>>)> done)
{
    klines(symbol, QStringLiteral("1m"), startMs, limit, std::move(done));
}

void BinanceRestClient::klines(const QString &symbol, const QString &interval, qint64 startMs, int limit,
                               std::function<void(engine::Result<QList<engine::Candle>>)> done)
{
    const int seconds = klineIntervalSeconds(interval.toStdString());
    if (seconds <= 0)
        return done(engine::Error{QStringLiteral("INTERVAL_UNKNOWN"), QStringLiteral("no kline interval '%1'").arg(interval)});
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("symbol"), symbol);
    q.addQueryItem(QStringLiteral("interval"), interval);
    q.addQueryItem(QStringLiteral("startTime"), QString::number(startMs));
    q.addQueryItem(QStringLiteral("limit"), QString::number(std::clamp(limit, 1, 1000)));
    sendPublic(QStringLiteral("/api/v3/klines"), q, 2, [this, symbol, seconds, done](const net::HttpResponse &r, const BinanceError &e) {
        if (e.action != BinanceError::Action::None)
            return done(e.toError());
        done(parseKlines(r.body, symbol, seconds, serverNowMs()));
    });
}

void BinanceRestClient::syncTime(std::function<void(engine::Result<qint64>)> done)
{
    QUrl url = m_base;
    url.setPath(m_base.path() + QStringLiteral("/api/v3/time"));
    const qint64 sentAt = QDateTime::currentMSecsSinceEpoch();
    m_http->send(net::HttpRequest::get(url, 1), [this, sentAt, done](const net::HttpResponse &r) {
        observe(r, sentAt);
        const BinanceError e = classify(r.status, r.body, true);
        if (!r.ok() || e.action != BinanceError::Action::None)
            return done(engine::Error{QStringLiteral("TIME_SYNC_FAILED"), r.ok() ? e.message : r.message});
        const qint64 server = QJsonDocument::fromJson(r.body).object().value(QStringLiteral("serverTime")).toInteger();
        if (server <= 0)
            return done(engine::Error{QStringLiteral("MALFORMED_RESPONSE"), QStringLiteral("no serverTime")});
        // The server read its clock about half-way through the round trip.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        m_offsetMs = server - (sentAt + now) / 2;
        done(m_offsetMs);
    });
}

void BinanceRestClient::exchangeInfo(std::function<void(engine::Result<ExchangeRules>)> done)
{
    QUrl url = m_base;
    url.setPath(m_base.path() + QStringLiteral("/api/v3/exchangeInfo"));
    m_http->send(net::HttpRequest::get(url, 20), [done](const net::HttpResponse &r) {
        if (!r.ok())
            return done(engine::Error{r.errorCode, r.message});
        done(parseExchangeInfo(r.body));
    });
}

void BinanceRestClient::sendSigned(const QByteArray &method, const QString &path, const Params &params, int weight,
                                   bool idempotent, Handler done, bool clockRetried)
{
    const engine::Result<QString> query = signedQuery(m_signer, params, serverNowMs());
    if (!query) {
        BinanceError e;
        e.action = BinanceError::Action::Reject;
        e.message = query.error().message;
        return done({}, e);
    }
    QUrl url = m_base;
    url.setPath(m_base.path() + path);
    url.setQuery(query.value(), QUrl::StrictMode);
    net::HttpRequest request;
    request.method = method;
    request.url = url;
    request.headers = {{QByteArray("X-MBX-APIKEY"), m_apiKey}};
    request.idempotent = idempotent;
    request.weight = weight;
    const qint64 sentAt = QDateTime::currentMSecsSinceEpoch();
    m_http->send(request, [=, this](const net::HttpResponse &r) {
        observe(r, sentAt);
        BinanceError e = classify(r.status, r.body, idempotent, r.header("Retry-After"));
        if (r.status == 0) { // no answer at all: the network's verdict stands
            e.action = r.failure == net::FailureKind::UnknownOutcome ? BinanceError::Action::QueryOutcome
                                                                      : BinanceError::Action::Retry;
            e.message = r.message;
        } else if (!r.ok() && r.failure == net::FailureKind::UnknownOutcome) {
            e.action = BinanceError::Action::QueryOutcome;
        }
        if (e.action == BinanceError::Action::ResyncClock && !clockRetried) {
            // Refused before anything happened: resync, then one more try with a fresh timestamp.
            syncTime([=, this](engine::Result<qint64> synced) {
                if (!synced)
                    return done(r, e);
                sendSigned(method, path, params, weight, idempotent, done, true);
            });
            return;
        }
        done(r, e);
    });
}

Params newOrderParams(const engine::OrderRequest &order, const QString &clientId)
{
    Params params{{QStringLiteral("symbol"), order.symbol},
                  {QStringLiteral("side"), order.side == engine::Side::Buy ? QStringLiteral("BUY") : QStringLiteral("SELL")}};
    if (order.type == engine::OrderType::Limit) {
        params << std::pair{QStringLiteral("type"), QStringLiteral("LIMIT")}
               << std::pair{QStringLiteral("timeInForce"), engine::toString(order.timeInForce)}
               << std::pair{QStringLiteral("price"), order.limitPrice.toString()};
    } else if (order.type == engine::OrderType::LimitMaker) {
        // A maker-only order has no time in force: it rests until cancelled or is refused (-2010).
        params << std::pair{QStringLiteral("type"), QStringLiteral("LIMIT_MAKER")}
               << std::pair{QStringLiteral("price"), order.limitPrice.toString()};
    } else {
        params << std::pair{QStringLiteral("type"), QStringLiteral("MARKET")};
    }
    if (order.byQuote()) // MARKET by amount: Binance works out the quantity from its book
        params << std::pair{QStringLiteral("quoteOrderQty"), order.quoteQty.toString()};
    else
        params << std::pair{QStringLiteral("quantity"), order.qty.toString()};
    params << std::pair{QStringLiteral("newClientOrderId"), clientId}
           << std::pair{QStringLiteral("newOrderRespType"), QStringLiteral("FULL")};
    return params;
}

void BinanceRestClient::placeOrder(const engine::OrderRequest &order, const QString &clientId,
                                   std::function<void(engine::Result<OrderState>)> done)
{
    sendSigned("POST", QStringLiteral("/api/v3/order"), newOrderParams(order, clientId), 1, false,
               [done](const net::HttpResponse &r, const BinanceError &e) {
                   switch (e.action) {
                   case BinanceError::Action::None: {
                       // Accepted (2xx): an answer we cannot read does not make it rejected.
                       engine::Result<OrderState> state = parseOrderState(r.body);
                       if (!state) {
                           BinanceError unreadable = e;
                           unreadable.message = state.error().message;
                           return done(outcomeUnknown(unreadable));
                       }
                       return done(std::move(state));
                   }
                   case BinanceError::Action::QueryOutcome:
                       return done(outcomeUnknown(e));
                   default:
                       return done(e.toError());
                   }
               });
}

void BinanceRestClient::queryOrder(const QString &symbol, const QString &clientId,
                                   std::function<void(engine::Result<OrderState>)> done)
{
    const Params params{{QStringLiteral("symbol"), symbol}, {QStringLiteral("origClientOrderId"), clientId}};
    sendSigned("GET", QStringLiteral("/api/v3/order"), params, 4, true,
               [done](const net::HttpResponse &r, const BinanceError &e) {
                   if (e.action == BinanceError::Action::None)
                       return done(parseOrderState(r.body));
                   done(e.toError());
               });
}

void BinanceRestClient::cancelOrder(const QString &symbol, const QString &clientId,
                                    std::function<void(engine::Result<OrderState>)> done)
{
    const Params params{{QStringLiteral("symbol"), symbol}, {QStringLiteral("origClientOrderId"), clientId}};
    // Cancelling twice cancels nothing more: safe to retry.
    sendSigned("DELETE", QStringLiteral("/api/v3/order"), params, 1, true,
               [done](const net::HttpResponse &r, const BinanceError &e) {
                   if (e.action == BinanceError::Action::None)
                       return done(parseOrderState(r.body));
                   done(e.toError());
               });
}

void BinanceRestClient::openOrders(const QString &symbol, std::function<void(engine::Result<QList<OrderState>>)> done)
{
    Params params;
    if (!symbol.isEmpty())
        params << std::pair{QStringLiteral("symbol"), symbol};
    sendSigned("GET", QStringLiteral("/api/v3/openOrders"), params, symbol.isEmpty() ? 80 : 6, true,
               [done](const net::HttpResponse &r, const BinanceError &e) {
                   if (e.action != BinanceError::Action::None)
                       return done(e.toError());
                   const QJsonDocument doc = QJsonDocument::fromJson(r.body);
                   if (!doc.isArray())
                       return done(engine::Error{QStringLiteral("MALFORMED_RESPONSE"), QStringLiteral("openOrders is not an array")});
                   QList<OrderState> list;
                   for (const QJsonValue &v : doc.array()) {
                       engine::Result<OrderState> o = parseOrderState(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
                       if (!o)
                           return done(o.error());
                       list << std::move(o).value();
                   }
                   done(list);
               });
}

void BinanceRestClient::account(std::function<void(engine::Result<Account>)> done)
{
    const Params params{{QStringLiteral("omitZeroBalances"), QStringLiteral("true")}};
    sendSigned("GET", QStringLiteral("/api/v3/account"), params, 20, true,
               [done](const net::HttpResponse &r, const BinanceError &e) {
                   if (e.action != BinanceError::Action::None)
                       return done(e.toError());
                   const QJsonObject o = QJsonDocument::fromJson(r.body).object();
                   if (!o.value(QStringLiteral("balances")).isArray())
                       return done(engine::Error{QStringLiteral("MALFORMED_RESPONSE"), QStringLiteral("account without balances")});
                   Account a;
                   a.canTrade = o.value(QStringLiteral("canTrade")).toBool();
                   a.canWithdraw = o.value(QStringLiteral("canWithdraw")).toBool();
                   for (const QJsonValue &p : o.value(QStringLiteral("permissions")).toArray())
                       a.permissions << p.toString().left(32);
                   const auto taker = engine::Decimal::parse(
                       o.value(QStringLiteral("commissionRates")).toObject().value(QStringLiteral("taker")).toString());
                   if (taker && !taker->isNegative() && *taker < engine::Decimal::fromInt(1))
                       a.takerRate = *taker;
                   for (const QJsonValue &v : o.value(QStringLiteral("balances")).toArray()) {
                       const QJsonObject b = v.toObject();
                       const QString asset = b.value(QStringLiteral("asset")).toString();
                       const auto free = engine::Decimal::parse(b.value(QStringLiteral("free")).toString());
                       const auto locked = engine::Decimal::parse(b.value(QStringLiteral("locked")).toString());
                       if (asset.isEmpty() || !free || !locked)
                           return done(engine::Error{QStringLiteral("MALFORMED_RESPONSE"),
                                                     QStringLiteral("a balance without asset, free or locked ('%1')").arg(asset.left(16))});
                       a.free.insert(asset, *free);
                       a.locked.insert(asset, *locked);
                   }
                   done(a);
               });
}

} // namespace adapters::binance
