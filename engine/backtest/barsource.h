#pragma once

#include "engine/core/marketdata.h"
#include "engine/core/result.h"

namespace engine {

//! Bars one at a time, oldest first (by open time; bars of several symbols at the same time in a
//! fixed order). Streamed: a source never needs to hold its whole history, so a backtest's memory
//! does not grow with the number of bars.
class BarSource {
public:
    virtual ~BarSource() = default;
    //! The next bar into `bar`: true, false at the end, or an error (a bad row, with where it is).
    virtual Result<bool> next(Candle &bar) = 0;
};

} // namespace engine
