#pragma once

#include "engine/core/position.h"

#include <QList>
#include <QPointF>
#include <QTimer>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QAreaSeries;
class QChart;
class QChartView;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace ui {

//! Equity curve over time with the drawdown from the running peak below it.
//! Points are collected as they come and drawn at most a few times a second.
class EquityChart final : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMaxPoints = 20000;

    //! `name` prefixes the charts' object names ("<name>Chart", drawdown "<name>DrawdownChart");
    //! the Dashboard's is "equity".
    explicit EquityChart(QWidget *parent = nullptr, const QString &name = QStringLiteral("equity"));

    //! Replaces the curve (oldest first).
    void setHistory(const QList<engine::EquityPoint> &points);
    void addPoint(const engine::EquityPoint &point);
    [[nodiscard]] int pointCount() const { return int(m_equity.size()); }
    //! Deepest drawdown seen, in percent (<= 0).
    [[nodiscard]] double maxDrawdownPct() const { return m_maxDrawdown; }
    void retranslateUi();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void append(const engine::EquityPoint &point);
    void redraw();

    QChartView *m_equityView;
    QChartView *m_drawdownView;
    QChart *m_equityChart;
    QChart *m_drawdownChart;
    QLineSeries *m_equitySeries;
    QLineSeries *m_drawdownUpper;
    QLineSeries *m_drawdownLower;
    QAreaSeries *m_drawdownArea;
    QDateTimeAxis *m_equityTime;
    QValueAxis *m_equityValue;
    QDateTimeAxis *m_drawdownTime;
    QValueAxis *m_drawdownValue;
    QList<QPointF> m_equity;
    QList<QPointF> m_drawdown;
    double m_peak = 0;
    double m_maxDrawdown = 0;
    bool m_dirty = false;
    QTimer m_redrawTimer;
};

} // namespace ui
