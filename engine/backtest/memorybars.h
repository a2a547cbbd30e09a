#pragma once

#include "engine/backtest/barsource.h"

#include <QList>

#include <algorithm>

namespace engine {

//! Bars already in memory, replayed from the start (or a slice [from, to) of them): for many runs
//! over the same history — a parameter search reads the file once, and its threads share the
//! list without copying it (read only).
class MemoryBars final : public BarSource {
public:
    explicit MemoryBars(QList<Candle> bars) : m_bars(std::move(bars)), m_end(m_bars.size()) {}
    MemoryBars(QList<Candle> bars, qsizetype from, qsizetype to)
        : m_bars(std::move(bars))
        , m_at(std::clamp<qsizetype>(from, 0, m_bars.size()))
        , m_end(std::clamp<qsizetype>(to, m_at, m_bars.size()))
    {
    }
    Result<bool> next(Candle &bar) override
    {
        if (m_at >= m_end)
            return false;
        bar = std::as_const(m_bars).at(m_at++);
        return true;
    }

private:
    const QList<Candle> m_bars;
    qsizetype m_at = 0;
    qsizetype m_end = 0;
};

//! Every bar of a source, into memory (for a search that replays them many times).
[[nodiscard]] inline Result<QList<Candle>> collectBars(BarSource &source)
{
    QList<Candle> out;
    Candle bar;
    while (true) {
        const Result<bool> got = source.next(bar);
        if (!got)
            return got.error();
        if (!got.value())
            return out;
        out << bar;
    }
}

} // namespace engine
