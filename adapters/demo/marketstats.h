#pragma once

#include <QList>

#include <vector>

namespace adapters::demo {

//! The statistics the demo market is calibrated on, computed the same way for real klines and for
//! simulated prices: from each series of hourly closes (a series is one coin, or one token of one
//! seed), pooled over all series.
struct ReturnStats {
    long long returns = 0;          // hourly log returns pooled
    double hourlyStdevPct = 0;      // stdev of hourly log returns, in %
    double excessKurtosis = 0;      // of the pooled hourly log returns
    double absAutocorrelation = 0;  // lag-1 autocorrelation of |return| within each series (volatility clustering)
    double upHoursPer1000 = 0;      // hours up >= 20 %, per 1,000 hours
    double downHoursPer1000 = 0;    // hours down >= 20 %, per 1,000 hours
    double medianDayDrawdownPct = 0; // median over whole days of the worst fall from a running peak, in %
};

//! One series: hourly closes, and each hour's low (or the close when there is none), oldest first.
struct HourlySeries {
    std::vector<double> close;
    std::vector<double> low;
    std::vector<double> high;
};

[[nodiscard]] ReturnStats returnStats(const QList<HourlySeries> &series);

} // namespace adapters::demo
