#include "tests/support/fakebinance/fakeexchange.h"
#include "tests/support/fakebinance/fakejson.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QUrlQuery>

#include <algorithm>

namespace binancetest {

using engine::Decimal;
using namespace fakejson;

namespace {

Decimal decimalOf(const QJsonValue &v)
{
    return Decimal::parse(v.toString()).value_or(Decimal());
}

const Decimal kFeeRate = Decimal::fromString("0.001");

} // namespace

FakeExchange::FakeExchange(QByteArray apiKey, QByteArray secret, QString exchangeInfoPath)
    : m_apiKey(std::move(apiKey))
    , m_secret(std::move(secret))
{
    QFile f(exchangeInfoPath);
    if (f.open(QIODevice::ReadOnly))
        m_exchangeInfo = f.readAll();
    // The fake's own reading of the rules, independent of the adapter's parser under test.
    for (const QJsonValue &v : parseObject(m_exchangeInfo).value(QStringLiteral("symbols")).toArray()) {
        const QJsonObject s = v.toObject();
        auto r = std::make_shared<Rules>();
        r->status = s.value(QStringLiteral("status")).toString();
        r->base = s.value(QStringLiteral("baseAsset")).toString();
        r->quote = s.value(QStringLiteral("quoteAsset")).toString();
        r->quoteOrderQtyMarketAllowed = s.value(QStringLiteral("quoteOrderQtyMarketAllowed")).toBool();
        r->quoteAssetPrecision = s.value(QStringLiteral("quoteAssetPrecision")).toInt(8);
        for (const QJsonValue &fv : s.value(QStringLiteral("filters")).toArray()) {
            const QJsonObject filter = fv.toObject();
            const QString type = filter.value(QStringLiteral("filterType")).toString();
            if (type == QLatin1String("PRICE_FILTER"))
                r->tick = decimalOf(filter.value(QStringLiteral("tickSize")));
            else if (type == QLatin1String("LOT_SIZE")) {
                r->step = decimalOf(filter.value(QStringLiteral("stepSize")));
                r->minQty = decimalOf(filter.value(QStringLiteral("minQty")));
            } else if (type == QLatin1String("NOTIONAL") || type == QLatin1String("MIN_NOTIONAL"))
                r->minNotional = decimalOf(filter.value(QStringLiteral("minNotional")));
        }
        m_rules.insert(s.value(QStringLiteral("symbol")).toString(), r);
    }
    free.insert(QStringLiteral("USDT"), Decimal::fromInt(10000));
    m_http.setHandler([this](const nettest::ReceivedRequest &r, int) { return handle(r); });
    m_streams.onMessage = [this](int c, const QByteArray &t) { onStreamMessage(c, t); };
    m_wsApi.onMessage = [this](int c, const QByteArray &t) { onWsApiMessage(c, t); };
}

FakeExchange::~FakeExchange() = default;

QUrl FakeExchange::restUrl() const { return m_http.url(QString()); }

QUrl FakeExchange::streamUrl() const
{
    QUrl u = m_streams.url();
    u.setPath(QStringLiteral("/stream"));
    return u;
}

QUrl FakeExchange::wsApiUrl() const
{
    QUrl u = m_wsApi.url();
    u.setPath(QStringLiteral("/ws-api/v3"));
    return u;
}

bool FakeExchange::isListening() const { return m_streams.isListening() && m_wsApi.isListening(); }

qint64 FakeExchange::serverNow() const { return QDateTime::currentMSecsSinceEpoch() + skewMs; }

QString FakeExchange::quoteOf(const QString &symbol) const
{
    const auto r = m_rules.value(symbol);
    return r ? r->quote : QStringLiteral("USDT");
}

QString FakeExchange::baseOf(const QString &symbol) const
{
    const auto r = m_rules.value(symbol);
    return r ? r->base : symbol.chopped(4);
}

nettest::ServerReply FakeExchange::error(int status, int code, const QString &msg)
{
    errorsSent << QString::number(code);
    return nettest::ServerReply::answer(status, compact({{QStringLiteral("code"), code}, {QStringLiteral("msg"), msg}}),
                                        {{"X-MBX-USED-WEIGHT-1M", "12"}});
}

namespace {

nettest::ServerReply json(const QJsonValue &v)
{
    const QByteArray body = v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                        : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
    return nettest::ServerReply::answer(200, body, {{"X-MBX-USED-WEIGHT-1M", "12"}});
}

QJsonObject orderJson(const FakeOrder &o)
{
    return {{QStringLiteral("symbol"), o.symbol},
            {QStringLiteral("orderId"), o.orderId},
            {QStringLiteral("orderListId"), -1},
            {QStringLiteral("clientOrderId"), o.clientOrderId},
            {QStringLiteral("price"), dec(o.limitPrice)},
            {QStringLiteral("origQty"), dec(o.origQty)},
            {QStringLiteral("executedQty"), dec(o.executedQty)},
            {QStringLiteral("origQuoteOrderQty"), dec(o.origQuoteQty)},
            {QStringLiteral("cummulativeQuoteQty"), dec(o.cumQuote)},
            {QStringLiteral("status"), o.status},
            {QStringLiteral("timeInForce"), o.timeInForce},
            {QStringLiteral("type"), o.type},
            {QStringLiteral("side"), o.side},
            {QStringLiteral("time"), o.timeMs},
            {QStringLiteral("updateTime"), o.updateMs},
            {QStringLiteral("isWorking"), true},
            {QStringLiteral("workingTime"), o.timeMs},
            {QStringLiteral("selfTradePreventionMode"), QStringLiteral("EXPIRE_MAKER")}};
}

QJsonObject tradeJson(const FakeTrade &t)
{
    return {{QStringLiteral("symbol"), t.symbol},         {QStringLiteral("id"), t.id},
            {QStringLiteral("orderId"), t.orderId},       {QStringLiteral("orderListId"), -1},
            {QStringLiteral("price"), dec(t.price)},      {QStringLiteral("qty"), dec(t.qty)},
            {QStringLiteral("quoteQty"), dec(t.quoteQty)}, {QStringLiteral("commission"), dec(t.commission)},
            {QStringLiteral("commissionAsset"), t.commissionAsset},
            {QStringLiteral("time"), t.timeMs},           {QStringLiteral("isBuyer"), t.isBuyer},
            {QStringLiteral("isMaker"), t.isMaker},       {QStringLiteral("isBestMatch"), true}};
}

} // namespace

std::optional<nettest::ServerReply> FakeExchange::checkSigned(const nettest::ReceivedRequest &r, const QByteArray &query)
{
    if (r.header("X-MBX-APIKEY") != m_apiKey)
        return error(401, -2015, QStringLiteral("Invalid API-key, IP, or permissions for action."));
    const int at = query.lastIndexOf("&signature=");
    if (at < 0)
        return error(400, -1102, QStringLiteral("Mandatory parameter 'signature' was not sent, was empty/null, or malformed."));
    const QByteArray payload = query.left(at);
    const QByteArray sig = query.mid(at + int(qstrlen("&signature=")));
    const QByteArray expected = QMessageAuthenticationCode::hash(payload, m_secret, QCryptographicHash::Sha256).toHex();
    if (sig.toLower() != expected)
        return error(400, -1022, QStringLiteral("Signature for this request is not valid."));
    const QUrlQuery q(QString::fromLatin1(payload));
    const qint64 ts = q.queryItemValue(QStringLiteral("timestamp")).toLongLong();
    const qint64 window = q.hasQueryItem(QStringLiteral("recvWindow")) ? q.queryItemValue(QStringLiteral("recvWindow")).toLongLong() : 5000;
    const qint64 now = serverNow();
    if (ts >= now + 1000)
        return error(400, -1021, QStringLiteral("Timestamp for this request was 1000ms ahead of the server's time."));
    if (now - ts > window)
        return error(400, -1021, QStringLiteral("Timestamp for this request is outside of the recvWindow."));
    return std::nullopt;
}

nettest::ServerReply FakeExchange::handle(const nettest::ReceivedRequest &r)
{
    const qint64 wall = QDateTime::currentMSecsSinceEpoch();
    // Binance bans an IP that keeps going while told to back off (418), 2 min at least.
    if (wall < m_bannedUntilMs) {
        ++answered418;
        return nettest::ServerReply::answer(418, compact({{QStringLiteral("code"), -1003},
                                                          {QStringLiteral("msg"), QStringLiteral("Way too many requests; IP banned.")}}),
                                            {{"Retry-After", "120"}});
    }
    if (answer429ForNext > 0) {
        --answer429ForNext;
        ++answered429;
        m_last429Ms = wall;
        m_backoffUntilMs = wall + 1000;
        return nettest::ServerReply::answer(429, compact({{QStringLiteral("code"), -1003},
                                                          {QStringLiteral("msg"), QStringLiteral("Too many requests; please use the websocket for live updates.")}}),
                                            {{"Retry-After", "1"}});
    }
    // A request sent inside the Retry-After window means the client did not back off (requests
    // already on the wire when the 429 left arrive within a few ms and are forgiven).
    if (wall < m_backoffUntilMs - 50 && wall - m_last429Ms > 200) {
        m_bannedUntilMs = wall + 120'000;
        ++answered418;
        return nettest::ServerReply::answer(418, compact({{QStringLiteral("code"), -1003},
                                                          {QStringLiteral("msg"), QStringLiteral("Way too many requests; IP banned.")}}),
                                            {{"Retry-After", "120"}});
    }
    const int qmark = r.path.indexOf('?');
    const QByteArray path = qmark < 0 ? r.path : r.path.left(qmark);
    const QByteArray query = qmark < 0 ? QByteArray() : r.path.mid(qmark + 1);
    const QUrlQuery q(QString::fromLatin1(query));
    if (r.method == "GET" && path == "/api/v3/ping")
        return json(QJsonObject{});
    if (r.method == "GET" && path == "/api/v3/time")
        return json(QJsonObject{{QStringLiteral("serverTime"), serverNow()}});
    if (r.method == "GET" && path == "/api/v3/exchangeInfo") {
        if (statusOverride.isEmpty())
            return nettest::ServerReply::answer(200, m_exchangeInfo, {{"X-MBX-USED-WEIGHT-1M", "20"}});
        QJsonObject info = parseObject(m_exchangeInfo);
        QJsonArray symbols = info.value(QStringLiteral("symbols")).toArray();
        for (qsizetype i = 0; i < symbols.size(); ++i) {
            QJsonObject sym = symbols.at(i).toObject();
            const QString name = sym.value(QStringLiteral("symbol")).toString();
            if (statusOverride.contains(name)) {
                sym.insert(QStringLiteral("status"), statusOverride.value(name));
                symbols.replace(i, sym);
                if (auto rule = m_rules.value(name))
                    rule->status = statusOverride.value(name);
            }
        }
        info.insert(QStringLiteral("symbols"), symbols);
        return nettest::ServerReply::answer(200, compact(info), {{"X-MBX-USED-WEIGHT-1M", "20"}});
    }
    if (r.method == "GET" && path == "/api/v3/depth") {
        const QString symbol = q.queryItemValue(QStringLiteral("symbol"));
        if (!m_rules.contains(symbol))
            return error(400, -1121, QStringLiteral("Invalid symbol."));
        ++depthSnapshots;
        const Depth &d = m_depth[symbol];
        const auto side = [](const QList<QPair<Decimal, Decimal>> &levels) {
            QJsonArray a;
            for (const auto &[p, qty] : levels)
                a.append(QJsonArray{dec(p), dec(qty)});
            return a;
        };
        return nettest::ServerReply::answer(200, compact({{QStringLiteral("lastUpdateId"), d.lastUpdateId},
                                                          {QStringLiteral("bids"), side(d.bids)},
                                                          {QStringLiteral("asks"), side(d.asks)}}),
                                            {{"X-MBX-USED-WEIGHT-1M", "17"}});
    }
    if (r.method == "GET" && path == "/api/v3/ticker/24hr") {
        const QString symbol = q.queryItemValue(QStringLiteral("symbol"));
        if (!m_rules.contains(symbol) || !m_price.value(symbol).isPositive())
            return error(400, -1121, QStringLiteral("Invalid symbol."));
        ++tickerRequests;
        const QString last = dec(m_price.value(symbol));
        const qint64 now = serverNow();
        return json(QJsonObject{{QStringLiteral("symbol"), symbol}, {QStringLiteral("openPrice"), last},
                                {QStringLiteral("highPrice"), last}, {QStringLiteral("lowPrice"), last},
                                {QStringLiteral("lastPrice"), last}, {QStringLiteral("volume"), QStringLiteral("0")},
                                {QStringLiteral("quoteVolume"), QStringLiteral("0")}, {QStringLiteral("openTime"), now - 86'400'000},
                                {QStringLiteral("closeTime"), now}, {QStringLiteral("firstId"), 0},
                                {QStringLiteral("lastId"), 0}, {QStringLiteral("count"), 0}});
    }
    if (r.method == "GET" && path == "/api/v3/klines") {
        const QString symbol = q.queryItemValue(QStringLiteral("symbol"));
        if (!m_rules.contains(symbol))
            return error(400, -1121, QStringLiteral("Invalid symbol."));
        static const QHash<QString, qint64> intervals{{QStringLiteral("1m"), 60'000}, {QStringLiteral("5m"), 300'000},
                                                      {QStringLiteral("1h"), 3'600'000}, {QStringLiteral("1d"), 86'400'000}};
        const qint64 intervalMs = intervals.value(q.queryItemValue(QStringLiteral("interval")), 0);
        if (intervalMs == 0)
            return error(400, -1120, QStringLiteral("Invalid interval."));
        ++klineRequests;
        const qint64 start = q.queryItemValue(QStringLiteral("startTime")).toLongLong();
        const int limit = std::clamp(q.queryItemValue(QStringLiteral("limit")).toInt(), 1, 1000);
        QJsonArray rows;
        for (const FakeBar &b : m_bars.value(symbol)) {
            if (b.openTimeMs < start || rows.size() >= limit)
                continue;
            rows.append(QJsonArray{b.openTimeMs, dec(b.open), dec(b.high), dec(b.low), dec(b.close), dec(b.volume),
                                   b.openTimeMs + intervalMs - 1, dec(b.volume * b.close), 10, QStringLiteral("0"),
                                   QStringLiteral("0"), QStringLiteral("0")});
        }
        return json(rows);
    }
    if (path == "/api/v3/order") {
        if (r.method == "POST") {
            ++orderPosts;
            lastOrderPostNs = r.atNs;
        }
        if (auto refused = checkSigned(r, query))
            return *refused;
        return handleOrder(r, query);
    }
    if (path == "/sapi/v1/account/apiRestrictions" && hasApiRestrictions) {
        if (auto refused = checkSigned(r, query))
            return *refused;
        return json(QJsonObject{{QStringLiteral("ipRestrict"), keyIpRestricted},
                                {QStringLiteral("createTime"), qint64(1698645219000)},
                                {QStringLiteral("enableReading"), true},
                                {QStringLiteral("enableWithdrawals"), keyWithdrawals},
                                {QStringLiteral("enableInternalTransfer"), false},
                                {QStringLiteral("enableMargin"), false},
                                {QStringLiteral("enableFutures"), false},
                                {QStringLiteral("permitsUniversalTransfer"), false},
                                {QStringLiteral("enableVanillaOptions"), false},
                                {QStringLiteral("enableFixApiTrade"), false},
                                {QStringLiteral("enableFixReadOnly"), false},
                                {QStringLiteral("enableSpotAndMarginTrading"), true},
                                {QStringLiteral("enablePortfolioMarginTrading"), false}});
    }
    if (path == "/api/v3/openOrders" || path == "/api/v3/account" || path == "/api/v3/myTrades") {
        if (auto refused = checkSigned(r, query))
            return *refused;
        return handleSigned(path, query);
    }
    return error(404, -1000, QStringLiteral("Unknown path."));
}

nettest::ServerReply FakeExchange::handleSigned(const QByteArray &path, const QByteArray &query)
{
    const QUrlQuery q(QString::fromLatin1(query));
    if (path == "/api/v3/account") {
        QJsonArray balances;
        QStringList assets = free.keys() + locked.keys();
        assets.removeDuplicates();
        std::sort(assets.begin(), assets.end());
        for (const QString &a : assets)
            balances.append(QJsonObject{{QStringLiteral("asset"), a}, {QStringLiteral("free"), dec(free.value(a))},
                                        {QStringLiteral("locked"), dec(locked.value(a))}});
        return json(QJsonObject{{QStringLiteral("makerCommission"), 10}, {QStringLiteral("takerCommission"), 10},
                                {QStringLiteral("canTrade"), true}, {QStringLiteral("canWithdraw"), false},
                                {QStringLiteral("canDeposit"), true}, {QStringLiteral("accountType"), QStringLiteral("SPOT")},
                                {QStringLiteral("balances"), balances},
                                {QStringLiteral("permissions"), QJsonArray{QStringLiteral("SPOT")}}});
    }
    if (path == "/api/v3/myTrades") {
        const QString symbol = q.queryItemValue(QStringLiteral("symbol"));
        const qint64 orderId = q.queryItemValue(QStringLiteral("orderId")).toLongLong();
        QJsonArray list;
        for (const FakeTrade &t : std::as_const(trades)) {
            if (t.symbol == symbol && (orderId == 0 || t.orderId == orderId))
                list.append(tradeJson(t));
        }
        return json(list);
    }
    const QString symbol = q.queryItemValue(QStringLiteral("symbol"));
    QJsonArray open;
    for (const FakeOrder &o : std::as_const(orders)) {
        if (o.isOpen() && (symbol.isEmpty() || o.symbol == symbol))
            open.append(orderJson(o));
    }
    return json(open);
}

nettest::ServerReply FakeExchange::handleOrder(const nettest::ReceivedRequest &r, const QByteArray &query)
{
    const QUrlQuery q(QString::fromLatin1(query));
    if (r.method == "GET" || r.method == "DELETE") {
        auto it = orders.find(q.queryItemValue(QStringLiteral("origClientOrderId")));
        if (it == orders.end())
            return r.method == "GET" ? error(400, -2013, QStringLiteral("Order does not exist."))
                                     : error(400, -2011, QStringLiteral("Unknown order sent."));
        if (r.method == "GET")
            return json(orderJson(*it));
        if (!it->isOpen())
            return error(400, -2011, QStringLiteral("Unknown order sent."));
        it->status = QStringLiteral("CANCELED");
        it->updateMs = serverNow();
        // Release what the order still held.
        const Decimal rest = it->origQty - it->executedQty;
        if (it->side == QLatin1String("BUY")) {
            const Decimal held = rest * it->limitPrice;
            locked[quoteOf(it->symbol)] -= held;
            free[quoteOf(it->symbol)] += held;
        } else {
            locked[baseOf(it->symbol)] -= rest;
            free[baseOf(it->symbol)] += rest;
        }
        executionReport(*it, QStringLiteral("CANCELED"), nullptr, it->clientOrderId);
        accountPosition({quoteOf(it->symbol), baseOf(it->symbol)});
        QJsonObject answer = orderJson(*it);
        answer.insert(QStringLiteral("origClientOrderId"), it->clientOrderId);
        return json(answer);
    }
    if (r.method != "POST")
        return error(405, -1000, QStringLiteral("Method not allowed."));
    return placeOrder(q);
}

nettest::ServerReply FakeExchange::placeOrder(const QUrlQuery &q)
{
    const QString client = q.queryItemValue(QStringLiteral("newClientOrderId"));
    if (orders.contains(client) && orders.value(client).isOpen())
        return error(400, -2010, QStringLiteral("Duplicate order sent."));
    FakeOrder o;
    o.symbol = q.queryItemValue(QStringLiteral("symbol"));
    o.clientOrderId = client;
    o.side = q.queryItemValue(QStringLiteral("side"));
    o.type = q.queryItemValue(QStringLiteral("type"));
    o.timeInForce = q.queryItemValue(QStringLiteral("timeInForce"));
    o.qty = q.queryItemValue(QStringLiteral("quantity"));
    o.price = q.queryItemValue(QStringLiteral("price"));
    const auto rules = m_rules.value(o.symbol);
    if (!rules)
        return error(400, -1121, QStringLiteral("Invalid symbol."));
    if (rules->status != QLatin1String("TRADING"))
        return error(400, -1013, QStringLiteral("Market is closed."));
    const QString amount = q.queryItemValue(QStringLiteral("quoteOrderQty"));
    if (!amount.isEmpty()) {
        // MARKET by amount: the quantity is what the amount buys at the last price, down to the step.
        if (o.type != QLatin1String("MARKET") || !o.qty.isEmpty())
            return error(400, -1106, QStringLiteral("Parameter 'quoteOrderQty' sent when not required."));
        if (!rules->quoteOrderQtyMarketAllowed)
            return error(400, -1013, QStringLiteral("Quote order qty market orders are not support for this symbol."));
        const auto quoteQty = Decimal::parse(amount);
        if (!quoteQty || !quoteQty->isPositive())
            return error(400, -1100, QStringLiteral("Illegal characters found in parameter 'quoteOrderQty'."));
        if (quoteQty->rounded(rules->quoteAssetPrecision, engine::Rounding::Down) != *quoteQty)
            return error(400, -1111, QStringLiteral("Parameter 'quoteOrderQty' has too much precision."));
        const Decimal last = m_price.value(o.symbol);
        if (!last.isPositive())
            return error(400, -1013, QStringLiteral("Market is closed."));
        o.origQuoteQty = *quoteQty;
        o.qty = (*quoteQty / last).quantized(rules->step.isPositive() ? rules->step : Decimal::fromString("0.00000001"))
                    .toString();
    }
    const auto qty = Decimal::parse(o.qty);
    if (!qty || !qty->isPositive())
        return error(400, -1100, QStringLiteral("Illegal characters found in parameter 'quantity'."));
    o.origQty = *qty;
    const bool limit = o.type == QLatin1String("LIMIT") || o.type == QLatin1String("LIMIT_MAKER");
    if (limit) {
        const auto price = Decimal::parse(o.price);
        if (!price || !price->isPositive())
            return error(400, -1100, QStringLiteral("Illegal characters found in parameter 'price'."));
        o.limitPrice = *price;
        if (rules->tick.isPositive() && o.limitPrice.quantized(rules->tick) != o.limitPrice)
            return error(400, -1013, QStringLiteral("Filter failure: PRICE_FILTER"));
    }
    if (rules->step.isPositive() && (o.origQty.quantized(rules->step) != o.origQty || o.origQty < rules->minQty))
        return error(400, -1013, QStringLiteral("Filter failure: LOT_SIZE"));
    const Decimal last = m_price.value(o.symbol);
    const Decimal refPrice = limit ? o.limitPrice : last;
    if (!refPrice.isPositive())
        return error(400, -1013, QStringLiteral("Market is closed."));
    if (o.origQty * refPrice < rules->minNotional)
        return error(400, -1013, QStringLiteral("Filter failure: NOTIONAL"));
    // Funds: a buy needs the quote (with the fee), a sell the base.
    const QString quote = rules->quote;
    const QString base = rules->base;
    if (o.side == QLatin1String("BUY")) {
        const Decimal need = o.origQty * refPrice;
        if (free.value(quote) < need + need * kFeeRate)
            return error(400, -2010, QStringLiteral("Account has insufficient balance for requested action."));
    } else if (free.value(base) < o.origQty) {
        return error(400, -2010, QStringLiteral("Account has insufficient balance for requested action."));
    }
    const bool crosses = o.side == QLatin1String("BUY") ? last <= o.limitPrice : last >= o.limitPrice;
    if (o.type == QLatin1String("LIMIT_MAKER") && crosses && last.isPositive())
        return error(400, -2010, QStringLiteral("Order would immediately match and take."));
    o.orderId = ++m_nextOrderId;
    o.timeMs = o.updateMs = serverNow();
    o.status = QStringLiteral("NEW");
    const QList<FakeTrade>::size_type tradesBefore = trades.size();
    orders.insert(client, o);
    FakeOrder &placed = orders[client];
    executionReport(placed, QStringLiteral("NEW"), nullptr);
    const bool immediateOnly = o.timeInForce == QLatin1String("IOC") || o.timeInForce == QLatin1String("FOK");
    if (!limit || (crosses && last.isPositive())) {
        fill(placed, placed.origQty, last, false);
    } else if (immediateOnly) {
        placed.status = QStringLiteral("EXPIRED");
        executionReport(placed, QStringLiteral("EXPIRED"), nullptr);
    } else {
        // Resting: the funds are held.
        if (o.side == QLatin1String("BUY")) {
            free[quote] -= o.origQty * o.limitPrice;
            locked[quote] += o.origQty * o.limitPrice;
        } else {
            free[base] -= o.origQty;
            locked[base] += o.origQty;
        }
        accountPosition({quote, base});
    }
    if (stallOrdersAfterAccepting)
        return nettest::ServerReply::stall();
    if (acceptNextOrderThen503) {
        acceptNextOrderThen503 = false;
        return nettest::ServerReply::answer(503, "<html>Service Unavailable</html>");
    }
    QJsonObject answer = orderJson(placed);
    answer.insert(QStringLiteral("transactTime"), placed.timeMs);
    QJsonArray fills;
    for (auto i = tradesBefore; i < trades.size(); ++i) {
        const FakeTrade &t = trades.at(i);
        fills.append(QJsonObject{{QStringLiteral("price"), dec(t.price)}, {QStringLiteral("qty"), dec(t.qty)},
                                 {QStringLiteral("commission"), dec(t.commission)},
                                 {QStringLiteral("commissionAsset"), t.commissionAsset}, {QStringLiteral("tradeId"), t.id}});
    }
    answer.insert(QStringLiteral("fills"), fills);
    return json(answer);
}

void FakeExchange::fill(FakeOrder &o, Decimal qty, Decimal price, bool maker)
{
    FakeTrade t;
    t.id = ++m_nextTradeId;
    t.orderId = o.orderId;
    t.clientOrderId = o.clientOrderId;
    t.symbol = o.symbol;
    t.price = price;
    t.qty = qty;
    t.quoteQty = (qty * price).rounded(8);
    t.timeMs = serverNow();
    t.isBuyer = o.side == QLatin1String("BUY");
    // With the BNB discount on, Binance takes every commission in BNB (25 % less), whatever the pair.
    const Decimal bnbPrice = m_price.value(QStringLiteral("BNBUSDT"));
    const bool feeInBnb = payFeesInBnb && bnbPrice.isPositive();
    const bool feeInToken = !feeInBnb && t.isBuyer && buyFeeInBase;
    t.commission = feeInBnb     ? (t.quoteQty * kFeeRate * Decimal::fromString("0.75") / bnbPrice).rounded(8)
                   : feeInToken ? (qty * kFeeRate).rounded(8)
                                : (t.quoteQty * kFeeRate).rounded(8);
    t.commissionAsset = feeInBnb ? QStringLiteral("BNB") : feeInToken ? baseOf(o.symbol) : quoteOf(o.symbol);
    if (feeInBnb)
        free[QStringLiteral("BNB")] -= t.commission;
    t.isMaker = maker;
    trades << t;
    const QString quote = quoteOf(o.symbol);
    const QString base = baseOf(o.symbol);
    const bool wasResting = maker || o.executedQty.isPositive() || !o.isOpen();
    if (t.isBuyer) {
        if (wasResting && o.limitPrice.isPositive()) // held at the limit price
            locked[quote] -= qty * o.limitPrice, free[quote] += qty * o.limitPrice;
        free[quote] -= t.quoteQty + (feeInToken || feeInBnb ? Decimal() : t.commission);
        free[base] += qty - (feeInToken ? t.commission : Decimal());
    } else {
        if (wasResting)
            locked[base] -= qty, free[base] += qty;
        free[base] -= qty;
        free[quote] += t.quoteQty - (feeInBnb ? Decimal() : t.commission);
    }
    o.executedQty += qty;
    o.cumQuote += t.quoteQty;
    o.updateMs = t.timeMs;
    if (o.isOpen())
        o.status = o.executedQty >= o.origQty ? QStringLiteral("FILLED") : QStringLiteral("PARTIALLY_FILLED");
    executionReport(o, QStringLiteral("TRADE"), &t);
    accountPosition({quote, base});
}

void FakeExchange::trade(const QString &clientOrderId, Decimal qty, Decimal price)
{
    auto it = orders.find(clientOrderId);
    if (it != orders.end())
        fill(*it, qty, price, true);
}

void FakeExchange::placeExternal(const QString &symbol, const QString &clientOrderId, const QString &side, Decimal qty,
                                 Decimal price)
{
    FakeOrder o;
    o.symbol = symbol;
    o.clientOrderId = clientOrderId;
    o.side = side;
    o.type = QStringLiteral("LIMIT");
    o.timeInForce = QStringLiteral("GTC");
    o.origQty = qty;
    o.limitPrice = price;
    o.qty = dec(qty);
    o.price = dec(price);
    o.orderId = ++m_nextOrderId;
    o.timeMs = o.updateMs = serverNow();
    o.status = QStringLiteral("NEW");
    orders.insert(clientOrderId, o);
    // The funds it holds, as for any resting order.
    if (side == QLatin1String("BUY")) {
        free[quoteOf(symbol)] -= qty * price;
        locked[quoteOf(symbol)] += qty * price;
    } else {
        free[baseOf(symbol)] -= qty;
        locked[baseOf(symbol)] += qty;
    }
    executionReport(o, QStringLiteral("NEW"), nullptr);
    accountPosition({quoteOf(symbol), baseOf(symbol)});
}

void FakeExchange::matchResting(const QString &symbol)
{
    const Decimal last = m_price.value(symbol);
    for (FakeOrder &o : orders) {
        if (o.symbol != symbol || !o.isOpen() || !o.limitPrice.isPositive())
            continue;
        const bool crosses = o.side == QLatin1String("BUY") ? last <= o.limitPrice : last >= o.limitPrice;
        if (!crosses)
            continue;
        const int parts = std::max(1, limitFillParts);
        for (int i = 0; i < parts && o.isOpen(); ++i) {
            const Decimal rest = o.origQty - o.executedQty;
            Decimal qty = i + 1 == parts ? rest : (o.origQty / Decimal::fromInt(parts)).quantized(m_rules.value(symbol)->step.isPositive() ? m_rules.value(symbol)->step : Decimal::fromString("0.00000001"));
            if (!qty.isPositive() || qty > rest)
                qty = rest;
            fill(o, qty, o.limitPrice, true);
        }
    }
}

} // namespace binancetest
