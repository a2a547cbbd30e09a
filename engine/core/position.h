#pragma once

#include "engine/core/decimal.h"

#include <QString>

namespace engine {

//! A long spot position in one symbol with average-cost accounting.
struct Position {
    QString symbol;
    Decimal qty;
    Decimal avgPrice;       // average entry price of the open quantity (costBasis / qty, for display)
    Decimal costBasis;      // exact quote spent on the open quantity; PnL is computed from this
    Decimal realizedPnl;    // closed part, net of fees
    Decimal fees;           // all fees paid on this symbol
    Decimal lastPrice;      // mark
    Decimal peakPrice;      // highest mark since entry (trailing stop)
    qint64 openedMs = 0;

    [[nodiscard]] bool isOpen() const { return qty.isPositive(); }
    [[nodiscard]] Decimal unrealizedPnl() const { return isOpen() ? lastPrice * qty - costBasis : Decimal(); }
    [[nodiscard]] Decimal marketValue() const { return lastPrice * qty; }
};

//! Equity at a point in time (dashboard curve, drawdown).
struct EquityPoint {
    qint64 tsMs = 0;
    Decimal equity;
    Decimal cash;
};

} // namespace engine
