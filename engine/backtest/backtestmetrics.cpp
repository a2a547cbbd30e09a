#include "engine/backtest/backtestmetrics.h"

#include <algorithm>
#include <cmath>

namespace engine {

MetricsAccumulator::MetricsAccumulator(Decimal capital)
    : m_capital(capital)
    , m_peak(capital.toDouble())
{
}

void MetricsAccumulator::addClose(qint64 openMs, Decimal equity, bool exposed)
{
    const double e = equity.toDouble();
    if (m_bars == 0)
        m_firstMs = openMs;
    m_lastMs = openMs;
    if (m_bars > 0 && m_previous != 0) {
        const double r = e / m_previous - 1.0;
        ++m_returns;
        const double delta = r - m_mean;
        m_mean += delta / double(m_returns);
        m_m2 += delta * (r - m_mean);
        if (r < 0)
            m_downside += r * r;
    }
    m_previous = e;
    m_lastEquity = equity;
    // Drawdown on the close equity, the peak starting at the capital (before the first bar). Its
    // duration: the bars from the peak to the close that regains it, or to the last bar.
    if (e >= m_peak) {
        m_peak = e;
        m_peakBar = m_bars + 1;
    } else {
        m_maxDrawdown = std::max(m_maxDrawdown, (m_peak - e) / m_peak);
        m_maxDrawdownBars = std::max(m_maxDrawdownBars, m_bars + 1 - m_peakBar);
    }
    m_exposedBars += exposed ? 1 : 0;
    ++m_bars;
}

void MetricsAccumulator::addTrade(Decimal pnl)
{
    ++m_trades;
    if (pnl.isPositive()) {
        ++m_wins;
        m_grossWin += pnl;
    } else if (pnl.isNegative()) {
        ++m_losses;
        m_grossLoss -= pnl;
    }
}

BacktestMetrics MetricsAccumulator::result(qint64 intervalMs) const
{
    BacktestMetrics m;
    const double barsPerYear = intervalMs > 0 ? 365.0 * 86'400'000.0 / double(intervalMs) : 0;
    m.bars = m_bars;
    m.finalEquity = m_bars > 0 ? m_lastEquity : m_capital;
    const double capital = m_capital.toDouble();
    const double growth = m.finalEquity.toDouble() / capital;
    m.totalReturn = growth - 1.0;
    m.years = double(m_lastMs - m_firstMs) / (365.0 * 86'400'000.0);
    if (m.years > 0 && growth > 0)
        m.cagr = std::pow(growth, 1.0 / m.years) - 1.0;
    if (m_returns >= 2) {
        const double sd = std::sqrt(m_m2 / double(m_returns - 1));
        m.volatility = sd * std::sqrt(barsPerYear);
        if (sd > 0)
            m.sharpe = m_mean / sd * std::sqrt(barsPerYear);
    }
    if (m_returns >= 1 && m_downside > 0)
        m.sortino = m_mean / std::sqrt(m_downside / double(m_returns)) * std::sqrt(barsPerYear);
    m.maxDrawdown = m_maxDrawdown;
    m.maxDrawdownBars = m_maxDrawdownBars;
    m.maxDrawdownMs = m_maxDrawdownBars * intervalMs;
    if (m.cagr && m_maxDrawdown > 0)
        m.calmar = *m.cagr / m_maxDrawdown;
    m.numTrades = m_trades;
    if (m_trades > 0)
        m.winRate = double(m_wins) / double(m_trades);
    if (m_grossLoss.isPositive())
        m.profitFactor = m_grossWin.toDouble() / m_grossLoss.toDouble();
    if (m_wins > 0)
        m.averageWin = m_grossWin.divRounded(Decimal::fromInt(m_wins), Rounding::HalfEven);
    if (m_losses > 0)
        m.averageLoss = -m_grossLoss.divRounded(Decimal::fromInt(m_losses), Rounding::HalfEven);
    m.exposure = m_bars > 0 ? double(m_exposedBars) / double(m_bars) : 0;
    return m;
}

} // namespace engine
