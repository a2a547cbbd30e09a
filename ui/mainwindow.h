#pragma once

#include "engine/api/botapi.h"

#include <QMainWindow>
#include <QTimer>

#include <memory>

class QAction;
class QListWidget;
class QMenu;
class QStackedWidget;
class QTabWidget;

namespace ui {

class BacktestView;
class EvaluationView;
class BotModel;
class DashboardView;
class EngineStatusBar;
class HistoryView;
class LogPanel;
class SignalMonitorView;
class TradeView;
class TradingConfigView;

//! The desktop window: a sidebar over five views, a dockable log and the status bar.
//! Talks to the engine only through BotApi and never waits on it.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    enum class View { Dashboard, TradingConfig, SignalMonitor, History, Trade };

    explicit MainWindow(engine::BotApi &api, QWidget *parent = nullptr);
    ~MainWindow() override;

    void showView(View view);
    [[nodiscard]] View currentView() const;
    [[nodiscard]] QWidget *viewWidget(View view) const;
    //! The History view's Backtest tab, brought to the front.
    BacktestView *showBacktest();
    //! Opens History > Evaluation and returns it.
    EvaluationView *showEvaluation();
    //! Help → About (modal).
    void showAbout();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void retranslateUi();
    void refresh();
    void showStatus(const engine::BotStatus &status);
    void showDenial(const engine::RiskDenial &denial);
    void restoreLayout();

    engine::BotApi &m_api;
    QListWidget *m_nav;
    QStackedWidget *m_stack;
    DashboardView *m_dashboard;
    TradingConfigView *m_config;
    SignalMonitorView *m_signals;
    HistoryView *m_history;
    BacktestView *m_backtest;
    EvaluationView *m_evaluation;
    QTabWidget *m_historyTabs; // the journal's history, and backtests
    TradeView *m_trade;
    LogPanel *m_log;
    EngineStatusBar *m_statusBar;
    QMenu *m_viewMenu;
    QMenu *m_helpMenu;
    QAction *m_about;
    QAction *m_welcomeAgain;
    QList<QAction *> m_viewActions;
    QAction *m_quit;
    BotModel *m_model;
};

} // namespace ui
