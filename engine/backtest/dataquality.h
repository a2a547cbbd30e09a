#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace engine {

//! What a run's data looked like: said, never hidden. A gap is a jump between two consecutive bars
//! of a symbol by more than one interval (it is not filled: "the next bar" is the next row); a
//! zero-volume bar is kept as it is.
struct DataQuality {
    struct Gap {
        QString symbol;
        qint64 afterMs = 0;  // open time of the bar before the gap
        qint64 nextMs = 0;   // open time of the bar after it
        qint64 missingBars = 0;
    };
    qint64 bars = 0;
    qint64 intervalMs = 0; // the bar interval (the smallest step between two bars of a symbol)
    qint64 firstMs = 0;    // open time of the first and the last bar
    qint64 lastMs = 0;
    QList<Gap> gaps;
    qint64 zeroVolumeBars = 0;
    QList<qint64> zeroVolumeTimes; // the first few, for the report
};

//! Watches bars go by and fills a DataQuality. Gap candidates are kept while the interval is still
//! being learnt (a series may start right after a gap), and judged against the final interval.
class DataQualityTracker {
public:
    void add(const QString &symbol, qint64 openMs, bool zeroVolume);
    [[nodiscard]] DataQuality result() const;

private:
    static constexpr int kZeroVolumeKept = 20;
    DataQuality m_q;
    qint64 m_minStepMs = 0;
    QHash<QString, qint64> m_lastMs;   // each symbol's previous bar
    QHash<QString, qint64> m_barsSeen; // each symbol's bars so far
    QList<DataQuality::Gap> m_candidates; // steps larger than the smallest seen so far
};

} // namespace engine
