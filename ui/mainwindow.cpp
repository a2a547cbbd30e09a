#include "ui/mainwindow.h"

#include "ui/widgets/aboutdialog.h"
#include "ui/widgets/welcomepanel.h"

#include "ui/botmodel.h"
#include "ui/labels.h"

#include "ui/theme.h"
#include "ui/views/backtestview.h"
#include "ui/views/evaluationview.h"
#include "ui/views/dashboardview.h"
#include "ui/views/historyview.h"
#include "ui/views/signalmonitorview.h"
#include "ui/views/tradeview.h"
#include "ui/views/tradingconfigview.h"
#include "ui/widgets/enginestatusbar.h"
#include "ui/widgets/logpanel.h"

#include <QAction>
#include <QCloseEvent>
#include <QEvent>
#include <QHBoxLayout>
#include <QListWidget>
#include <QMenuBar>
#include <QSettings>
#include <QStackedWidget>
#include <QTabWidget>

namespace ui {

namespace {
constexpr int kDenialMessageMs = 15000;
constexpr int kViewCount = 5;
} // namespace

MainWindow::MainWindow(engine::BotApi &api, QWidget *parent)
    : QMainWindow(parent)
    , m_api(api)
{
    Theme::apply();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Memedesk — %1").arg(Labels::tradingMode(api.status().mode)));

    m_nav = new QListWidget(this);
    m_nav->setObjectName(QStringLiteral("navList"));
    m_nav->setFixedWidth(170);
    m_nav->setFrameShape(QFrame::NoFrame);
    for (int i = 0; i < kViewCount; ++i)
        m_nav->addItem(QString());

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("viewStack"));
    m_model = new BotModel(api, this);
    m_dashboard = new DashboardView(*m_model, m_stack);
    m_config = new TradingConfigView(*m_model, m_stack);
    m_signals = new SignalMonitorView(*m_model, m_stack);
    m_historyTabs = new QTabWidget(m_stack);
    m_historyTabs->setObjectName(QStringLiteral("historyTabs"));
    m_history = new HistoryView(*m_model, m_historyTabs);
    m_backtest = new BacktestView(*m_model, m_historyTabs);
    m_historyTabs->addTab(m_history, QString());
    m_historyTabs->addTab(m_backtest, QString());
    m_evaluation = new EvaluationView(*m_model, m_historyTabs);
    m_historyTabs->addTab(m_evaluation, QString());
    m_trade = new TradeView(*m_model, m_stack);
    for (QWidget *view : std::initializer_list<QWidget *>{m_dashboard, m_config, m_signals, m_historyTabs, m_trade})
        m_stack->addWidget(view);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_nav);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    m_log = new LogPanel(*m_model, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_log);
    m_statusBar = new EngineStatusBar(this);
    setStatusBar(m_statusBar);

    m_viewMenu = menuBar()->addMenu(QString());
    for (int i = 0; i < kViewCount; ++i) {
        QAction *action = m_viewMenu->addAction(QString());
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(action, &QAction::triggered, this, [this, i] { showView(View(i)); });
        m_viewActions.append(action);
    }
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_log->toggleViewAction());
    m_viewMenu->addSeparator();
    m_quit = m_viewMenu->addAction(QString());
    m_quit->setShortcut(QKeySequence::Quit);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);
    m_helpMenu = menuBar()->addMenu(QString());
    m_welcomeAgain = m_helpMenu->addAction(QString());
    connect(m_welcomeAgain, &QAction::triggered, this, [this] {
        showView(View::Dashboard);
        m_dashboard->welcome()->reopen();
    });
    m_about = m_helpMenu->addAction(QString());
    m_about->setMenuRole(QAction::AboutRole);
    connect(m_about, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_dashboard->welcome(), &WelcomePanel::openTradingConfig, this, [this] { showView(View::TradingConfig); });

    connect(m_nav, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row >= kViewCount)
            return;
        m_stack->setCurrentIndex(row);
        refresh();
    });

    connect(m_model, &BotModel::statusChanged, this, &MainWindow::showStatus);
    connect(m_model, &BotModel::riskDenied, this, &MainWindow::showDenial);
    connect(m_model, &BotModel::tick, this, &MainWindow::refresh);

    resize(1440, 900);
    setMinimumSize(1024, 640);
    resizeDocks({m_log}, {170}, Qt::Vertical);
    restoreLayout();
    retranslateUi();
    m_nav->setCurrentRow(0);
}

MainWindow::~MainWindow() = default;

void MainWindow::showView(View view)
{
    m_nav->setCurrentRow(int(view));
}

MainWindow::View MainWindow::currentView() const
{
    return View(m_stack->currentIndex());
}

QWidget *MainWindow::viewWidget(View view) const
{
    return m_stack->widget(int(view));
}

BacktestView *MainWindow::showBacktest()
{
    showView(View::History);
    m_historyTabs->setCurrentWidget(m_backtest);
    return m_backtest;
}

EvaluationView *MainWindow::showEvaluation()
{
    showBacktest();
    m_historyTabs->setCurrentWidget(m_evaluation);
    return m_evaluation;
}

void MainWindow::showStatus(const engine::BotStatus &status)
{
    m_statusBar->setStatus(status);
    // The mode is in the title so paper and real money can never be mistaken for each other.
    const QString title = tr("Memedesk — %1").arg(Labels::tradingMode(status.mode));
    if (windowTitle() != title)
        setWindowTitle(title);
}

void MainWindow::refresh()
{
    // Only the visible view polls; the others still get live events.
    switch (currentView()) {
    case View::Dashboard: m_dashboard->refresh(); break;
    case View::TradingConfig: m_config->refresh(); break;
    case View::SignalMonitor: m_signals->refresh(); break;
    case View::History: m_history->refresh(); break;
    case View::Trade: m_trade->refresh(); break;
    }
}

void MainWindow::showDenial(const engine::RiskDenial &denial)
{
    // Where the trader looks anyway, for long enough to read it; the log panel keeps it.
    m_statusBar->showMessage(tr("Order denied: %1 %2 — %3")
                                 .arg(Labels::side(denial.request.side), denial.request.symbol, Labels::denial(denial.denial)),
                             kDenialMessageMs);
}

void MainWindow::restoreLayout()
{
    const QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("ui/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("ui/windowState")).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("ui/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("ui/windowState"), saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::showAbout()
{
    AboutDialog dialog(m_api, this);
    dialog.exec();
}

void MainWindow::retranslateUi()
{
    const QString names[kViewCount] = {tr("Dashboard"), tr("Trading config"), tr("Signal monitor"), tr("History"),
                                       tr("Manual trading")};
    for (int i = 0; i < kViewCount; ++i) {
        m_nav->item(i)->setText(names[i]);
        m_viewActions.at(i)->setText(names[i]);
    }
    m_viewMenu->setTitle(tr("&View"));
    m_helpMenu->setTitle(tr("&Help"));
    m_welcomeAgain->setText(tr("Show &welcome"));
    m_about->setText(tr("&About Memedesk"));
    m_quit->setText(tr("&Quit"));
    m_log->toggleViewAction()->setText(tr("Log panel"));
    m_historyTabs->setTabText(0, tr("Journal"));
    m_historyTabs->setTabText(1, tr("Backtest"));
    m_historyTabs->setTabText(2, tr("Evaluation"));
}

} // namespace ui
