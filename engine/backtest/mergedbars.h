#pragma once

#include "engine/backtest/barsource.h"

#include <memory>
#include <vector>

namespace engine {

//! Several sources (one per symbol, each oldest first) as one stream in time order; bars with the
//! same open time come in the order the sources were given. Holds one bar per source.
class MergedBars final : public BarSource {
public:
    explicit MergedBars(std::vector<std::unique_ptr<BarSource>> sources);
    Result<bool> next(Candle &bar) override;

private:
    struct Head {
        std::unique_ptr<BarSource> source;
        Candle bar;
        bool live = false;
    };
    std::vector<Head> m_heads;
    bool m_primed = false;
};

} // namespace engine
