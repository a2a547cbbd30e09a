#pragma once

#include "engine/core/marketdata.h"
#include "engine/core/order.h"
#include "engine/core/result.h"

#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace adapters::binance {

//! One Binance range filter; a 0 field turns that rule off (as the exchange documents).
struct RangeFilter {
    engine::Decimal min;
    engine::Decimal max;
    engine::Decimal step; // tickSize or stepSize
};

//! The rules `exchangeInfo` gives one symbol, as the adapter checks orders against them.
struct SymbolRules {
    QString symbol;
    QString status; // TRADING, HALT, BREAK, END_OF_DAY, CANCEL_ONLY, or whatever comes next
    QString baseAsset;
    QString quoteAsset;
    QStringList orderTypes;
    bool quoteOrderQtyMarketAllowed = false;
    int quoteAssetPrecision = 8; // decimals an amount (quoteOrderQty) may have
    std::optional<RangeFilter> price;     // PRICE_FILTER
    std::optional<RangeFilter> lot;       // LOT_SIZE
    std::optional<RangeFilter> marketLot; // MARKET_LOT_SIZE
    engine::Decimal minNotional;          // NOTIONAL / MIN_NOTIONAL
    engine::Decimal maxNotional;          // NOTIONAL (0 = none)
    bool minNotionalAppliesToMarket = true;
    bool maxNotionalAppliesToMarket = false;

    [[nodiscard]] bool isTrading() const { return status == QLatin1String("TRADING"); }
    //! What the engine needs to know about the pair.
    [[nodiscard]] engine::Instrument instrument() const;
};

struct RateLimit {
    QString type;     // REQUEST_WEIGHT, ORDERS, RAW_REQUESTS
    qint64 windowMs = 0;
    int limit = 0;
};

struct ExchangeRules {
    qint64 serverTimeMs = 0;
    QHash<QString, SymbolRules> symbols;
    QList<RateLimit> rateLimits;
};

//! Parses a `GET /api/v3/exchangeInfo` body. Strict: a field that should be a decimal string and
//! is not fails the whole parse with the symbol and field named (EXCHANGE_INFO_INVALID); filter
//! types this adapter does not use are skipped.
[[nodiscard]] engine::Result<ExchangeRules> parseExchangeInfo(QByteArrayView json);

//! An order as it will be sent: quantity rounded down to the step, a limit price rounded toward
//! the passive side to the tick, and the filters it was checked against.
struct PreparedOrder {
    engine::OrderRequest request;
    engine::Decimal notional;  // price (or the reference price for MARKET) x quantity; or the amount
    QStringList checkedFilters;
};

//! Rounds and checks an order against the symbol's rules before anything is sent. The error code
//! names the rule (SYMBOL_NOT_TRADING, ORDER_TYPE_NOT_ALLOWED, FILTER_PRICE, FILTER_LOT_SIZE,
//! FILTER_NOTIONAL, INVALID_QUANTITY) with the values in details, so the UI can say it in the
//! user's language. `referencePrice` prices MARKET orders for the notional filters. A MARKET order
//! by amount (quoteQty) needs quoteOrderQtyMarketAllowed; its amount is rounded down to the quote
//! asset's precision and checked as the notional.
[[nodiscard]] engine::Result<PreparedOrder> prepareOrder(const SymbolRules &rules, const engine::OrderRequest &request,
                                                         engine::Decimal referencePrice);

} // namespace adapters::binance
