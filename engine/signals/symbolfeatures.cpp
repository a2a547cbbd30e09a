#include "engine/signals/symbolfeatures.h"

namespace engine {

SymbolFeatures::SymbolFeatures(int emaFast, int emaSlow, int rsiPeriod)
    : m_fast(emaFast), m_slow(emaSlow), m_rsi(rsiPeriod), m_atr(14), m_volume(20)
{
}

void SymbolFeatures::update(const Candle &c)
{
    const double close = c.close.toDouble();
    m_fast.update(close);
    m_slow.update(close);
    m_rsi.update(close);
    m_atr.update(c.high.toDouble(), c.low.toDouble(), close);
    // quote volume, so tokens of very different prices are comparable
    m_volume.update((c.volume * c.close).toDouble());
    m_last = c;
}

double SymbolFeatures::momentum() const
{
    if (!m_slow.isReady() || m_slow.value() <= 0)
        return 0;
    return m_fast.value() / m_slow.value() - 1.0;
}

} // namespace engine
