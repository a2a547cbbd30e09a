#pragma once

#include "engine/strategy/strategy.h"
#include "engine/strategy/strategyparams.h"

namespace engine {

//! Buys when the signal's score (momentum, volume and social mentions blended, see SignalScorer and
//! docs/architecture.md) reaches the entry threshold, for the configured order notional; sells a
//! held position when it falls to the exit threshold. Strong price and volume can buy without
//! mentions; mentions add to or take from the score.
class MomentumSocialStrategy final : public Strategy {
public:
    explicit MomentumSocialStrategy(const StrategyParams &params) : m_params(params) {}
    void configure(const StrategyParams &params) override { m_params = params; }
    [[nodiscard]] QString name() const override { return QStringLiteral("momentum_social"); }
    [[nodiscard]] QList<OrderRequest> onSignal(const Signal &signal, const StrategyContext &ctx) override;

private:
    StrategyParams m_params;
};

} // namespace engine
