#pragma once

#include <QList>
#include <QtGlobal>

namespace engine {

//! One chart point of a run's equity: a bucket of bars with its lowest, highest and last equity
//! and the deepest drawdown in it, so a chart of a million bars still shows every dip.
struct EquitySample {
    qint64 timeMs = 0; // the bucket's first bar
    double low = 0;
    double high = 0;
    double last = 0;
    double drawdown = 0; // deepest, as a fraction below the peak so far
};

//! Keeps at most about `points` samples of a stream of unknown length: when full, neighbours are
//! merged (min of the lows, max of the highs) and the bucket doubles.
class EquitySampler {
public:
    explicit EquitySampler(int points);
    void add(qint64 timeMs, double equity);
    [[nodiscard]] QList<EquitySample> samples() const;

private:
    void halve();
    int m_points;
    qint64 m_bucket = 1;     // bars per sample
    qint64 m_inBucket = 0;
    double m_peak = 0;
    QList<EquitySample> m_samples;
};

} // namespace engine
