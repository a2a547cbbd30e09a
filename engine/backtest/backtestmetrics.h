#pragma once

#include "engine/core/decimal.h"

#include <QtGlobal>

#include <optional>

namespace engine {

//! The figures of a run, by the formulas in docs/backtesting.md. A ratio that has no meaning for
//! the run (no returns, no loss, a flat equity) is empty rather than a made-up number.
struct BacktestMetrics {
    double totalReturn = 0;          // final equity / capital - 1
    std::optional<double> cagr;
    std::optional<double> volatility; // annualised stdev of the bar returns
    std::optional<double> sharpe;
    std::optional<double> sortino;
    double maxDrawdown = 0;           // a fraction of the peak, 0.25 = 25 %
    qint64 maxDrawdownBars = 0;       // the longest time below a peak, in bars
    qint64 maxDrawdownMs = 0;         // and in time (bars x interval)
    std::optional<double> calmar;
    std::optional<double> winRate;
    std::optional<double> profitFactor;
    Decimal averageWin;               // per closed winning / losing trade, in quote
    Decimal averageLoss;
    double exposure = 0;              // share of bars with a position at the close
    int numTrades = 0;                // closed trades
    qint64 bars = 0;
    double years = 0;
    Decimal finalEquity;
};

//! Builds BacktestMetrics from the equity at each close as it comes (constant memory), and the
//! closed trades' results.
class MetricsAccumulator {
public:
    explicit MetricsAccumulator(Decimal capital);
    void addClose(qint64 openMs, Decimal equity, bool exposed);
    void addTrade(Decimal pnl);
    //! `intervalMs`: the bar interval, which gives the bars per year (8,760 for 1 h).
    [[nodiscard]] BacktestMetrics result(qint64 intervalMs) const;

private:
    Decimal m_capital;
    qint64 m_bars = 0;
    qint64 m_exposedBars = 0;
    qint64 m_firstMs = 0;
    qint64 m_lastMs = 0;
    Decimal m_lastEquity;
    double m_previous = 0;
    // Welford's running mean and sum of squared deviations of the returns
    qint64 m_returns = 0;
    double m_mean = 0;
    double m_m2 = 0;
    double m_downside = 0; // sum of min(r, 0)^2
    double m_peak = 0;
    qint64 m_peakBar = 0; // bars counted from 1; 0 = the capital before the first bar
    double m_maxDrawdown = 0;
    qint64 m_maxDrawdownBars = 0;
    int m_wins = 0;
    int m_losses = 0;
    int m_trades = 0;
    Decimal m_grossWin;
    Decimal m_grossLoss;
};

} // namespace engine
