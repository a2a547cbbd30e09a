#include "adapters/binance/restparsers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace adapters::binance {

namespace {

engine::Error malformed(const QString &what)
{
    return {QStringLiteral("MALFORMED_RESPONSE"), what};
}

bool decimalAt(const QJsonValue &v, engine::Decimal *out)
{
    if (!v.isString())
        return false;
    const auto d = engine::Decimal::parse(v.toString());
    if (!d)
        return false;
    *out = *d;
    return true;
}

} // namespace

engine::Result<QList<engine::Candle>> parseKlines(QByteArrayView json, const QString &symbol, int intervalSec, qint64 nowMs)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &error);
    if (!doc.isArray())
        return malformed(QStringLiteral("klines: not a JSON array (%1)").arg(error.errorString()));
    QList<engine::Candle> candles;
    const QJsonArray rows = doc.array();
    candles.reserve(rows.size());
    qint64 previousOpen = -1;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QJsonArray row = rows.at(i).toArray();
        engine::Candle c;
        c.symbol = symbol;
        c.intervalSec = intervalSec;
        const bool timesOk = row.size() >= 12 && row.at(0).isDouble() && row.at(6).isDouble();
        if (!timesOk || !decimalAt(row.at(1), &c.open) || !decimalAt(row.at(2), &c.high) || !decimalAt(row.at(3), &c.low)
            || !decimalAt(row.at(4), &c.close) || !decimalAt(row.at(5), &c.volume))
            return malformed(QStringLiteral("klines row %1 is not [openTime, \"open\", \"high\", \"low\", \"close\", \"volume\", closeTime, …]").arg(i));
        c.openTimeMs = row.at(0).toInteger();
        const qint64 closeTimeMs = row.at(6).toInteger();
        if (c.openTimeMs <= previousOpen || closeTimeMs < c.openTimeMs || !c.close.isPositive() || c.low > c.high)
            return malformed(QStringLiteral("klines row %1 is out of order or not a bar (open time %2)").arg(i).arg(c.openTimeMs));
        previousOpen = c.openTimeMs;
        if (closeTimeMs >= nowMs)
            continue; // still forming
        c.closed = true;
        candles << c;
    }
    return candles;
}

engine::Result<DepthSnapshot> parseDepth(QByteArrayView json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &error);
    if (!doc.isObject())
        return malformed(QStringLiteral("depth: not a JSON object (%1)").arg(error.errorString()));
    const QJsonObject o = doc.object();
    DepthSnapshot d;
    d.lastUpdateId = o.value(QStringLiteral("lastUpdateId")).toInteger(-1);
    if (d.lastUpdateId < 0)
        return malformed(QStringLiteral("depth without lastUpdateId"));
    const auto side = [](const QJsonValue &v, QList<engine::BookLevel> *out) {
        if (!v.isArray())
            return false;
        for (const QJsonValue &level : v.toArray()) {
            const QJsonArray pq = level.toArray();
            engine::BookLevel l;
            if (pq.size() != 2 || !decimalAt(pq.at(0), &l.price) || !decimalAt(pq.at(1), &l.qty) || !l.price.isPositive()
                || l.qty.isNegative())
                return false;
            out->append(l);
        }
        return true;
    };
    if (!side(o.value(QStringLiteral("bids")), &d.bids) || !side(o.value(QStringLiteral("asks")), &d.asks))
        return malformed(QStringLiteral("depth levels must be [\"price\", \"qty\"] pairs"));
    return d;
}

engine::Result<QList<AccountTrade>> parseMyTrades(QByteArrayView json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &error);
    if (!doc.isArray())
        return malformed(QStringLiteral("myTrades: not a JSON array (%1)").arg(error.errorString()));
    QList<AccountTrade> trades;
    const QJsonArray rows = doc.array();
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QJsonObject o = rows.at(i).toObject();
        AccountTrade t;
        t.orderId = o.value(QStringLiteral("orderId")).toInteger();
        engine::Fill &f = t.fill;
        f.symbol = o.value(QStringLiteral("symbol")).toString();
        const qint64 id = o.value(QStringLiteral("id")).toInteger(-1);
        f.side = o.value(QStringLiteral("isBuyer")).toBool() ? engine::Side::Buy : engine::Side::Sell;
        f.isMaker = o.value(QStringLiteral("isMaker")).toBool();
        f.tsMs = o.value(QStringLiteral("time")).toInteger();
        f.feeAsset = o.value(QStringLiteral("commissionAsset")).toString();
        if (f.symbol.isEmpty() || id < 0 || t.orderId <= 0 || !o.value(QStringLiteral("isBuyer")).isBool()
            || !decimalAt(o.value(QStringLiteral("price")), &f.price) || !decimalAt(o.value(QStringLiteral("qty")), &f.qty)
            || !decimalAt(o.value(QStringLiteral("commission")), &f.fee) || !f.price.isPositive() || !f.qty.isPositive())
            return malformed(QStringLiteral("myTrades element %1 lacks symbol, id, orderId, isBuyer, price, qty or commission").arg(i));
        f.fillId = QStringLiteral("%1-%2").arg(f.symbol).arg(id);
        trades << t;
    }
    return trades;
}

} // namespace adapters::binance
