// FakeExchange, what it pushes: the combined market streams (trade, bookTicker, depth diffs, the
// 24 h mini ticker, closed klines, SUBSCRIBE answers) and the WebSocket API (signature check,
// order.place, the user data subscription, executionReport and outboundAccountPosition events).
#include "tests/support/fakebinance/fakeexchange.h"
#include "tests/support/fakebinance/fakejson.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QUrlQuery>

#include <algorithm>

namespace binancetest {

using engine::Decimal;
using namespace fakejson;

void FakeExchange::setPrice(const QString &symbol, Decimal price)
{
    m_price.insert(symbol, price);
    const QString lower = symbol.toLower();
    const qint64 now = serverNow();
    const auto rules = m_rules.value(symbol);
    const Decimal tick = rules && rules->tick.isPositive() ? rules->tick : Decimal::fromString("0.00000001");
    publish(lower + QStringLiteral("@trade"),
            compact({{QStringLiteral("e"), QStringLiteral("trade")}, {QStringLiteral("E"), now},
                     {QStringLiteral("s"), symbol}, {QStringLiteral("t"), ++m_nextTradeId},
                     {QStringLiteral("p"), dec(price)}, {QStringLiteral("q"), QStringLiteral("1000.00000000")},
                     {QStringLiteral("T"), now}, {QStringLiteral("m"), false}, {QStringLiteral("M"), true}}));
    publish(lower + QStringLiteral("@bookTicker"),
            compact({{QStringLiteral("u"), now}, {QStringLiteral("s"), symbol}, {QStringLiteral("b"), dec(price - tick)},
                     {QStringLiteral("B"), QStringLiteral("5000000.00000000")}, {QStringLiteral("a"), dec(price + tick)},
                     {QStringLiteral("A"), QStringLiteral("5000000.00000000")}}));
    moveBook(symbol, price);
    // The rolling 24 hours, from the first price the test set.
    auto &day = m_day[symbol];
    if (!day.open.isPositive())
        day = {price, price, price, {}};
    day.high = Decimal::max(day.high, price);
    day.low = Decimal::min(day.low, price);
    day.quoteVolume += price * Decimal::fromInt(1000);
    publish(lower + QStringLiteral("@miniTicker"),
            compact({{QStringLiteral("e"), QStringLiteral("24hrMiniTicker")}, {QStringLiteral("E"), now},
                     {QStringLiteral("s"), symbol}, {QStringLiteral("c"), dec(price)}, {QStringLiteral("o"), dec(day.open)},
                     {QStringLiteral("h"), dec(day.high)}, {QStringLiteral("l"), dec(day.low)},
                     {QStringLiteral("v"), QStringLiteral("1000.00000000")}, {QStringLiteral("q"), dec(day.quoteVolume)}}));
    matchResting(symbol);
}

void FakeExchange::moveBook(const QString &symbol, Decimal price)
{
    // Five levels a side around the price; the diff removes what moved away (qty 0) and sets the new ones.
    const auto rules = m_rules.value(symbol);
    const Decimal tick = rules && rules->tick.isPositive() ? rules->tick : Decimal::fromString("0.00000001");
    Depth &d = m_depth[symbol];
    QList<QPair<Decimal, Decimal>> bids, asks;
    for (int k = 1; k <= 5; ++k) {
        bids.append({price - tick * Decimal::fromInt(k), Decimal::fromInt(1'000'000 * k)});
        asks.append({price + tick * Decimal::fromInt(k), Decimal::fromInt(1'000'000 * k)});
    }
    const auto diff = [](const QList<QPair<Decimal, Decimal>> &before, const QList<QPair<Decimal, Decimal>> &after) {
        QJsonArray out;
        for (const auto &[p, q] : before) {
            bool kept = false;
            for (const auto &n : after)
                kept = kept || n.first == p;
            if (!kept)
                out.append(QJsonArray{dec(p), QStringLiteral("0.00000000")});
        }
        for (const auto &[p, q] : after)
            out.append(QJsonArray{dec(p), dec(q)});
        return out;
    };
    const QJsonArray b = diff(d.bids, bids);
    const QJsonArray a = diff(d.asks, asks);
    d.bids = bids;
    d.asks = asks;
    const qint64 id = ++d.lastUpdateId;
    if (skipNextDepthUpdate) {
        skipNextDepthUpdate = false;
        return;
    }
    publish(symbol.toLower() + QStringLiteral("@depth@100ms"),
            compact({{QStringLiteral("e"), QStringLiteral("depthUpdate")}, {QStringLiteral("E"), serverNow()},
                     {QStringLiteral("s"), symbol}, {QStringLiteral("U"), id}, {QStringLiteral("u"), id},
                     {QStringLiteral("b"), b}, {QStringLiteral("a"), a}}));
}

void FakeExchange::addBar(const QString &symbol, const FakeBar &bar, bool push)
{
    m_bars[symbol].append(bar);
    if (!push)
        return;
    const QJsonObject k{{QStringLiteral("t"), bar.openTimeMs}, {QStringLiteral("T"), bar.openTimeMs + 59'999},
                        {QStringLiteral("s"), symbol},         {QStringLiteral("i"), QStringLiteral("1m")},
                        {QStringLiteral("f"), 1},              {QStringLiteral("L"), 2},
                        {QStringLiteral("o"), dec(bar.open)},  {QStringLiteral("c"), dec(bar.close)},
                        {QStringLiteral("h"), dec(bar.high)},  {QStringLiteral("l"), dec(bar.low)},
                        {QStringLiteral("v"), dec(bar.volume)}, {QStringLiteral("n"), 10},
                        {QStringLiteral("x"), true},           {QStringLiteral("q"), dec(bar.volume * bar.close)},
                        {QStringLiteral("V"), QStringLiteral("0")}, {QStringLiteral("Q"), QStringLiteral("0")},
                        {QStringLiteral("B"), QStringLiteral("0")}};
    publish(symbol.toLower() + QStringLiteral("@kline_1m"),
            compact({{QStringLiteral("e"), QStringLiteral("kline")}, {QStringLiteral("E"), serverNow()},
                     {QStringLiteral("s"), symbol}, {QStringLiteral("k"), k}}));
}

void FakeExchange::publish(const QString &stream, const QByteArray &data)
{
    const QByteArray frame = "{\"stream\":\"" + stream.toUtf8() + "\",\"data\":" + data + "}";
    for (auto it = m_subscribed.cbegin(); it != m_subscribed.cend(); ++it) {
        if (!it.value().contains(stream))
            continue;
        if (m_streams.sendTextTo(it.key(), frame))
            ++m_streamFrames;
        if (dropStreamsEvery > 0 && m_streamFrames % dropStreamsEvery == 0) {
            m_streams.dropClients();
            return;
        }
    }
}

void FakeExchange::onStreamMessage(int connection, const QByteArray &text)
{
    const QJsonObject o = parseObject(text);
    const QString method = o.value(QStringLiteral("method")).toString();
    QSet<QString> &subs = m_subscribed[connection];
    for (const QJsonValue &v : o.value(QStringLiteral("params")).toArray()) {
        if (method == QLatin1String("SUBSCRIBE"))
            subs.insert(v.toString());
        else if (method == QLatin1String("UNSUBSCRIBE"))
            subs.remove(v.toString());
    }
    m_streams.sendTextTo(connection, compact({{QStringLiteral("result"), QJsonValue::Null}, {QStringLiteral("id"), o.value(QStringLiteral("id"))}}));
}

std::optional<std::pair<int, QJsonObject>> FakeExchange::checkWsSignature(const QJsonObject &params)
{
    const auto refusal = [this](int status, int code, const QString &msg) {
        errorsSent << QString::number(code);
        return std::optional<std::pair<int, QJsonObject>>(
            std::pair{status, QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("msg"), msg}}});
    };
    // WebSocket API signing: every param but the signature, sorted by name, k=v joined with &.
    QStringList keys = params.keys();
    keys.removeAll(QStringLiteral("signature"));
    std::sort(keys.begin(), keys.end());
    QStringList pairs;
    for (const QString &k : keys)
        pairs << k + QLatin1Char('=') + params.value(k).toVariant().toString();
    const QByteArray expected =
        QMessageAuthenticationCode::hash(pairs.join(QLatin1Char('&')).toUtf8(), m_secret, QCryptographicHash::Sha256).toHex();
    if (params.value(QStringLiteral("apiKey")).toString().toLatin1() != m_apiKey)
        return refusal(401, -2015, QStringLiteral("Invalid API-key, IP, or permissions for action."));
    if (params.value(QStringLiteral("signature")).toString().toLatin1() != expected)
        return refusal(400, -1022, QStringLiteral("Signature for this request is not valid."));
    const qint64 ts = params.value(QStringLiteral("timestamp")).toVariant().toLongLong();
    if (ts >= serverNow() + 1000 || serverNow() - ts > 5000)
        return refusal(400, -1021, QStringLiteral("Timestamp for this request is outside of the recvWindow."));
    return std::nullopt;
}

void FakeExchange::onWsApiMessage(int connection, const QByteArray &text)
{
    const QJsonObject request = parseObject(text);
    const QJsonValue id = request.value(QStringLiteral("id"));
    const QString method = request.value(QStringLiteral("method")).toString();
    const QJsonObject params = request.value(QStringLiteral("params")).toObject();
    const auto answer = [&](int status, const QJsonObject &body, bool ok) {
        m_wsApi.sendTextTo(connection, compact({{QStringLiteral("id"), id}, {QStringLiteral("status"), status},
                                                {ok ? QStringLiteral("result") : QStringLiteral("error"), body}}));
    };
    if (method == QLatin1String("order.place")) {
        ++orderPosts;
        ++wsOrderPosts;
        lastOrderPostNs = httpNowNs();
        if (auto refused = checkWsSignature(params))
            return answer(refused->first, refused->second, false);
        QUrlQuery q;
        for (auto it = params.constBegin(); it != params.constEnd(); ++it)
            q.addQueryItem(it.key(), it.value().toVariant().toString());
        const bool stall = stallOrdersAfterAccepting;
        const bool unknown = acceptNextOrderThen503; // placeOrder takes it back
        const nettest::ServerReply reply = placeOrder(q);
        if (stall)
            return; // placed and matched; the answer never comes
        if (unknown && reply.status == 503)
            return answer(503, {{QStringLiteral("code"), -1007},
                                {QStringLiteral("msg"), QStringLiteral("Timeout waiting for response from backend server. "
                                                                       "Send status unknown; execution status unknown.")}},
                          false);
        const QJsonObject body = parseObject(reply.body);
        return answer(reply.status, body, reply.status == 200);
    }
    if (method != QLatin1String("userDataStream.subscribe.signature")) {
        errorsSent << QStringLiteral("-1100");
        return answer(400, {{QStringLiteral("code"), -1100}, {QStringLiteral("msg"), QStringLiteral("Unknown method.")}}, false);
    }
    if (auto refused = checkWsSignature(params))
        return answer(refused->first, refused->second, false);
    if (m_userConnections.contains(connection)) {
        errorsSent << QStringLiteral("-2035");
        return answer(400, {{QStringLiteral("code"), -2035}, {QStringLiteral("msg"), QStringLiteral("User Data Stream subscription already active.")}},
                      false);
    }
    m_userConnections.insert(connection);
    ++userSubscriptions;
    answer(200, {{QStringLiteral("subscriptionId"), 0}}, true);
}

void FakeExchange::pushUser(const QByteArray &event)
{
    if (stallOrdersAfterAccepting)
        return; // partitioned: Binance does not replay a user stream
    const QByteArray frame = "{\"subscriptionId\":0,\"event\":" + event + "}";
    for (int c : std::as_const(m_userConnections))
        m_wsApi.sendTextTo(c, frame);
}

void FakeExchange::executionReport(const FakeOrder &o, const QString &execType, const FakeTrade *t, const QString &cancelledId)
{
    const qint64 now = serverNow();
    QJsonObject e{{QStringLiteral("e"), QStringLiteral("executionReport")},
                  {QStringLiteral("E"), now},
                  {QStringLiteral("s"), o.symbol},
                  {QStringLiteral("c"), cancelledId.isEmpty() ? o.clientOrderId : QStringLiteral("web_cancel_%1").arg(o.orderId)},
                  {QStringLiteral("S"), o.side},
                  {QStringLiteral("o"), o.type},
                  {QStringLiteral("f"), o.timeInForce.isEmpty() ? QStringLiteral("GTC") : o.timeInForce},
                  {QStringLiteral("q"), dec(o.origQty)},
                  {QStringLiteral("p"), dec(o.limitPrice)},
                  {QStringLiteral("P"), QStringLiteral("0.00000000")},
                  {QStringLiteral("F"), QStringLiteral("0.00000000")},
                  {QStringLiteral("g"), -1},
                  {QStringLiteral("C"), cancelledId},
                  {QStringLiteral("x"), execType},
                  {QStringLiteral("X"), o.status},
                  {QStringLiteral("r"), QStringLiteral("NONE")},
                  {QStringLiteral("i"), o.orderId},
                  {QStringLiteral("l"), t ? dec(t->qty) : QStringLiteral("0.00000000")},
                  {QStringLiteral("z"), dec(o.executedQty)},
                  {QStringLiteral("L"), t ? dec(t->price) : QStringLiteral("0.00000000")},
                  {QStringLiteral("n"), t ? dec(t->commission) : QStringLiteral("0")},
                  {QStringLiteral("N"), t ? QJsonValue(t->commissionAsset) : QJsonValue(QJsonValue::Null)},
                  {QStringLiteral("T"), t ? t->timeMs : now},
                  {QStringLiteral("t"), t ? t->id : -1},
                  {QStringLiteral("I"), now},
                  {QStringLiteral("w"), o.isOpen()},
                  {QStringLiteral("m"), t ? t->isMaker : false},
                  {QStringLiteral("M"), false},
                  {QStringLiteral("O"), o.timeMs},
                  {QStringLiteral("Z"), dec(o.cumQuote)},
                  {QStringLiteral("Y"), t ? dec(t->quoteQty) : QStringLiteral("0.00000000")},
                  {QStringLiteral("Q"), QStringLiteral("0.00000000")},
                  {QStringLiteral("W"), o.timeMs},
                  {QStringLiteral("V"), QStringLiteral("EXPIRE_MAKER")}};
    pushUser(compact(e));
}

void FakeExchange::accountPosition(const QStringList &assets)
{
    QJsonArray b;
    for (const QString &a : assets)
        b.append(QJsonObject{{QStringLiteral("a"), a}, {QStringLiteral("f"), dec(free.value(a))}, {QStringLiteral("l"), dec(locked.value(a))}});
    pushUser(compact({{QStringLiteral("e"), QStringLiteral("outboundAccountPosition")},
                      {QStringLiteral("E"), serverNow()},
                      {QStringLiteral("u"), serverNow()},
                      {QStringLiteral("B"), b}}));
}

} // namespace binancetest
