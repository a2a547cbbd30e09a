#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace adapters::demo {

//! What drives a token's price and chatter. Ground truth for tests: it never
//! goes through a port, so strategies have to infer it from the data.
enum class Regime {
    Quiet,
    OrganicPump, // many people notice, the price climbs in legs, part of it is given back
    PumpAndDump, // a bot network shills, insiders ride the spike and dump it below the start
    RugPull,     // hype that looks organic, then the deployer pulls the pool
    SlowBleed,   // holders leave; fresh launches mostly fade this way
    FailedPump,  // the hype and a first leg up, then it runs out and sinks below the start
    Chatter      // talk that leads nowhere: the price does not care
};

//! Where a token is inside its current episode.
enum class Phase {
    Idle,    // no episode running
    Buildup, // chatter (and whales) lead; the price has not moved yet
    Move,    // the price move itself: pump, pre-rug pump, bleed
    Unwind   // retrace, dump, or rug crash and its aftermath
};

[[nodiscard]] QString toString(Regime r);
[[nodiscard]] QString toString(Phase p);

//! One stretch of an episode's price move: the planned log-price change over it (noise comes on
//! top) and how much wilder than usual the price is meanwhile.
struct EpisodeLeg {
    qint64 endMs = 0;
    double logMove = 0;
    double vol = 1;
};

//! One planned episode of a token's life. Times are simulated ms since the epoch;
//! buildupStartMs <= moveStartMs <= peakMs <= endMs.
struct RegimeEpisode {
    QString symbol;             // token symbol ("PEPE2")
    Regime kind = Regime::Quiet;
    qint64 buildupStartMs = 0;  // chatter starts leading
    qint64 moveStartMs = 0;     // price starts to move
    qint64 peakMs = 0;          // move ends, unwind begins (rug pull: liquidity pulled)
    qint64 endMs = 0;           // back to quiet
    //! The planned path, from buildupStartMs to endMs in order: a few legs of different size and
    //! sign (a pump pauses and pulls back on its way up), so no two episodes rise alike.
    QList<EpisodeLeg> legs;
    qint64 fallEndMs = 0;       // the unwind's fast part ends here (dump, rug crash)
    double socialPeak = 1;      // mention-rate multiple at the height of the hype
    QStringList bots;           // coordinated campaigns: the accounts that shill
    double botShare = 0;        // share of the campaign's posts written by those accounts
    bool showcase = false;      // planted so that a fresh session shows a pump early

    [[nodiscard]] Phase phaseAt(qint64 tMs) const;
    [[nodiscard]] bool inFall(qint64 tMs) const { return tMs >= peakMs && tMs < fallEndMs; }
    [[nodiscard]] bool isActiveAt(qint64 tMs) const { return kind != Regime::Quiet && tMs >= buildupStartMs && tMs < endMs; }
};

} // namespace adapters::demo
