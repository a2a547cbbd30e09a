#pragma once

#include "engine/strategy/strategy.h"
#include "engine/strategy/strategyparams.h"

namespace engine {

//! Buys tokens whose price momentum and volume are confirmed by a surge of
//! organic social mentions; sells when the combined score turns negative.
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
