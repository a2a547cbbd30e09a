#pragma once

#include "engine/core/signal.h"
#include "engine/signals/chaintracker.h"
#include "engine/signals/socialtracker.h"
#include "engine/signals/symbolfeatures.h"
#include "engine/strategy/strategyparams.h"

namespace engine {

//! Turns market, social and on-chain features into one scored, explained signal.
//! Pure function of its inputs, so backtests and live trading score alike.
//!
//! The rules (docs/architecture.md, "The default strategy"): three parts on a -1..+1 scale —
//! market = momentum / 3 % (capped at ±1; halved while RSI > 85 and the trend is up: late to the
//! move), volume = volume z / 3 in the trend's direction, social = 0.6 x mention surge (doublings
//! over the baseline, halved) + 0.4 x sentiment, forced below 0 when a few accounts do the talking or half the posts come from accounts
//! posting three times or more in the window (a campaign) —
//! blended by the weights. A buy needs the score at the entry threshold; price and volume at full
//! strength reach it on their own (0.40 + 0.20 of 0.55 with the default weights), and the
//! explanation says so when no mentions confirmed it. It shows the values actually used, each
//! part's contribution and the weights.
class SignalScorer {
public:
    //! The three parts before weighting, and why they are what they are.
    struct Parts {
        double market = 0;
        double volume = 0;
        double social = 0;
        bool overbought = false;  // RSI > 85 halved an up trend
        bool coordinated = false; // a campaign's accounts do the talking: social forced negative
    };

    explicit SignalScorer(const StrategyParams &params) : m_params(params) {}
    [[nodiscard]] Signal score(const QString &symbol, qint64 tsMs, Decimal price, const SymbolFeatures &market,
                               const SocialStats &social, const ChainStats &chain) const;
    //! The parts from the raw features (pure; the tests pin the rules with it).
    [[nodiscard]] static Parts parts(double momentum, double rsi, double volumeZ, const SocialStats &social);

private:
    StrategyParams m_params;
};

} // namespace engine
