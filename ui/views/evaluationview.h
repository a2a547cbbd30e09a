#pragma once

#include "engine/api/botapi.h"

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace ui {

class BotModel;
class DistributionChart;

//! "Does the strategy beat chance?": runs the engine's strategy, with the Trading Config's
//! settings, on the simulated market over a range of seeds, next to random entries and
//! buy-and-hold on the same seeds and exits; shows the means with 95 % confidence intervals, how
//! the per-seed returns are spread, and where the strategy's entries landed by the market's hidden
//! regime.
class EvaluationView final : public QWidget {
    Q_OBJECT
public:
    explicit EvaluationView(BotModel &model, QWidget *parent = nullptr);

    //! Starts an evaluation with what the form says.
    void run();
    void setSeeds(int first, int last);
    void setHours(int hours);
    void setDraws(int draws);
    //! Shows a report (the JSON of `memedesk evaluate`).
    void showReport(const QJsonObject &report);
    [[nodiscard]] const QJsonObject &report() const { return m_report; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void finished(const engine::Result<QJsonObject> &result);

    engine::BotApi &m_api;
    QJsonObject m_report;
    QLabel *m_seedsLabel;
    QSpinBox *m_firstSeed;
    QSpinBox *m_lastSeed;
    QLabel *m_hoursLabel;
    QSpinBox *m_hours;
    QLabel *m_drawsLabel;
    QSpinBox *m_draws;
    QLabel *m_latencyLabel;
    QSpinBox *m_latency;
    QLabel *m_note;
    QPushButton *m_run;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_status;
    QTableWidget *m_summary;
    DistributionChart *m_distribution;
    QTableWidget *m_regimes;
};

} // namespace ui
