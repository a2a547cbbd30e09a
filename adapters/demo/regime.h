#pragma once

#include <QString>
#include <QStringList>

namespace adapters::demo {

//! What drives a token's price and chatter. Ground truth for tests: it never
//! goes through a port, so strategies have to infer it from the data.
enum class Regime { Quiet, OrganicPump, PumpAndDump, RugPull, SlowBleed };

//! Where a token is inside its current episode.
enum class Phase {
    Idle,    // no episode running
    Buildup, // chatter (and whales) lead; the price has not moved yet
    Move,    // the price move itself: pump, pre-rug pump, bleed
    Unwind   // retrace, dump, or rug crash and its aftermath
};

[[nodiscard]] QString toString(Regime r);
[[nodiscard]] QString toString(Phase p);

//! One planned episode of a token's life. Times are simulated ms since the epoch;
//! buildupStartMs <= moveStartMs <= peakMs <= endMs.
struct RegimeEpisode {
    QString symbol;             // token symbol ("PEPE2")
    Regime kind = Regime::Quiet;
    qint64 buildupStartMs = 0;  // chatter starts leading
    qint64 moveStartMs = 0;     // price starts to move
    qint64 peakMs = 0;          // move ends, unwind begins (rug pull: liquidity pulled)
    qint64 endMs = 0;           // back to quiet
    double buildupFactor = 1;   // planned price multiple over the buildup (small)
    double moveFactor = 1;      // planned price multiple over the move
    double unwindFactor = 1;    // planned price multiple of the unwind's fall, from the peak
    int fallSec = 0;            // how long the unwind's fall takes (rug pull: a few seconds)
    double socialPeak = 1;      // mention-rate multiple at the height of the hype
    QStringList bots;           // coordinated campaigns: the accounts that shill
    bool showcase = false;      // planted so that a fresh session shows a pump early

    [[nodiscard]] Phase phaseAt(qint64 tMs) const;
    [[nodiscard]] bool isActiveAt(qint64 tMs) const { return kind != Regime::Quiet && tMs >= buildupStartMs && tMs < endMs; }
};

} // namespace adapters::demo
