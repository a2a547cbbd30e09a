#pragma once

#include "engine/core/decimal.h"

namespace engine {

//! Parameters of the built-in momentum + volume + social strategy.
struct StrategyParams {
    Decimal orderNotional = Decimal::fromInt(500); // quote currency per entry
    double entryScore = 0.55;   // score above which the strategy buys
    double exitScore = -0.4;    // score below which it sells an open position
    int emaFast = 5;            // candles
    int emaSlow = 20;
    int rsiPeriod = 14;
    int socialWindowMin = 5;    // recent mention window
    int socialBaselineMin = 60; // baseline window
    double weightMomentum = 0.40;
    double weightVolume = 0.20;
    double weightSocial = 0.40;
};

} // namespace engine
