#include "ui/widgets/distributionchart.h"

#include "ui/theme.h"

#include <QVBoxLayout>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLegend>
#include <QtCharts/QValueAxis>

#include <algorithm>
#include <cmath>

namespace ui {

DistributionChart::DistributionChart(QWidget *parent)
    : QWidget(parent)
    , m_chart(new QChart)
{
    Theme::styleChart(m_chart);
    m_chart->legend()->setVisible(true);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->legend()->setLabelColor(Theme::text());
    m_view = new QChartView(m_chart, this);
    m_view->setObjectName(QStringLiteral("distributionChart"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(220);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
}

void DistributionChart::setSamples(const QList<Sample> &samples, const QString &unit, int bins)
{
    m_chart->removeAllSeries();
    for (QAbstractAxis *axis : m_chart->axes())
        m_chart->removeAxis(axis);
    m_counts.clear();
    double lo = 0, hi = 0;
    bool any = false;
    for (const Sample &s : samples) {
        for (double v : s.values) {
            if (!std::isfinite(v))
                continue;
            lo = any ? std::min(lo, v) : v;
            hi = any ? std::max(hi, v) : v;
            any = true;
        }
    }
    if (!any)
        return;
    bins = std::max(1, bins);
    if (hi - lo < 1e-9) {
        lo -= 0.5;
        hi += 0.5;
    }
    const double width = (hi - lo) / bins;
    m_series = new QBarSeries(m_chart);
    const QList<QColor> colours{Theme::accent(), Theme::muted(), Theme::warning()};
    int most = 0;
    for (qsizetype k = 0; k < samples.size(); ++k) {
        QList<int> count(bins, 0);
        for (double v : samples[k].values) {
            if (std::isfinite(v))
                ++count[std::clamp(int((v - lo) / width), 0, bins - 1)];
        }
        auto *set = new QBarSet(samples[k].name);
        set->setColor(colours.value(k % colours.size()));
        set->setBorderColor(colours.value(k % colours.size()));
        for (int c : count) {
            set->append(c);
            most = std::max(most, c);
        }
        m_series->append(set);
        m_counts.append(count);
    }
    m_chart->addSeries(m_series);
    QStringList labels;
    for (int b = 0; b < bins; ++b) {
        const double centre = lo + (b + 0.5) * width;
        labels << QStringLiteral("%1%2").arg(std::abs(centre) < 0.05 ? 0.0 : centre, 0, 'f', 1).arg(unit); // no "-0.0"
    }
    m_bins = new QBarCategoryAxis(m_chart);
    m_bins->append(labels);
    m_bins->setLabelsColor(Theme::muted());
    m_bins->setGridLineVisible(false);
    m_countAxis = new QValueAxis(m_chart);
    m_countAxis->setRange(0, most);
    m_countAxis->setLabelFormat(QStringLiteral("%d"));
    m_countAxis->setTickCount(std::min(most, 5) + 1);
    m_countAxis->setLabelsColor(Theme::muted());
    m_countAxis->setGridLineColor(Theme::grid());
    m_chart->addAxis(m_bins, Qt::AlignBottom);
    m_chart->addAxis(m_countAxis, Qt::AlignLeft);
    m_series->attachAxis(m_bins);
    m_series->attachAxis(m_countAxis);
}

} // namespace ui
