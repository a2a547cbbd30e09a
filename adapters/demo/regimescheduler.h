#pragma once

#include "adapters/demo/regime.h"
#include "adapters/demo/rng.h"

#include <QString>

namespace adapters::demo {

//! Plans a token's next episode: how long it stays quiet, which regime follows and the path of
//! its price (legs of random size and sign), how loud the talk gets and who does the talking.
//! Established tokens mostly drift; fresh launches usually fade or die and only a few pump
//! (the assumptions are in docs/demo-market.md).
class RegimeScheduler {
public:
    struct Context {
        QString symbol;
        quint64 seed = 0;          // the market's seed: bot networks are shared across tokens
        qint64 fromMs = 0;         // earliest moment the next episode may start
        bool firstEpisode = false; // spread the first episodes of a session widely; a fresh launch's first decides its fate
        bool fresh = false;        // launched during the session: wilder, and usually doomed
        bool rugged = false;       // a rugged token only bleeds from now on
        double liquidityUsd = 0;   // deep pools are not rugged by their deployer
    };

    [[nodiscard]] static RegimeEpisode plan(Rng &rng, const Context &context);
    //! A gentle organic pump whose price move starts at `moveStartMs`, with a strong social lead
    //! of 6..9 minutes before it: what a first-run demo shows early. Never planted in evaluations.
    [[nodiscard]] static RegimeEpisode showcase(Rng &rng, const QString &symbol, qint64 moveStartMs);
    //! The handle of account `member` of bot network `network` in its `generation`: networks
    //! rotate their accounts (banned ones are replaced), and the handles look like anyone's.
    [[nodiscard]] static QString botHandle(quint64 seed, int network, int generation, int member);
    //! A handle in the style of the demo's people; `salt` picks it.
    [[nodiscard]] static QString personHandle(quint64 salt);

    static constexpr int kBotNetworks = 9;
    static constexpr int kNetworkSize = 24;
    //! How long an account generation of a network lasts before it is rotated.
    static constexpr qint64 kGenerationMs = 6LL * 60 * 60 * 1000;

private:
    //! A regular episode; `scale` multiplies its price moves (fresh tokens move more).
    static void shapeRegular(Rng &rng, RegimeEpisode &episode, double scale);
    //! The first episode of a fresh launch: its fate.
    static void shapeFate(Rng &rng, RegimeEpisode &episode);
    static void pickBots(Rng &rng, const Context &context, RegimeEpisode &episode, double botShare);
};

} // namespace adapters::demo
