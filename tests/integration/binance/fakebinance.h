#pragma once
// A fake Binance Spot REST server on 127.0.0.1 that checks requests the way Binance does: the API
// key header, the HMAC-SHA256 signature over the exact query string, and the timestamp against its
// own clock (which may run ahead of ours) and recvWindow. It answers with the documented JSON
// shapes and error codes, keeps orders by client id (duplicates refused while open), and can be
// told to accept the next order but answer 503 — the case where an order exists although the
// client was told nothing. Header-only, no Q_OBJECT.
#include "tests/unit/net/fakehttpserver.h"

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QUrlQuery>

namespace binancetest {

struct FakeOrder {
    QString symbol;
    QString clientOrderId;
    qint64 orderId = 0;
    QString side;
    QString type;
    QString status;
    QString qty;
    QString price;
};

class FakeBinance {
public:
    FakeBinance(QByteArray apiKey, QByteArray secret, QString exchangeInfoPath)
        : m_apiKey(std::move(apiKey))
        , m_secret(std::move(secret))
        , m_exchangeInfoPath(std::move(exchangeInfoPath))
    {
        m_http.setHandler([this](const nettest::ReceivedRequest &r, int) { return handle(r); });
    }

    QUrl url() const { return m_http.url(QString()); }
    //! The server's clock runs this far ahead of the local one.
    qint64 skewMs = 0;
    //! The next order is recorded and then answered with HTTP 503 (execution status unknown).
    bool acceptNextOrderThen503 = false;
    QHash<QString, FakeOrder> orders;        // by client order id
    int orderPosts = 0;                      // POST /api/v3/order received (accepted or not)
    QStringList errorsSent;                  // Binance codes answered, in order

private:
    qint64 serverNow() const { return QDateTime::currentMSecsSinceEpoch() + skewMs; }

    static nettest::ServerReply json(int status, const QJsonObject &o)
    {
        return nettest::ServerReply::answer(status, QJsonDocument(o).toJson(QJsonDocument::Compact),
                                            {{"X-MBX-USED-WEIGHT-1M", "12"}});
    }
    nettest::ServerReply error(int status, int code, const QString &msg)
    {
        errorsSent << QString::number(code);
        return json(status, {{QStringLiteral("code"), code}, {QStringLiteral("msg"), msg}});
    }
    static QJsonObject orderJson(const FakeOrder &o)
    {
        return {{QStringLiteral("symbol"), o.symbol},         {QStringLiteral("orderId"), o.orderId},
                {QStringLiteral("orderListId"), -1},          {QStringLiteral("clientOrderId"), o.clientOrderId},
                {QStringLiteral("transactTime"), qint64(1767225600000)}, {QStringLiteral("price"), o.price},
                {QStringLiteral("origQty"), o.qty},           {QStringLiteral("executedQty"), QStringLiteral("0")},
                {QStringLiteral("origQuoteOrderQty"), QStringLiteral("0")},
                {QStringLiteral("cummulativeQuoteQty"), QStringLiteral("0")},
                {QStringLiteral("status"), o.status},         {QStringLiteral("timeInForce"), QStringLiteral("GTC")},
                {QStringLiteral("type"), o.type},             {QStringLiteral("side"), o.side}};
    }

    //! The signed-request checks, in Binance's order. Empty reply = passed.
    std::optional<nettest::ServerReply> checkSigned(const nettest::ReceivedRequest &r, const QByteArray &query)
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

    nettest::ServerReply handle(const nettest::ReceivedRequest &r)
    {
        const int qmark = r.path.indexOf('?');
        const QByteArray path = qmark < 0 ? r.path : r.path.left(qmark);
        const QByteArray query = qmark < 0 ? QByteArray() : r.path.mid(qmark + 1);
        if (r.method == "GET" && path == "/api/v3/time")
            return json(200, {{QStringLiteral("serverTime"), serverNow()}});
        if (r.method == "GET" && path == "/api/v3/exchangeInfo") {
            QFile f(m_exchangeInfoPath);
            f.open(QIODevice::ReadOnly);
            return nettest::ServerReply::answer(200, f.readAll(), {{"X-MBX-USED-WEIGHT-1M", "20"}});
        }
        if (path == "/api/v3/openOrders" || path == "/api/v3/account") {
            if (auto refused = checkSigned(r, query))
                return *refused;
            if (path == "/api/v3/account")
                return json(200, {{QStringLiteral("canTrade"), true},
                                  {QStringLiteral("balances"),
                                   QJsonArray{QJsonObject{{QStringLiteral("asset"), QStringLiteral("USDT")},
                                                          {QStringLiteral("free"), QStringLiteral("993.82900000")},
                                                          {QStringLiteral("locked"), QStringLiteral("6.17000000")}}}}});
            QJsonArray open;
            for (const FakeOrder &o : std::as_const(orders)) {
                if (o.status == QLatin1String("NEW"))
                    open.append(orderJson(o));
            }
            return nettest::ServerReply::answer(200, QJsonDocument(open).toJson(QJsonDocument::Compact));
        }
        if (path != "/api/v3/order")
            return error(404, -1000, QStringLiteral("Unknown path."));
        if (r.method == "POST")
            ++orderPosts;
        if (auto refused = checkSigned(r, query))
            return *refused;
        const QUrlQuery q(QString::fromLatin1(query));
        if (r.method == "GET") {
            const auto it = orders.constFind(q.queryItemValue(QStringLiteral("origClientOrderId")));
            if (it == orders.constEnd())
                return error(400, -2013, QStringLiteral("Order does not exist."));
            return json(200, orderJson(*it));
        }
        if (r.method == "DELETE") {
            auto it = orders.find(q.queryItemValue(QStringLiteral("origClientOrderId")));
            if (it == orders.end() || it->status != QLatin1String("NEW"))
                return error(400, -2011, QStringLiteral("Unknown order sent."));
            it->status = QStringLiteral("CANCELED");
            return json(200, orderJson(*it));
        }
        if (r.method != "POST")
            return error(405, -1000, QStringLiteral("Method not allowed."));
        const QString client = q.queryItemValue(QStringLiteral("newClientOrderId"));
        if (orders.contains(client) && orders.value(client).status == QLatin1String("NEW"))
            return error(400, -2010, QStringLiteral("Duplicate order sent."));
        FakeOrder o;
        o.symbol = q.queryItemValue(QStringLiteral("symbol"));
        o.clientOrderId = client;
        o.orderId = 1000 + orders.size();
        o.side = q.queryItemValue(QStringLiteral("side"));
        o.type = q.queryItemValue(QStringLiteral("type"));
        o.qty = q.queryItemValue(QStringLiteral("quantity"));
        o.price = q.queryItemValue(QStringLiteral("price"));
        o.status = QStringLiteral("NEW");
        orders.insert(client, o);
        if (acceptNextOrderThen503) {
            acceptNextOrderThen503 = false;
            return nettest::ServerReply::answer(503, "<html>Service Unavailable</html>");
        }
        return json(200, orderJson(o));
    }

    QByteArray m_apiKey;
    QByteArray m_secret;
    QString m_exchangeInfoPath;
    nettest::FakeHttpServer m_http;
};

} // namespace binancetest
