#pragma once

#include "adapters/demo/regime.h"
#include "adapters/demo/rng.h"

#include <QString>

namespace adapters::demo {

//! Plans a token's next episode: how long it stays quiet, which regime follows,
//! and the shape of that regime (lead time, size and length of the moves).
class RegimeScheduler {
public:
    struct Context {
        QString symbol;
        qint64 fromMs = 0;         // earliest moment the next episode may start
        bool firstEpisode = false; // spread the first episodes of a session widely
        bool newLaunch = false;    // fresh tokens rug and get dumped far more often
        bool rugged = false;       // a rugged token only bleeds from now on
        double liquidityUsd = 0;   // deep pools are rarely rugged by their deployer
    };

    [[nodiscard]] static RegimeEpisode plan(Rng &rng, const Context &context);
    //! An organic pump whose price move starts at `moveStartMs`, with a strong
    //! social lead of 6..9 minutes before it (the new-session showcase).
    [[nodiscard]] static RegimeEpisode showcase(Rng &rng, const QString &symbol, qint64 moveStartMs);
    //! The accounts a coordinated campaign may use.
    [[nodiscard]] static const QStringList &botPool();

private:
    static void shape(Rng &rng, RegimeEpisode &episode);
};

} // namespace adapters::demo
