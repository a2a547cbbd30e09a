#pragma once

#include "engine/core/decimal.h"
#include "engine/core/enums.h"

#include <QString>

namespace engine {

//! What a strategy or the user asks for. The client id is assigned before it leaves the engine.
struct OrderRequest {
    QString clientId;
    QString symbol;
    Side side = Side::Buy;
    OrderType type = OrderType::Market;
    Decimal qty;
    //! MARKET by amount (Binance `quoteOrderQty`): spend (buy) or receive (sell) up to this much
    //! quote; `qty` is then 0 and the venue decides the quantity from the book.
    Decimal quoteQty;
    Decimal limitPrice;   // Limit and LimitMaker
    TimeInForce timeInForce = TimeInForce::Gtc; // Limit only
    bool reduceOnly = false; // exits: allowed while trading is halted
    QString strategy;     // who asked ("momentum_social", "exit:stop_loss", "manual")
    QString reason;       // readable why, shown to the user

    [[nodiscard]] bool byQuote() const { return quoteQty.isPositive(); }
};

//! How much an order is for, as logs and messages say it: "120" or "for 25 quote".
[[nodiscard]] inline QString sizeText(Decimal qty, Decimal quoteQty)
{
    return quoteQty.isPositive() ? QStringLiteral("for %1 quote").arg(quoteQty.toString()) : qty.toString();
}

//! The engine's record of an order and its lifecycle.
struct Order {
    QString clientId;
    QString venueOrderId;
    QString symbol;
    Side side = Side::Buy;
    OrderType type = OrderType::Market;
    Decimal qty;         // for an order by amount: 0 until the venue reports what it executed
    Decimal quoteQty;    // an order by amount (MARKET only): the quote it may spend or receive
    Decimal limitPrice;
    TimeInForce timeInForce = TimeInForce::Gtc;
    Decimal filledQty;
    Decimal avgPrice;
    Decimal fees;
    OrderStatus status = OrderStatus::New;
    bool reduceOnly = false;
    QString strategy;
    QString reason;  // why it was placed, or why it ended (reject/cancel text)
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
    TradingMode mode = TradingMode::Demo; // paper (demo, dry run) or real money (live)

    [[nodiscard]] bool byQuote() const { return quoteQty.isPositive(); }
    //! What is still to fill; unknown (0) for an order by amount until its quantity is known.
    [[nodiscard]] Decimal remainingQty() const { return qty.isPositive() ? qty - filledQty : Decimal(); }
};

//! What a venue says about an order (ack, reject, cancel, status query answer).
struct ExecutionReport {
    QString clientId;
    QString venueOrderId;
    OrderStatus status = OrderStatus::New;
    Decimal filledQty;     // cumulative, when known
    QString message;       // venue text for rejects/cancels
    bool notFound = false; // query answer: venue has no such order
    qint64 tsMs = 0;
};

} // namespace engine
