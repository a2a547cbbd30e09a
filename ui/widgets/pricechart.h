#pragma once

#include "engine/core/marketdata.h"

#include <QtCharts/QChartView>

QT_BEGIN_NAMESPACE
class QCandlestickSeries;
class QDateTimeAxis;
class QLineSeries;
class QScatterSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace ui {

//! One token's 1-minute candles with a marker at the time of a selected signal.
class PriceChart final : public QChartView {
    Q_OBJECT
public:
    explicit PriceChart(QWidget *parent = nullptr);

    //! Replaces the candles (oldest first) and remembers which symbol they belong to.
    void setCandles(const QString &symbol, const QList<engine::Candle> &candles);
    //! Marks a signal: vertical line at its time and a point at its price.
    void setMarker(qint64 tsMs, const engine::Decimal &price, const QString &action);
    void clear();
    [[nodiscard]] QString symbol() const { return m_symbol; }
    [[nodiscard]] int candleCount() const { return m_candleCount; }
    [[nodiscard]] qint64 lastCandleOpenMs() const { return m_lastOpenMs; }
    void retranslateUi();

private:
    void updateRanges();
    void updateTitle();

    QChart *m_chart;
    QCandlestickSeries *m_candles;
    QScatterSeries *m_markerPoint;
    QLineSeries *m_markerLine;
    QDateTimeAxis *m_time;
    QValueAxis *m_price;
    QString m_symbol;
    int m_candleCount = 0;
    qint64 m_firstOpenMs = 0;
    qint64 m_lastOpenMs = 0;
    double m_low = 0;
    double m_high = 0;
    qint64 m_markerMs = 0;
    double m_markerPrice = 0;
    engine::Decimal m_markerPriceExact;
    QString m_markerAction;
};

} // namespace ui
