#pragma once

#include "engine/core/decimal.h"

#include <QString>

namespace adapters::demo {

//! Fixed traits of one simulated token, chosen when it is created.
struct TokenProfile {
    QString symbol;       // "PEPE2"
    quint64 marketSeed = 0; // the market's seed (bot networks are shared by all tokens)
    QString tokenAddress; // deterministic fake 0x... address on chain "demo"
    QString poolAddress;
    double initialPrice = 0;   // USD
    double liquidityUsd = 0;   // DEX pool value; also scales CEX depth and trade sizes
    double sigmaPerSec = 0.001; // average quiet volatility of log price per simulated second
    double tradesPerSec = 2;    // quiet CEX trade rate
    double postsPerMin = 1;     // quiet mention rate (the baseline a social signal beats)
    double medianTradeUsd = 100;
    engine::Decimal tickSize;
    engine::Decimal stepSize;
    engine::Decimal minNotional;
    bool newLaunch = false;
};

} // namespace adapters::demo
