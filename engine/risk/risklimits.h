#pragma once

#include "engine/core/decimal.h"

namespace engine {

//! Pre-trade limits and protective exits. Percentages are fractions (0.05 = 5 %).
struct RiskLimits {
    Decimal maxOrderNotional = Decimal::fromInt(1000);  // quote currency per order
    int maxOpenPositions = 5;
    Decimal dailyLossLimit = Decimal::fromInt(500);     // realized + unrealized loss today → HALTED
    Decimal stopLossPct = Decimal::fromString("0.08");
    Decimal takeProfitPct = Decimal::fromString("0.25");
    Decimal trailingStopPct = Decimal::fromString("0.10"); // from the peak since entry; 0 = off
    int maxOrdersPerMinute = 30;
};

} // namespace engine
