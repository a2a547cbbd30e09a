#pragma once

#include "engine/core/marketdata.h"
#include "engine/core/order.h"
#include "engine/core/position.h"
#include "engine/core/signal.h"
#include "engine/strategy/strategyparams.h"

#include <QList>
#include <QString>

namespace engine {

//! What a strategy sees when it decides.
struct StrategyContext {
    const Instrument *instrument = nullptr;
    const Position *position = nullptr; // nullptr or closed when flat
    bool hasOpenOrder = false;
    Decimal bestBid;
    Decimal bestAsk;
    //! What a buy may spend: the free quote cash, with the taker fee rate paid on top of it.
    Decimal cash;
    Decimal feeRate;
};

//! A trading strategy: turns signals into order proposals. Proposals still go
//! through the risk gate; a strategy never talks to a venue.
class Strategy {
public:
    virtual ~Strategy() = default;
    [[nodiscard]] virtual QString name() const = 0;
    [[nodiscard]] virtual QList<OrderRequest> onSignal(const Signal &signal, const StrategyContext &ctx)
    {
        Q_UNUSED(signal);
        Q_UNUSED(ctx);
        return {};
    }
    //! A closed candle of a symbol, oldest first. Bar-driven strategies (ema_cross, rsi_reversion)
    //! decide here, on the close; what they propose is filled at the next bar at the earliest.
    [[nodiscard]] virtual QList<OrderRequest> onCandle(const Candle &candle, const StrategyContext &ctx)
    {
        Q_UNUSED(candle);
        Q_UNUSED(ctx);
        return {};
    }
    //! New parameters from the user's configuration; a strategy takes what it uses.
    virtual void configure(const StrategyParams &params) { Q_UNUSED(params); }
};

} // namespace engine
