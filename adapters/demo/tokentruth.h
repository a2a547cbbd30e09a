#pragma once

#include "adapters/demo/regime.h"

#include <QString>

namespace adapters::demo {

//! What is really going on with one token at the simulator's current time.
//! For tests and debugging only; never sent through a port.
struct TokenTruth {
    QString symbol;         // "PEPE2"
    QString pairSymbol;     // CEX instrument, "PEPE2USDT"
    QString tokenAddress;
    QString poolAddress;
    bool newLaunch = false; // launched during the session (not one of the initial tokens)
    qint64 launchedMs = 0;
    qint64 listMs = -1;     // when it becomes (or became) a CEX instrument; -1 = never
    bool listed = false;
    bool rugged = false;
    Regime regime = Regime::Quiet;
    Phase phase = Phase::Idle;
    qint64 regimeStartMs = 0; // buildup start of the running episode, else end of the last one
    RegimeEpisode current;    // the running episode (kind Quiet when none)
    RegimeEpisode next;       // what comes next: the planned episode, or Quiet from current.endMs
    double midPrice = 0;
    double liquidityUsd = 0;
};

} // namespace adapters::demo
