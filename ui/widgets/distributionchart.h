#pragma once

#include <QList>
#include <QString>
#include <QWidget>

#include <vector>

class QBarCategoryAxis;
class QBarSeries;
class QChart;
class QChartView;
class QValueAxis;

namespace ui {

//! Histograms of several samples on common bins, side by side (one bar set per sample): how the
//! per-seed returns of a strategy and its baselines are spread, not only their means.
class DistributionChart final : public QWidget {
    Q_OBJECT
public:
    explicit DistributionChart(QWidget *parent = nullptr);

    struct Sample {
        QString name;
        std::vector<double> values;
    };
    //! Replaces the samples; `unit` follows each bin's label ("%").
    void setSamples(const QList<Sample> &samples, const QString &unit, int bins = 10);
    //! Counts per bin of the last setSamples(), one list per sample (tests).
    [[nodiscard]] QList<QList<int>> counts() const { return m_counts; }

private:
    QChart *m_chart;
    QChartView *m_view;
    QBarSeries *m_series = nullptr;
    QBarCategoryAxis *m_bins = nullptr;
    QValueAxis *m_countAxis = nullptr;
    QList<QList<int>> m_counts;
};

} // namespace ui
