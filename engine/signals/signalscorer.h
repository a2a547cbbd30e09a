#pragma once

#include "engine/core/signal.h"
#include "engine/signals/chaintracker.h"
#include "engine/signals/socialtracker.h"
#include "engine/signals/symbolfeatures.h"
#include "engine/strategy/strategyparams.h"

namespace engine {

//! Turns market, social and on-chain features into one scored, explained signal.
//! Pure function of its inputs, so backtests and live trading score alike.
class SignalScorer {
public:
    explicit SignalScorer(const StrategyParams &params) : m_params(params) {}
    [[nodiscard]] Signal score(const QString &symbol, qint64 tsMs, Decimal price, const SymbolFeatures &market,
                               const SocialStats &social, const ChainStats &chain) const;

private:
    StrategyParams m_params;
};

} // namespace engine
