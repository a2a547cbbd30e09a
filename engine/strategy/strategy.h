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
};

//! A trading strategy: turns signals into order proposals. Proposals still go
//! through the risk gate; a strategy never talks to a venue.
class Strategy {
public:
    virtual ~Strategy() = default;
    [[nodiscard]] virtual QString name() const = 0;
    [[nodiscard]] virtual QList<OrderRequest> onSignal(const Signal &signal, const StrategyContext &ctx) = 0;
    //! New parameters from the user's configuration; a strategy takes what it uses.
    virtual void configure(const StrategyParams &params) { Q_UNUSED(params); }
};

} // namespace engine
