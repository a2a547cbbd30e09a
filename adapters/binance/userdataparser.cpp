#include "adapters/binance/userdataparser.h"

#include "adapters/binance/orderstatus.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace adapters::binance {

namespace {

engine::Error malformed(const QString &why) { return {QStringLiteral("MALFORMED_FRAME"), why}; }

bool decimal(const QJsonObject &o, const char *key, engine::Decimal *out)
{
    const auto d = engine::Decimal::parse(o.value(QLatin1String(key)).toString());
    if (!d || d->isNegative())
        return false;
    *out = *d;
    return true;
}

engine::Result<UserDataEvent> execution(const QJsonObject &e)
{
    ExecutionUpdate u;
    u.symbol = e.value(QStringLiteral("s")).toString();
    engine::ExecutionReport &r = u.report;
    // A cancel reports the cancelled order's id in C; c is the cancel request's own id.
    const QString original = e.value(QStringLiteral("C")).toString();
    r.clientId = original.isEmpty() ? e.value(QStringLiteral("c")).toString() : original;
    r.venueOrderId = QString::number(e.value(QStringLiteral("i")).toInteger());
    r.tsMs = e.value(QStringLiteral("E")).toInteger();
    const QString rejectReason = e.value(QStringLiteral("r")).toString();
    if (!rejectReason.isEmpty() && rejectReason != QLatin1String("NONE"))
        r.message = rejectReason;
    if (u.symbol.isEmpty() || r.clientId.isEmpty())
        return malformed(QStringLiteral("executionReport without s or c"));
    if (!parseOrderStatus(e.value(QStringLiteral("X")).toString(), &r.status))
        return malformed(QStringLiteral("executionReport with unknown status '%1'").arg(e.value(QStringLiteral("X")).toString().left(24)));
    if (!decimal(e, "z", &r.filledQty))
        return malformed(QStringLiteral("executionReport field z"));
    if (e.value(QStringLiteral("x")).toString() == QLatin1String("TRADE")) {
        engine::Fill f;
        f.clientId = r.clientId;
        f.symbol = u.symbol;
        f.side = e.value(QStringLiteral("S")).toString() == QLatin1String("SELL") ? engine::Side::Sell : engine::Side::Buy;
        f.fillId = QStringLiteral("%1-%2").arg(u.symbol).arg(e.value(QStringLiteral("t")).toInteger());
        f.feeAsset = e.value(QStringLiteral("N")).toString();
        f.isMaker = e.value(QStringLiteral("m")).toBool();
        f.tsMs = e.value(QStringLiteral("T")).toInteger();
        if (!decimal(e, "L", &f.price) || !decimal(e, "l", &f.qty) || !decimal(e, "n", &f.fee) || !f.price.isPositive()
            || !f.qty.isPositive())
            return malformed(QStringLiteral("executionReport TRADE with a bad L, l or n"));
        u.fill = f;
    }
    return UserDataEvent(u);
}

engine::Result<UserDataEvent> account(const QJsonObject &e)
{
    AccountUpdate a;
    a.eventMs = e.value(QStringLiteral("E")).toInteger();
    for (const QJsonValue &v : e.value(QStringLiteral("B")).toArray()) {
        const QJsonObject b = v.toObject();
        const QString asset = b.value(QStringLiteral("a")).toString();
        engine::Decimal free;
        engine::Decimal locked;
        if (asset.isEmpty() || !decimal(b, "f", &free) || !decimal(b, "l", &locked))
            return malformed(QStringLiteral("outboundAccountPosition with a bad balance"));
        a.free.insert(asset, free);
        a.locked.insert(asset, locked);
    }
    return UserDataEvent(a);
}

} // namespace

engine::Result<UserDataEvent> parseUserData(QByteArrayView frame)
{
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(frame.toByteArray(), &perr);
    if (!doc.isObject())
        return malformed(QStringLiteral("not a JSON object"));
    const QJsonObject root = doc.object();
    const QJsonObject e = root.value(QStringLiteral("event")).isObject() ? root.value(QStringLiteral("event")).toObject() : root;
    const QString type = e.value(QStringLiteral("e")).toString();
    if (type == QLatin1String("executionReport"))
        return execution(e);
    if (type == QLatin1String("outboundAccountPosition"))
        return account(e);
    if (type == QLatin1String("eventStreamTerminated"))
        return UserDataEvent(StreamTerminated{e.value(QStringLiteral("E")).toInteger()});
    return UserDataEvent(std::monostate{});
}

} // namespace adapters::binance
