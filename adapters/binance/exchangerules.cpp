#include "adapters/binance/exchangerules.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace adapters::binance {

using engine::Decimal;
using engine::Error;

namespace {

constexpr const char *kInvalid = "EXCHANGE_INFO_INVALID";

Error invalid(const QString &why) { return {QLatin1String(kInvalid), why}; }

//! Reads a decimal given as a string; a missing field is 0 (rule off), anything else must parse.
bool readDecimal(const QJsonObject &o, const char *field, Decimal *out, QString *why)
{
    const QJsonValue v = o.value(QLatin1String(field));
    if (v.isUndefined()) {
        *out = Decimal();
        return true;
    }
    QString detail;
    const auto d = v.isString() ? Decimal::parse(v.toString(), &detail) : std::nullopt;
    if (!d || d->isNegative()) {
        *why = QStringLiteral("%1 is '%2' (%3)")
                   .arg(QLatin1String(field), v.toVariant().toString().left(40),
                        v.isString() ? (detail.isEmpty() ? QStringLiteral("negative") : detail) : QStringLiteral("not a string"));
        return false;
    }
    *out = *d;
    return true;
}

bool readRange(const QJsonObject &f, const char *minField, const char *maxField, const char *stepField,
               RangeFilter *out, QString *why)
{
    return readDecimal(f, minField, &out->min, why) && readDecimal(f, maxField, &out->max, why)
        && readDecimal(f, stepField, &out->step, why);
}

qint64 intervalMs(const QString &interval, int num)
{
    static const QHash<QString, qint64> unit{{QStringLiteral("SECOND"), 1000},
                                             {QStringLiteral("MINUTE"), 60'000},
                                             {QStringLiteral("HOUR"), 3'600'000},
                                             {QStringLiteral("DAY"), 86'400'000}};
    return unit.value(interval) * num;
}

engine::Result<SymbolRules> parseSymbol(const QJsonObject &s)
{
    SymbolRules r;
    r.symbol = s.value(QStringLiteral("symbol")).toString();
    r.status = s.value(QStringLiteral("status")).toString();
    r.baseAsset = s.value(QStringLiteral("baseAsset")).toString();
    r.quoteAsset = s.value(QStringLiteral("quoteAsset")).toString();
    if (r.symbol.isEmpty() || r.status.isEmpty() || r.baseAsset.isEmpty() || r.quoteAsset.isEmpty())
        return invalid(QStringLiteral("a symbol without symbol/status/baseAsset/quoteAsset ('%1')").arg(r.symbol.left(32)));
    for (const QJsonValue &t : s.value(QStringLiteral("orderTypes")).toArray())
        r.orderTypes << t.toString();
    r.quoteOrderQtyMarketAllowed = s.value(QStringLiteral("quoteOrderQtyMarketAllowed")).toBool();
    r.quoteAssetPrecision = s.value(QStringLiteral("quoteAssetPrecision")).toInt(8);
    if (r.quoteAssetPrecision < 0 || r.quoteAssetPrecision > Decimal::kScale)
        return invalid(QStringLiteral("%1: quoteAssetPrecision %2 is out of range").arg(r.symbol).arg(r.quoteAssetPrecision));
    for (const QJsonValue &fv : s.value(QStringLiteral("filters")).toArray()) {
        const QJsonObject f = fv.toObject();
        const QString type = f.value(QStringLiteral("filterType")).toString();
        QString why;
        bool ok = true;
        if (type == QLatin1String("PRICE_FILTER")) {
            RangeFilter p;
            ok = readRange(f, "minPrice", "maxPrice", "tickSize", &p, &why);
            r.price = p;
        } else if (type == QLatin1String("LOT_SIZE")) {
            RangeFilter l;
            ok = readRange(f, "minQty", "maxQty", "stepSize", &l, &why);
            r.lot = l;
        } else if (type == QLatin1String("MARKET_LOT_SIZE")) {
            RangeFilter l;
            ok = readRange(f, "minQty", "maxQty", "stepSize", &l, &why);
            r.marketLot = l;
        } else if (type == QLatin1String("NOTIONAL")) {
            ok = readDecimal(f, "minNotional", &r.minNotional, &why) && readDecimal(f, "maxNotional", &r.maxNotional, &why);
            r.minNotionalAppliesToMarket = f.value(QStringLiteral("applyMinToMarket")).toBool(true);
            r.maxNotionalAppliesToMarket = f.value(QStringLiteral("applyMaxToMarket")).toBool(false);
        } else if (type == QLatin1String("MIN_NOTIONAL")) {
            ok = readDecimal(f, "minNotional", &r.minNotional, &why);
            r.minNotionalAppliesToMarket = f.value(QStringLiteral("applyToMarket")).toBool(true);
        }
        if (!ok)
            return invalid(QStringLiteral("%1 %2: %3").arg(r.symbol, type, why));
    }
    return r;
}

Error rejected(const char *code, const QString &message, QStringList details)
{
    return {QLatin1String(code), message, std::move(details)};
}

Error notionalOutside(const SymbolRules &rules, Decimal notional)
{
    return rejected("FILTER_NOTIONAL",
                    QStringLiteral("order value %1 %2 is outside %3..%4")
                        .arg(notional.toString(), rules.quoteAsset, rules.minNotional.toString(), rules.maxNotional.toString()),
                    {QStringLiteral("notional=") + notional.toString(), QStringLiteral("min=") + rules.minNotional.toString(),
                     QStringLiteral("max=") + rules.maxNotional.toString()});
}

// A MARKET order by amount: Binance sizes it from its book; the amount is the notional.
engine::Result<PreparedOrder> prepareByQuote(const SymbolRules &rules, const engine::OrderRequest &request)
{
    if (request.type != engine::OrderType::Market || !rules.quoteOrderQtyMarketAllowed)
        return rejected("ORDER_TYPE_NOT_ALLOWED",
                        QStringLiteral("%1 does not take %2 orders by amount").arg(rules.symbol, engine::toString(request.type)),
                        {QStringLiteral("type=") + engine::toString(request.type) + QStringLiteral(" by amount")});
    PreparedOrder out;
    out.request = request;
    out.request.qty = Decimal();
    try {
        // Down, so it never spends (or asks to receive) more than the trader entered.
        out.request.quoteQty = request.quoteQty.rounded(rules.quoteAssetPrecision, engine::Rounding::Down);
    } catch (const engine::DecimalError &e) {
        return rejected("INVALID_QUANTITY", QStringLiteral("amount out of range: %1").arg(QString::fromUtf8(e.what())), {});
    }
    if (!out.request.quoteQty.isPositive())
        return rejected("INVALID_QUANTITY", QStringLiteral("amount %1 rounds to zero").arg(request.quoteQty.toString()),
                        {QStringLiteral("requested=") + request.quoteQty.toString()});
    out.notional = out.request.quoteQty;
    const bool checkMin = rules.minNotional.isPositive() && rules.minNotionalAppliesToMarket;
    const bool checkMax = rules.maxNotional.isPositive() && rules.maxNotionalAppliesToMarket;
    if (checkMin || checkMax)
        out.checkedFilters << QStringLiteral("NOTIONAL");
    if ((checkMin && out.notional < rules.minNotional) || (checkMax && out.notional > rules.maxNotional))
        return notionalOutside(rules, out.notional);
    return out;
}

} // namespace

engine::Instrument SymbolRules::instrument() const
{
    engine::Instrument i;
    i.symbol = symbol;
    i.baseAsset = baseAsset;
    i.quoteAsset = quoteAsset;
    i.tickSize = price ? price->step : Decimal();
    i.stepSize = lot ? lot->step : Decimal();
    i.minNotional = minNotional;
    return i;
}

engine::Result<ExchangeRules> parseExchangeInfo(QByteArrayView json)
{
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &perr);
    if (perr.error != QJsonParseError::NoError)
        return invalid(QStringLiteral("not JSON at offset %1: %2").arg(perr.offset).arg(perr.errorString()));
    if (!doc.isObject() || !doc.object().value(QStringLiteral("symbols")).isArray())
        return invalid(QStringLiteral("no symbols array"));
    const QJsonObject root = doc.object();
    ExchangeRules rules;
    rules.serverTimeMs = root.value(QStringLiteral("serverTime")).toInteger();
    for (const QJsonValue &lv : root.value(QStringLiteral("rateLimits")).toArray()) {
        const QJsonObject l = lv.toObject();
        rules.rateLimits.append({l.value(QStringLiteral("rateLimitType")).toString(),
                                 intervalMs(l.value(QStringLiteral("interval")).toString(),
                                            l.value(QStringLiteral("intervalNum")).toInt()),
                                 l.value(QStringLiteral("limit")).toInt()});
    }
    for (const QJsonValue &sv : root.value(QStringLiteral("symbols")).toArray()) {
        engine::Result<SymbolRules> symbol = parseSymbol(sv.toObject());
        if (!symbol)
            return symbol.error();
        rules.symbols.insert(symbol->symbol, symbol.value());
    }
    return rules;
}

engine::Result<PreparedOrder> prepareOrder(const SymbolRules &rules, const engine::OrderRequest &request,
                                           Decimal referencePrice)
{
    const bool market = request.type == engine::OrderType::Market;
    if (!rules.isTrading())
        return rejected("SYMBOL_NOT_TRADING", QStringLiteral("%1 is %2, not TRADING").arg(rules.symbol, rules.status),
                        {QStringLiteral("status=") + rules.status});
    const QString typeName = engine::toString(request.type); // MARKET, LIMIT, LIMIT_MAKER: Binance's names
    if (!rules.orderTypes.isEmpty() && !rules.orderTypes.contains(typeName))
        return rejected("ORDER_TYPE_NOT_ALLOWED", QStringLiteral("%1 does not take %2 orders").arg(rules.symbol, typeName),
                        {QStringLiteral("type=") + typeName});
    if (request.byQuote())
        return prepareByQuote(rules, request);
    PreparedOrder out;
    out.request = request;
    try {
        // Quantity: down to the step of the lot filter that applies (never more than asked).
        const std::optional<RangeFilter> lot = market && rules.marketLot && rules.marketLot->step.isPositive()
                                                   ? rules.marketLot
                                                   : rules.lot;
        const QString lotName = market && rules.marketLot && rules.marketLot->step.isPositive()
                                    ? QStringLiteral("MARKET_LOT_SIZE")
                                    : QStringLiteral("LOT_SIZE");
        Decimal qty = request.qty;
        if (lot && lot->step.isPositive())
            qty = qty.quantized(lot->step, engine::Rounding::Down);
        if (!qty.isPositive())
            return rejected("INVALID_QUANTITY", QStringLiteral("quantity %1 rounds to zero").arg(request.qty.toString()),
                            {QStringLiteral("requested=") + request.qty.toString(),
                             QStringLiteral("step=") + (lot ? lot->step.toString() : QStringLiteral("0"))});
        if (lot) {
            out.checkedFilters << lotName;
            if ((lot->min.isPositive() && qty < lot->min) || (lot->max.isPositive() && qty > lot->max))
                return rejected("FILTER_LOT_SIZE",
                                QStringLiteral("quantity %1 is outside %2..%3 (%4)")
                                    .arg(qty.toString(), lot->min.toString(), lot->max.toString(), lotName),
                                {QStringLiteral("qty=") + qty.toString(), QStringLiteral("min=") + lot->min.toString(),
                                 QStringLiteral("max=") + lot->max.toString()});
        }
        out.request.qty = qty;

        // Price: limit prices toward the passive side, so the order never trades worse than asked.
        Decimal price = market ? referencePrice : request.limitPrice;
        if (!market) {
            if (!price.isPositive())
                return rejected("FILTER_PRICE", QStringLiteral("a limit order needs a positive price"),
                                {QStringLiteral("price=") + price.toString()});
            if (rules.price && rules.price->step.isPositive())
                price = price.quantized(rules.price->step, request.side == engine::Side::Buy ? engine::Rounding::Down
                                                                                            : engine::Rounding::Up);
            if (rules.price) {
                out.checkedFilters << QStringLiteral("PRICE_FILTER");
                const RangeFilter &p = *rules.price;
                if (!price.isPositive() || (p.min.isPositive() && price < p.min) || (p.max.isPositive() && price > p.max))
                    return rejected("FILTER_PRICE",
                                    QStringLiteral("price %1 is outside %2..%3").arg(price.toString(), p.min.toString(), p.max.toString()),
                                    {QStringLiteral("price=") + price.toString(), QStringLiteral("min=") + p.min.toString(),
                                     QStringLiteral("max=") + p.max.toString()});
            }
            out.request.limitPrice = price;
        }

        // Notional: for MARKET orders only where the filter says it applies, at the reference price.
        if (price.isPositive()) {
            out.notional = price * qty;
            const bool checkMin = rules.minNotional.isPositive() && (!market || rules.minNotionalAppliesToMarket);
            const bool checkMax = rules.maxNotional.isPositive() && (!market || rules.maxNotionalAppliesToMarket);
            if (checkMin || checkMax)
                out.checkedFilters << QStringLiteral("NOTIONAL");
            if ((checkMin && out.notional < rules.minNotional) || (checkMax && out.notional > rules.maxNotional))
                return notionalOutside(rules, out.notional);
        }
    } catch (const engine::DecimalError &e) {
        return rejected("INVALID_QUANTITY", QStringLiteral("amount out of range: %1").arg(QString::fromUtf8(e.what())), {});
    }
    return out;
}

} // namespace adapters::binance
