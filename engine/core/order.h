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
    Decimal limitPrice;   // Limit and LimitMaker
    TimeInForce timeInForce = TimeInForce::Gtc; // Limit only
    bool reduceOnly = false; // exits: allowed while trading is halted
    QString strategy;     // who asked ("momentum_social", "exit:stop_loss", "manual")
    QString reason;       // readable why, shown to the user
};

//! The engine's record of an order and its lifecycle.
struct Order {
    QString clientId;
    QString venueOrderId;
    QString symbol;
    Side side = Side::Buy;
    OrderType type = OrderType::Market;
    Decimal qty;
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

    [[nodiscard]] Decimal remainingQty() const { return qty - filledQty; }
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
