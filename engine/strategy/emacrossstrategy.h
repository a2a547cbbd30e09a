#pragma once

#include "engine/market/ema.h"
#include "engine/strategy/strategy.h"

#include <QHash>

namespace engine {

//! `ema_cross(fast, slow)`, the reference trend rule (docs/backtesting.md): EMAs of the closes with
//! α = 2/(n+1), each seeded with the simple mean of its first n closes; no signal until both exist.
//! Buy when fast crosses above slow between two closes (fast[t-1] <= slow[t-1] and
//! fast[t] > slow[t]); sell when it crosses below. Being above at the end of the warm-up is not a
//! signal. One state per symbol.
class EmaCrossStrategy final : public Strategy {
public:
    EmaCrossStrategy(int fast, int slow);
    [[nodiscard]] QString name() const override { return QStringLiteral("ema_cross"); }
    [[nodiscard]] QList<OrderRequest> onCandle(const Candle &candle, const StrategyContext &ctx) override;

private:
    struct State {
        Ema fast;
        Ema slow;
        bool hasPrevious = false;
        double previousFast = 0;
        double previousSlow = 0;
    };
    int m_fast;
    int m_slow;
    QHash<QString, State> m_states;
};

} // namespace engine
