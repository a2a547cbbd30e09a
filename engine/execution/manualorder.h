#pragma once

#include "engine/core/marketdata.h"
#include "engine/core/order.h"

#include <QStringList>

namespace engine {

//! What a trader enters in the order ticket (or sends to the REST API).
struct ManualOrder {
    QString symbol;
    Side side = Side::Buy;
    OrderType type = OrderType::Limit;
    TimeInForce timeInForce = TimeInForce::Gtc; // Limit only
    Decimal qty;        // base asset; or, for a MARKET order, leave 0 and give quoteQty
    Decimal quoteQty;   // MARKET only: spend (buy) or receive (sell) about this much quote
    Decimal limitPrice; // Limit and LimitMaker
};

//! The order as it would be sent, and why it could not be. Values are rounded the way the venue
//! will see them (quantity down to the lot step, a limit price toward the passive side), so what
//! the preview shows is what is sent.
struct OrderPreview {
    OrderRequest request;  // ready to submit (strategy "manual") when problems is empty
    Decimal price;         // the limit price, or for MARKET the best price on the book now
    Decimal estimatedQty;  // the quantity; for an order by amount, about what it buys or sells at `price`
    Decimal notional;      // price x quantity (or the amount), in the quote asset
    Decimal estimatedFee;  // at the venue's taker fee rate
    QString quoteAsset;
    QStringList rules;     // the checks that applied, readable ("lot step 1", "min notional 5 USDT")
    QStringList problems;  // empty = it can be sent; otherwise what to fix, readable (English, for logs and the API)
    //! The same problems as codes with their values, for the front end to say in the user's
    //! language: SYMBOL_UNKNOWN (symbol), NO_PRICE (symbol), PRICE_REQUIRED, PRICE_ROUNDS_TO_ZERO
    //! (tick), MAKER_WOULD_TAKE (price, best), QTY_REQUIRED, QTY_ROUNDS_TO_ZERO (step),
    //! BELOW_MIN_NOTIONAL (value, minimum, quote asset), OUT_OF_RANGE.
    struct Issue {
        QString code;
        QStringList values;
    };
    QList<Issue> issues;
    [[nodiscard]] bool ok() const { return problems.isEmpty(); }
    //! Records a problem: its English text and its code with values.
    void fail(const char *code, const QString &text, QStringList values = {})
    {
        problems << text;
        issues.append({QLatin1String(code), std::move(values)});
    }
};

//! Rounds and checks a manual order against the instrument and the current book. A MARKET order by
//! quote amount stays an order by amount (the venue sizes it); its quantity is estimated at the
//! best price on the side it takes. Pure: the engine calls it for the preview and again, with the
//! book of that moment, when the order is placed.
[[nodiscard]] OrderPreview previewManualOrder(const ManualOrder &order, const Instrument *instrument,
                                              const BookUpdate &book, Decimal takerFeeRate);

} // namespace engine
