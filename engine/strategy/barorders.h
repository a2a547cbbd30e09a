#pragma once

#include "engine/core/marketdata.h"
#include "engine/core/order.h"
#include "engine/strategy/strategy.h"

namespace engine {

//! The orders a bar-driven strategy proposes. An entry spends all the free cash: a MARKET buy by
//! amount of cash / (1 + fee), so that the fee on top still fits. An exit sells the whole position.
//! Nothing is proposed that would be ignored (a buy while long, a sell while flat, a buy without
//! cash), so a strategy's decisions and the orders that reach the risk gate are the same list.
[[nodiscard]] QList<OrderRequest> entryAllIn(const Candle &candle, const StrategyContext &ctx, const QString &strategy,
                                             const QString &reason);
[[nodiscard]] QList<OrderRequest> exitAll(const Candle &candle, const StrategyContext &ctx, const QString &strategy,
                                          const QString &reason);

} // namespace engine
