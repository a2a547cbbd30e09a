#pragma once

#include "engine/core/decimal.h"

namespace engine {

//! How a backtest with the order-book fill model turns bars into books and what the venue knows.
struct BookModelSettings {
    Decimal tickSize = Decimal::fromString("0.0000000001"); // the symbol's price tick
    Decimal stepSize = Decimal::fromString("0.00000001");   // its quantity step
    Decimal minNotional;                                    // its smallest order value
    int levels = 10;                                        // levels on each side of the book
    Decimal levelStep = Decimal::fromString("0.0005");      // 0.05 % between levels (half of it each side of the open)
    Decimal depthShare = Decimal::fromString("0.1");        // the bar's volume shown on each side, spread over the levels
};

} // namespace engine
