#pragma once

#include "engine/backtest/barsource.h"

#include <QList>

namespace engine {

//! Bars already in memory, replayed from the start: for many runs over the same history
//! (a parameter search reads the file once). The list is shared, not copied.
class MemoryBars final : public BarSource {
public:
    explicit MemoryBars(QList<Candle> bars) : m_bars(std::move(bars)) {}
    Result<bool> next(Candle &bar) override
    {
        if (m_at >= m_bars.size())
            return false;
        bar = m_bars.at(m_at++);
        return true;
    }

private:
    QList<Candle> m_bars;
    qsizetype m_at = 0;
};

} // namespace engine
