#pragma once

#include "engine/core/decimal.h"

#include <QString>

namespace engine {

//! A trading signal with the inputs it came from, so the user can see why.
struct Signal {
    qint64 tsMs = 0;
    QString symbol;     // "PEPEUSDT"
    Decimal price;      // price when the signal was produced
    double score = 0;   // -1 (strong sell) .. 1 (strong buy)
    QString action;     // "BUY", "SELL", "HOLD"
    // market part
    double momentum = 0;    // EMA fast / EMA slow - 1
    double rsi = 50;
    double volumeZ = 0;
    // social part
    double mentionVelocity = 0; // mentions/min recent vs baseline ratio
    double sentiment = 0;       // mean sentiment -1..1
    int uniqueAuthors = 0;
    // on-chain part
    double liquidityChange = 0; // relative change of pool liquidity over the window
    bool liquidityPulled = false;
    QString explanation;
};

} // namespace engine
