#pragma once

#include "engine/api/botapi.h"

#include <QMap>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace ui {

class BotModel;
class CandleChart;
class DecimalField;
class EquityChart;

//! "Would this have worked?": pick a CSV of bars, a strategy and its parameters, run it with a
//! progress bar (on the backtest's own thread), then see the candles with the trades marked, the
//! equity and drawdown, the metrics and every trade. The session's runs stay listed; picking two
//! compares their metrics side by side.
class BacktestView final : public QWidget {
    Q_OBJECT
public:
    explicit BacktestView(BotModel &model, QWidget *parent = nullptr);

    //! Starts a run with what the form says; false (and the reason shown) when it cannot.
    bool run();
    void setDataPath(const QString &path);
    void setSymbols(const QString &symbols);
    //! Limits the run to bars from / until these times (UTC ms); 0 = no limit.
    void setRange(qint64 fromMs, qint64 toMs);
    //! Shows one of the session's runs (by its id).
    void showRun(int id);
    [[nodiscard]] CandleChart *candleChart() const { return m_candles; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void rebuildParams();
    void browse();
    void finished(const engine::Result<engine::BacktestRunPtr> &result);
    void refreshRuns();
    void selectionChanged();
    void showMetrics(const QList<engine::BacktestRunPtr> &runs);
    void showTrades(const engine::BacktestRun &run);
    [[nodiscard]] engine::BacktestRunPtr runById(int id) const;

    engine::BotApi &m_api;
    QMap<QString, QMap<QString, double>> m_strategies;
    QLabel *m_dataLabel;
    QLineEdit *m_data;
    QPushButton *m_browse;
    QLabel *m_symbolsLabel;
    QLineEdit *m_symbols;
    QLabel *m_strategyLabel;
    QComboBox *m_strategy;
    QFormLayout *m_paramsForm;
    QMap<QString, QDoubleSpinBox *> m_params;
    QLabel *m_feeLabel;
    DecimalField *m_fee;
    QLabel *m_slippageLabel;
    DecimalField *m_slippage;
    QLabel *m_capitalLabel;
    DecimalField *m_capital;
    QLabel *m_fillModelLabel;
    QComboBox *m_fillModel;
    QCheckBox *m_fromEnabled;
    QDateTimeEdit *m_from;
    QCheckBox *m_toEnabled;
    QDateTimeEdit *m_to;
    QPushButton *m_run;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_status;
    QLabel *m_runsLabel;
    QListWidget *m_runs;
    CandleChart *m_candles;
    EquityChart *m_equity;
    QTabWidget *m_tabs;
    QTableWidget *m_metrics;
    QTableWidget *m_trades;
};

} // namespace ui
