#include "ui/widgets/pricechart.h"

#include "ui/format.h"
#include "ui/labels.h"
#include "ui/theme.h"

#include <QDateTime>
#include <QtCharts/QCandlestickSeries>
#include <QtCharts/QCandlestickSet>
#include <QtCharts/QChart>
#include <QtCharts/QDateTimeAxis>
#include <QtCharts/QLegend>
#include <QtCharts/QLineSeries>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace ui {

PriceChart::PriceChart(QWidget *parent)
    : QChartView(parent)
    , m_chart(new QChart)
{
    setObjectName(QStringLiteral("signalPriceChart"));
    setRenderHint(QPainter::Antialiasing);
    Theme::styleChart(m_chart);
    m_chart->legend()->hide();

    m_candles = new QCandlestickSeries(m_chart);
    m_candles->setIncreasingColor(Theme::positive());
    m_candles->setDecreasingColor(Theme::negative());
    m_candles->setBodyOutlineVisible(false);
    m_candles->setBodyWidth(0.7);
    m_candles->setMaximumColumnWidth(14); // a lone candle (new listing) must not fill the chart
    m_candles->setPen(QPen(Theme::muted(), 1));
    m_markerLine = new QLineSeries(m_chart);
    QPen dashed(Theme::warning(), 1.2, Qt::DashLine);
    m_markerLine->setPen(dashed);
    m_markerPoint = new QScatterSeries(m_chart);
    m_markerPoint->setMarkerSize(11);
    m_markerPoint->setBorderColor(Qt::white);

    m_chart->addSeries(m_candles);
    m_chart->addSeries(m_markerLine);
    m_chart->addSeries(m_markerPoint);
    m_time = new QDateTimeAxis(m_chart);
    m_time->setFormat(QStringLiteral("HH:mm"));
    m_time->setTickCount(7);
    m_price = new QValueAxis(m_chart);
    m_price->setTickCount(5);
    for (QAbstractAxis *axis : std::initializer_list<QAbstractAxis *>{m_time, m_price}) {
        axis->setGridLineColor(Theme::grid());
        axis->setLabelsColor(Theme::muted());
        axis->setLinePenColor(Theme::grid());
    }
    m_chart->addAxis(m_time, Qt::AlignBottom);
    m_chart->addAxis(m_price, Qt::AlignRight);
    for (QAbstractSeries *series : std::initializer_list<QAbstractSeries *>{m_candles, m_markerLine, m_markerPoint}) {
        series->attachAxis(m_time);
        series->attachAxis(m_price);
    }
    setChart(m_chart);
    setMinimumHeight(200);
    updateRanges();
    updateTitle();
}

void PriceChart::setCandles(const QString &symbol, const QList<engine::Candle> &candles)
{
    m_symbol = symbol;
    m_candles->clear();
    QList<QCandlestickSet *> sets;
    sets.reserve(candles.size());
    m_low = std::numeric_limits<double>::max();
    m_high = std::numeric_limits<double>::lowest();
    for (const auto &c : candles) {
        auto *set = new QCandlestickSet(c.open.toDouble(), c.high.toDouble(), c.low.toDouble(), c.close.toDouble(),
                                        double(c.openTimeMs + c.intervalSec * 500LL));
        sets.append(set);
        m_low = std::min(m_low, c.low.toDouble());
        m_high = std::max(m_high, c.high.toDouble());
    }
    m_candles->append(sets);
    m_candleCount = int(candles.size());
    m_firstOpenMs = candles.isEmpty() ? 0 : candles.first().openTimeMs;
    m_lastOpenMs = candles.isEmpty() ? 0 : candles.last().openTimeMs + candles.last().intervalSec * 1000LL;
    if (candles.isEmpty())
        m_low = m_high = 0;
    updateRanges();
    updateTitle();
}

void PriceChart::setMarker(qint64 tsMs, const engine::Decimal &price, const QString &action)
{
    m_markerMs = tsMs;
    m_markerPrice = price.toDouble(); // charts only
    m_markerPriceExact = price;
    m_markerAction = action;
    m_markerPoint->setColor(action == QLatin1String("BUY")    ? Theme::positive()
                            : action == QLatin1String("SELL") ? Theme::negative()
                                                              : Theme::warning());
    updateRanges();
    updateTitle();
}

void PriceChart::clear()
{
    m_symbol.clear();
    m_candles->clear();
    m_candleCount = 0;
    m_firstOpenMs = m_lastOpenMs = 0;
    m_low = m_high = 0;
    m_markerMs = 0;
    updateRanges();
    updateTitle();
}

void PriceChart::retranslateUi()
{
    updateTitle();
}

void PriceChart::updateTitle()
{
    if (m_symbol.isEmpty()) {
        m_chart->setTitle(tr("Select a signal to see its token's price"));
    } else if (m_candleCount == 0) {
        m_chart->setTitle(tr("%1 — no candles yet").arg(m_symbol));
    } else if (m_markerMs > 0) {
        m_chart->setTitle(tr("%1 — 1-minute candles, %2 signal at %3 (price %4)")
                              .arg(m_symbol, Labels::signalAction(m_markerAction), format::timeOfDay(m_markerMs),
                                   format::price(m_markerPriceExact)));
    } else {
        m_chart->setTitle(tr("%1 — 1-minute candles").arg(m_symbol));
    }
}

void PriceChart::updateRanges()
{
    qint64 from = m_firstOpenMs;
    qint64 to = m_lastOpenMs;
    double lo = m_low;
    double hi = m_high;
    if (m_markerMs > 0) {
        if (m_candleCount == 0) {
            from = m_markerMs - 30 * 60 * 1000;
            to = m_markerMs + 5 * 60 * 1000;
            lo = hi = m_markerPrice;
        } else {
            from = std::min(from, m_markerMs - 60 * 1000);
            to = std::max(to, m_markerMs + 60 * 1000);
        }
        lo = std::min(lo, m_markerPrice);
        hi = std::max(hi, m_markerPrice);
    }
    if (from == 0 && to == 0) {
        to = QDateTime::currentMSecsSinceEpoch();
        from = to - 3600 * 1000;
        lo = 0;
        hi = 1;
    }
    if (hi <= lo) {
        const double pad = lo == 0 ? 1 : std::abs(lo) * 0.05;
        lo -= pad;
        hi += pad;
    } else {
        const double pad = (hi - lo) * 0.08;
        lo -= pad;
        hi += pad;
    }
    m_time->setRange(QDateTime::fromMSecsSinceEpoch(from), QDateTime::fromMSecsSinceEpoch(to));
    m_time->setFormat(to - from > 36LL * 3600 * 1000 ? QStringLiteral("MM-dd HH:mm") : QStringLiteral("HH:mm"));
    // Meme prices need many decimals; pick enough for the span to stay readable.
    const double span = hi - lo;
    const int decimals = span > 0 ? std::clamp(int(std::ceil(-std::log10(span))) + 2, 2, 12) : 2;
    m_price->setLabelFormat(QStringLiteral("%.%1f").arg(decimals));
    m_price->setRange(lo, hi);

    m_markerLine->clear();
    m_markerPoint->clear();
    if (m_markerMs > 0) {
        m_markerLine->append(double(m_markerMs), lo);
        m_markerLine->append(double(m_markerMs), hi);
        m_markerPoint->append(double(m_markerMs), m_markerPrice);
    }
}

} // namespace ui
