#pragma once

#include "engine/backtest/backtestrun.h"

#include <QList>
#include <QWidget>

namespace ui {

//! Candlesticks of a backtest's bars with its trades marked, for any number of bars: where a pixel
//! column holds several bars it draws their range (lowest low to highest high) as one stroke, so a
//! million candles cost what the screen can show. Wheel zooms around the cursor, dragging pans, a
//! double click shows everything again; the bar under the cursor is described in the corner.
class CandleChart final : public QWidget {
    Q_OBJECT
public:
    struct Marker {
        qint64 timeMs = 0;
        double price = 0;
        bool buy = true;
    };

    explicit CandleChart(QWidget *parent = nullptr);
    //! Replaces the bars (kept, not copied: ChartBars is implicitly shared) and the markers.
    void setData(const engine::ChartBars &bars, QList<Marker> markers);
    //! The visible bars, as indexes [first, last).
    void setVisibleRange(double first, double last);
    //! What to say when there are no bars (instead of the invitation to run a backtest).
    void setPlaceholder(const QString &text);
    //! Strokes the last paint drew (one per pixel column or candle), for the tests.
    [[nodiscard]] int strokesDrawn() const { return m_strokes; }
    [[nodiscard]] QSize sizeHint() const override { return {800, 320}; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    [[nodiscard]] QRectF plotArea() const;
    [[nodiscard]] double indexAt(double x) const;
    void clampRange();

    engine::ChartBars m_bars;
    QList<Marker> m_markers;
    QString m_placeholder;
    double m_first = 0;
    double m_last = 0;
    bool m_dragging = false;
    double m_dragX = 0;
    double m_dragFirst = 0;
    int m_hover = -1;
    int m_strokes = 0;
};

} // namespace ui
