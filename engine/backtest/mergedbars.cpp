#include "engine/backtest/mergedbars.h"

namespace engine {

MergedBars::MergedBars(std::vector<std::unique_ptr<BarSource>> sources)
{
    m_heads.reserve(sources.size());
    for (auto &s : sources)
        m_heads.push_back(Head{std::move(s), {}, false});
}

Result<bool> MergedBars::next(Candle &bar)
{
    if (!m_primed) {
        m_primed = true;
        for (Head &h : m_heads) {
            const Result<bool> got = h.source->next(h.bar);
            if (!got)
                return got.error();
            h.live = got.value();
        }
    }
    Head *earliest = nullptr;
    for (Head &h : m_heads) { // a handful of symbols: a scan beats a heap
        if (h.live && (!earliest || h.bar.openTimeMs < earliest->bar.openTimeMs))
            earliest = &h;
    }
    if (!earliest)
        return false;
    bar = earliest->bar;
    const Result<bool> got = earliest->source->next(earliest->bar);
    if (!got)
        return got.error();
    earliest->live = got.value();
    return true;
}

} // namespace engine
