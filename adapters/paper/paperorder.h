#pragma once

#include "core/decimal.h"
#include "core/enums.h"
#include "core/marketdata.h"
#include "core/order.h"

#include <QString>

namespace adapters::paper {

//! The paper venue's record of one order. Quantity and limit price are already
//! quantized to the instrument's step and tick.
struct PaperOrder {
    engine::OrderRequest request;
    engine::Instrument instrument;
    QString venueOrderId;
    engine::OrderStatus status = engine::OrderStatus::Accepted;
    engine::Decimal filledQty;
    engine::Decimal notional; // sum of price x qty of the fills, in quote
    engine::Decimal fees;     // in quote
    //! Funds held back for this order (quote for limit buys, base for sells).
    engine::Decimal reserved;
    QString reservedAsset;
    //! Book updates of the symbol seen since acceptance (market order expiry).
    int booksSeen = 0;
    //! Set after the submission match: any later fill of a limit order is a maker fill.
    bool rested = false;
    //! Market orders accepted before any book get their minimum notional checked on the first one.
    bool notionalChecked = false;
    QString message;

    [[nodiscard]] engine::Decimal remainingQty() const { return request.qty - filledQty; }
    [[nodiscard]] bool isBuy() const { return request.side == engine::Side::Buy; }
    [[nodiscard]] bool isMarket() const { return request.type == engine::OrderType::Market; }
};

} // namespace adapters::paper
