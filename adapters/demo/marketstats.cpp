#include "adapters/demo/marketstats.h"

#include <algorithm>
#include <cmath>

namespace adapters::demo {

ReturnStats returnStats(const QList<HourlySeries> &series)
{
    ReturnStats s;
    std::vector<double> all;
    std::vector<std::pair<double, double>> absPairs; // (|r_t-1|, |r_t|) within series
    std::vector<double> drawdowns;
    for (const HourlySeries &one : series) {
        std::vector<double> r;
        for (std::size_t i = 1; i < one.close.size(); ++i) {
            if (one.close[i - 1] > 0 && one.close[i] > 0)
                r.push_back(std::log(one.close[i] / one.close[i - 1]));
        }
        for (std::size_t i = 1; i < r.size(); ++i)
            absPairs.emplace_back(std::abs(r[i - 1]), std::abs(r[i]));
        all.insert(all.end(), r.begin(), r.end());
        // Worst fall from the running peak (highs) to a low within each whole day.
        for (std::size_t day = 0; day + 24 <= one.close.size(); day += 24) {
            double peak = one.close[day], worst = 0;
            for (std::size_t h = day; h < day + 24; ++h) {
                peak = std::max(peak, one.high[h]);
                if (peak > 0)
                    worst = std::max(worst, 1 - one.low[h] / peak);
            }
            drawdowns.push_back(worst);
        }
    }
    s.returns = static_cast<long long>(all.size());
    if (all.size() < 2)
        return s;
    double mean = 0;
    for (double r : all)
        mean += r;
    mean /= double(all.size());
    double m2 = 0, m4 = 0;
    for (double r : all) {
        const double d = (r - mean) * (r - mean);
        m2 += d;
        m4 += d * d;
    }
    m2 /= double(all.size());
    m4 /= double(all.size());
    s.hourlyStdevPct = std::sqrt(m2) * 100;
    s.excessKurtosis = m2 > 0 ? m4 / (m2 * m2) - 3 : 0;
    long long up = 0, down = 0;
    for (double r : all) {
        up += r >= std::log(1.2) ? 1 : 0;
        down += r <= std::log(0.8) ? 1 : 0;
    }
    s.upHoursPer1000 = 1000.0 * double(up) / double(all.size());
    s.downHoursPer1000 = 1000.0 * double(down) / double(all.size());
    if (!absPairs.empty()) {
        double absMean = 0;
        for (double r : all)
            absMean += std::abs(r);
        absMean /= double(all.size());
        double cov = 0, var = 0;
        for (double r : all)
            var += (std::abs(r) - absMean) * (std::abs(r) - absMean);
        for (const auto &[a, b] : absPairs)
            cov += (a - absMean) * (b - absMean);
        s.absAutocorrelation = var > 0 ? cov / var : 0;
    }
    if (!drawdowns.empty()) {
        std::sort(drawdowns.begin(), drawdowns.end());
        s.medianDayDrawdownPct = drawdowns[drawdowns.size() / 2] * 100;
    }
    return s;
}

} // namespace adapters::demo
