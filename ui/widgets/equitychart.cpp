#include "ui/widgets/equitychart.h"

#include "ui/theme.h"

#include <QDateTime>
#include <QVBoxLayout>
#include <QtCharts/QAreaSeries>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QDateTimeAxis>
#include <QtCharts/QLegend>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>

#include <algorithm>
#include <cmath>

namespace ui {

namespace {

QDateTimeAxis *makeTimeAxis(QChart *chart)
{
    auto *axis = new QDateTimeAxis(chart);
    axis->setFormat(QStringLiteral("HH:mm"));
    axis->setTickCount(7);
    axis->setGridLineColor(Theme::grid());
    axis->setLabelsColor(Theme::muted());
    axis->setLinePenColor(Theme::grid());
    chart->addAxis(axis, Qt::AlignBottom);
    return axis;
}

QValueAxis *makeValueAxis(QChart *chart, const QString &format)
{
    auto *axis = new QValueAxis(chart);
    axis->setLabelFormat(format);
    axis->setTickCount(5);
    axis->setGridLineColor(Theme::grid());
    axis->setLabelsColor(Theme::muted());
    axis->setLinePenColor(Theme::grid());
    chart->addAxis(axis, Qt::AlignLeft);
    return axis;
}

// Time label format that fits the visible span.
QString timeFormat(qint64 spanMs)
{
    if (spanMs <= 2LL * 3600 * 1000)
        return QStringLiteral("HH:mm:ss");
    if (spanMs <= 36LL * 3600 * 1000)
        return QStringLiteral("HH:mm");
    return QStringLiteral("MM-dd HH:mm");
}

} // namespace

EquityChart::EquityChart(QWidget *parent, const QString &name)
    : QWidget(parent)
    , m_equityChart(new QChart)
    , m_drawdownChart(new QChart)
{
    Theme::styleChart(m_equityChart);
    Theme::styleChart(m_drawdownChart);
    m_equityChart->legend()->hide();
    m_drawdownChart->legend()->hide();

    m_equitySeries = new QLineSeries(m_equityChart);
    QPen pen(Theme::accent());
    pen.setWidthF(1.8);
    m_equitySeries->setPen(pen);
    m_equityChart->addSeries(m_equitySeries);
    m_equityTime = makeTimeAxis(m_equityChart);
    m_equityValue = makeValueAxis(m_equityChart, QStringLiteral("%.2f"));
    m_equitySeries->attachAxis(m_equityTime);
    m_equitySeries->attachAxis(m_equityValue);

    m_drawdownUpper = new QLineSeries(m_drawdownChart);
    m_drawdownLower = new QLineSeries(m_drawdownChart);
    m_drawdownArea = new QAreaSeries(m_drawdownUpper, m_drawdownLower);
    QColor fill = Theme::negative();
    fill.setAlpha(90);
    m_drawdownArea->setBrush(fill);
    m_drawdownArea->setPen(QPen(Theme::negative(), 1.2));
    m_drawdownChart->addSeries(m_drawdownArea);
    m_drawdownTime = makeTimeAxis(m_drawdownChart);
    m_drawdownValue = makeValueAxis(m_drawdownChart, QStringLiteral("%.1f%%"));
    m_drawdownValue->setTickCount(3);
    m_drawdownArea->attachAxis(m_drawdownTime);
    m_drawdownArea->attachAxis(m_drawdownValue);

    m_equityView = new QChartView(m_equityChart, this);
    m_equityView->setObjectName(name + QStringLiteral("Chart"));
    m_equityView->setRenderHint(QPainter::Antialiasing);
    m_equityView->setMinimumHeight(180);
    m_drawdownView = new QChartView(m_drawdownChart, this);
    m_drawdownView->setObjectName(name == QLatin1String("equity") ? QStringLiteral("drawdownChart") : name + QStringLiteral("DrawdownChart"));
    m_drawdownView->setRenderHint(QPainter::Antialiasing);
    m_drawdownView->setMinimumHeight(130);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_equityView, 2);
    layout->addWidget(m_drawdownView, 1);

    m_redrawTimer.setInterval(300);
    connect(&m_redrawTimer, &QTimer::timeout, this, [this] {
        if (m_dirty && isVisible())
            redraw();
    });
    m_redrawTimer.start();
    retranslateUi();
    redraw();
}

void EquityChart::retranslateUi()
{
    m_equityChart->setTitle(tr("Equity"));
    m_drawdownChart->setTitle(tr("Drawdown from peak"));
}

void EquityChart::setHistory(const QList<engine::EquityPoint> &points)
{
    m_equity.clear();
    m_drawdown.clear();
    m_peak = 0;
    m_maxDrawdown = 0;
    for (const auto &p : points)
        append(p);
    m_dirty = true;
    if (isVisible())
        redraw();
}

void EquityChart::addPoint(const engine::EquityPoint &point)
{
    append(point);
    m_dirty = true;
}

void EquityChart::append(const engine::EquityPoint &point)
{
    const double equity = point.equity.toDouble(); // charts only
    if (!std::isfinite(equity))
        return;
    if (!m_equity.isEmpty() && point.tsMs < qint64(m_equity.last().x()))
        return; // out of order (a replayed event)
    m_peak = std::max(m_peak, equity);
    const double dd = m_peak > 0 ? (equity - m_peak) / m_peak * 100.0 : 0.0;
    m_maxDrawdown = std::min(m_maxDrawdown, dd);
    m_equity.append(QPointF(double(point.tsMs), equity));
    m_drawdown.append(QPointF(double(point.tsMs), dd));
    if (m_equity.size() > kMaxPoints) {
        const int drop = kMaxPoints / 10;
        m_equity.remove(0, drop);
        m_drawdown.remove(0, drop);
    }
}

void EquityChart::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        redraw();
}

void EquityChart::redraw()
{
    m_dirty = false;
    m_equitySeries->replace(m_equity);
    m_drawdownUpper->replace(m_drawdown);
    QList<QPointF> zero;
    if (!m_drawdown.isEmpty())
        zero = {QPointF(m_drawdown.first().x(), 0.0), QPointF(m_drawdown.last().x(), 0.0)};
    m_drawdownLower->replace(zero);

    qint64 from = QDateTime::currentMSecsSinceEpoch() - 3600 * 1000;
    qint64 to = from + 3600 * 1000;
    double lo = 0, hi = 1;
    if (!m_equity.isEmpty()) {
        from = qint64(m_equity.first().x());
        to = qint64(m_equity.last().x());
        if (to - from < 60 * 1000)
            to = from + 60 * 1000;
        const auto [minIt, maxIt] = std::minmax_element(m_equity.cbegin(), m_equity.cend(),
                                                        [](const QPointF &a, const QPointF &b) { return a.y() < b.y(); });
        lo = minIt->y();
        hi = maxIt->y();
        const double pad = std::max((hi - lo) * 0.08, std::max(std::abs(hi) * 0.001, 0.01));
        lo -= pad;
        hi += pad;
    }
    const QString format = timeFormat(to - from);
    for (QDateTimeAxis *axis : {m_equityTime, m_drawdownTime}) {
        axis->setFormat(format);
        axis->setRange(QDateTime::fromMSecsSinceEpoch(from), QDateTime::fromMSecsSinceEpoch(to));
    }
    m_equityValue->setLabelFormat(hi - lo >= 50 ? QStringLiteral("%.0f") : QStringLiteral("%.2f"));
    m_equityValue->setRange(lo, hi);
    m_drawdownValue->setRange(std::min(m_maxDrawdown * 1.15, -1.0), 0.0);
}

} // namespace ui
