#pragma once

#include "engine/market/rsi.h"
#include "engine/strategy/strategy.h"

#include <QHash>

namespace engine {

//! `rsi_reversion(period, lower, upper)`, the reference mean-reversion rule (docs/backtesting.md):
//! Wilder's RSI of the closes. Buy when it climbs back over the lower band (rsi[t-1] < lower <=
//! rsi[t]); sell when it falls back under the upper band (rsi[t-1] > upper >= rsi[t]). One state
//! per symbol.
class RsiReversionStrategy final : public Strategy {
public:
    RsiReversionStrategy(int period, double lower, double upper);
    [[nodiscard]] QString name() const override { return QStringLiteral("rsi_reversion"); }
    [[nodiscard]] QList<OrderRequest> onCandle(const Candle &candle, const StrategyContext &ctx) override;

private:
    struct State {
        Rsi rsi;
        bool hasPrevious = false;
        double previous = 0;
    };
    int m_period;
    double m_lower;
    double m_upper;
    QHash<QString, State> m_states;
};

} // namespace engine
