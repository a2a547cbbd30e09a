#pragma once

#include "engine/core/marketdata.h"
#include "engine/market/atr.h"
#include "engine/market/ema.h"
#include "engine/market/rsi.h"
#include "engine/market/volumezscore.h"

namespace engine {

//! Streaming market indicators of one symbol, updated on each closed candle.
class SymbolFeatures {
public:
    SymbolFeatures(int emaFast, int emaSlow, int rsiPeriod);
    void update(const Candle &candle);
    [[nodiscard]] bool isReady() const { return m_slow.isReady() && m_rsi.isReady(); }
    //! EMA fast ÷ EMA slow − 1.
    [[nodiscard]] double momentum() const;
    [[nodiscard]] double rsi() const { return m_rsi.value(); }
    [[nodiscard]] double volumeZ() const { return m_volume.value(); }
    [[nodiscard]] double atr() const { return m_atr.value(); }
    [[nodiscard]] const Candle &lastCandle() const { return m_last; }

private:
    Ema m_fast;
    Ema m_slow;
    Rsi m_rsi;
    Atr m_atr;
    VolumeZScore m_volume;
    Candle m_last;
};

} // namespace engine
