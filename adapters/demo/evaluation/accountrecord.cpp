#include "adapters/demo/evaluation/accountrecord.h"

#include <algorithm>
#include <cmath>

namespace adapters::demo::evaluation {

using engine::Decimal;

void AccountRecord::onFill(const engine::Fill &fill, const QString &regimeAtEntry)
{
    const Decimal notional = fill.price * fill.qty;
    const Decimal fee = fill.feeInQuote(); // the simulated venue charges quote, like the demo
    auto it = m_open.find(fill.symbol);
    if (fill.side == engine::Side::Buy) {
        if (it == m_open.end()) {
            Trip trip;
            trip.symbol = fill.symbol;
            trip.regime = regimeAtEntry;
            trip.entryMs = fill.tsMs;
            m_trips.push_back(trip);
            it = m_open.insert(fill.symbol, OpenTrip{Decimal(), Decimal(), m_trips.size() - 1});
        }
        it->qty += fill.qty;
        it->cost += notional + fee;
        return;
    }
    if (it == m_open.end())
        return; // a sale without a position cannot happen on a spot venue
    it->qty -= fill.qty;
    it->cost -= notional - fee;
    if (!it->qty.isPositive()) {
        Trip &trip = m_trips[it->index];
        trip.pnl = (-it->cost).toDouble();
        trip.closed = true;
        trip.exitMs = fill.tsMs;
        m_open.erase(it);
    }
}

void AccountRecord::sample(qint64, Decimal equity, bool exposed)
{
    m_equity.push_back(equity.toDouble());
    m_exposed += exposed ? 1 : 0;
}

void AccountRecord::finish(const QHash<QString, Decimal> &marks)
{
    for (auto it = m_open.cbegin(); it != m_open.cend(); ++it) {
        const Decimal mark = marks.value(it.key());
        m_trips[it->index].pnl = (mark * it->qty - it->cost).toDouble();
    }
    m_open.clear();
}

AccountMetrics accountMetrics(const AccountRecord &record)
{
    AccountMetrics m;
    const std::vector<double> &eq = record.equity();
    const double start = record.startingCash();
    if (!eq.empty()) {
        m.pnl = eq.back() - start;
        m.returnPct = start > 0 ? 100.0 * m.pnl / start : 0;
        double peak = start, worst = 0;
        std::vector<double> r;
        double prev = start;
        for (double e : eq) {
            peak = std::max(peak, e);
            if (peak > 0)
                worst = std::max(worst, 1 - e / peak);
            if (prev > 0)
                r.push_back(e / prev - 1);
            prev = e;
        }
        m.maxDrawdownPct = 100 * worst;
        if (r.size() > 1) {
            double mean = 0;
            for (double x : r)
                mean += x;
            mean /= double(r.size());
            double var = 0;
            for (double x : r)
                var += (x - mean) * (x - mean);
            var /= double(r.size() - 1);
            m.sharpe = var > 0 ? mean / std::sqrt(var) * std::sqrt(365.0 * 1440.0) : 0;
        }
        m.exposurePct = 100.0 * record.exposedSamples() / double(eq.size());
    }
    int closed = 0, won = 0;
    for (const AccountRecord::Trip &t : record.trips()) {
        ++m.trades;
        m.entriesByRegime[t.regime] += 1;
        m.pnlByRegime[t.regime] += t.pnl;
        if (t.closed) {
            ++closed;
            won += t.pnl > 0 ? 1 : 0;
        }
    }
    m.winRatePct = closed > 0 ? 100.0 * won / closed : 0;
    return m;
}

} // namespace adapters::demo::evaluation
