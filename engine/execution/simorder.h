#pragma once

#include "engine/core/decimal.h"
#include "engine/core/enums.h"
#include "engine/core/marketdata.h"
#include "engine/core/order.h"

#include <QString>

namespace engine {

//! A simulated venue's record of one order. Quantity and limit price are already
//! quantized to the instrument's step and tick.
struct SimOrder {
    OrderRequest request;
    Instrument instrument;
    QString venueOrderId;
    OrderStatus status = OrderStatus::Accepted;
    Decimal filledQty;
    Decimal notional; // sum of price x qty of the fills, in quote
    Decimal fees;     // in quote
    //! Funds held back for this order (quote for limit buys, base for sells).
    Decimal reserved;
    QString reservedAsset;
    //! Book updates of the symbol seen since acceptance (market order expiry).
    int booksSeen = 0;
    //! Set after the submission match: any later fill of a limit order is a maker fill.
    bool rested = false;
    //! Market orders accepted before any book get their minimum notional checked on the first one.
    bool notionalChecked = false;
    //! An order by amount whose rest buys (or sells) less than one lot: it is done.
    bool amountSpent = false;
    QString message;

    [[nodiscard]] bool byQuote() const { return request.quoteQty.isPositive(); }
    [[nodiscard]] Decimal remainingQty() const { return request.qty - filledQty; }
    [[nodiscard]] Decimal remainingQuote() const { return request.quoteQty - notional; }
    //! Nothing left to fill: the quantity is reached, or the amount spent.
    [[nodiscard]] bool complete() const { return byQuote() ? amountSpent || !remainingQuote().isPositive() : !remainingQty().isPositive(); }
    [[nodiscard]] bool isBuy() const { return request.side == Side::Buy; }
    [[nodiscard]] bool isMarket() const { return request.type == OrderType::Market; }
};

} // namespace engine
