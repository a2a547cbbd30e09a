#include "ui/views/backtestview.h"

#include "ui/botmodel.h"
#include "ui/format.h"
#include "ui/models/backtestrows.h"
#include "ui/theme.h"
#include "ui/widgets/candlechart.h"
#include "ui/widgets/decimalfield.h"
#include "ui/widgets/equitychart.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace ui {

namespace {

QTableWidgetItem *cell(const QString &text, Qt::Alignment align = Qt::AlignRight | Qt::AlignVCenter)
{
    auto *item = new QTableWidgetItem(text);
    item->setTextAlignment(align);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return item;
}

} // namespace

BacktestView::BacktestView(BotModel &model, QWidget *parent)
    : QWidget(parent)
    , m_api(model.api())
    , m_strategies(engine::backtestStrategies())
    , m_dataLabel(new QLabel(this))
    , m_data(new QLineEdit(this))
    , m_browse(new QPushButton(this))
    , m_symbolsLabel(new QLabel(this))
    , m_symbols(new QLineEdit(QStringLiteral("PEPEUSDT"), this))
    , m_strategyLabel(new QLabel(this))
    , m_strategy(new QComboBox(this))
    , m_paramsForm(new QFormLayout)
    , m_feeLabel(new QLabel(this))
    , m_fee(new DecimalField(QStringLiteral("backtestFee"), this))
    , m_slippageLabel(new QLabel(this))
    , m_slippage(new DecimalField(QStringLiteral("backtestSlippage"), this))
    , m_capitalLabel(new QLabel(this))
    , m_capital(new DecimalField(QStringLiteral("backtestCapital"), this))
    , m_fillModelLabel(new QLabel(this))
    , m_fillModel(new QComboBox(this))
    , m_fromEnabled(new QCheckBox(this))
    , m_from(new QDateTimeEdit(this))
    , m_toEnabled(new QCheckBox(this))
    , m_to(new QDateTimeEdit(this))
    , m_run(new QPushButton(this))
    , m_cancel(new QPushButton(this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_runsLabel(new QLabel(this))
    , m_runs(new QListWidget(this))
    , m_candles(new CandleChart(this))
    , m_equity(new EquityChart(this, QStringLiteral("backtestEquity")))
    , m_tabs(new QTabWidget(this))
    , m_metrics(new QTableWidget(this))
    , m_trades(new QTableWidget(this))
{
    setObjectName(QStringLiteral("backtestView"));
    m_data->setObjectName(QStringLiteral("backtestData"));
    m_symbols->setObjectName(QStringLiteral("backtestSymbols"));
    m_strategy->setObjectName(QStringLiteral("backtestStrategy"));
    m_fillModel->setObjectName(QStringLiteral("backtestFillModel"));
    m_fromEnabled->setObjectName(QStringLiteral("backtestFromEnabled"));
    m_toEnabled->setObjectName(QStringLiteral("backtestToEnabled"));
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setTimeSpec(Qt::UTC); // bar times are UTC
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        edit->setCalendarPopup(true);
        edit->setEnabled(false);
    }
    m_from->setDateTime(QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC));
    m_to->setDateTime(QDateTime(QDate(2024, 12, 31), QTime(23, 0), Qt::UTC));
    connect(m_fromEnabled, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_toEnabled, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    m_fillModel->addItem(QString(), int(engine::BacktestConfig::FillModel::Reference));
    m_fillModel->addItem(QString(), int(engine::BacktestConfig::FillModel::OrderBook));
    m_run->setObjectName(QStringLiteral("backtestRun"));
    m_cancel->setObjectName(QStringLiteral("backtestCancel"));
    m_progress->setObjectName(QStringLiteral("backtestProgress"));
    m_status->setObjectName(QStringLiteral("backtestStatus"));
    m_runs->setObjectName(QStringLiteral("backtestRuns"));
    m_metrics->setObjectName(QStringLiteral("backtestMetrics"));
    m_trades->setObjectName(QStringLiteral("backtestTrades"));
    m_candles->setObjectName(QStringLiteral("backtestCandles"));

    for (auto it = m_strategies.cbegin(); it != m_strategies.cend(); ++it)
        m_strategy->addItem(it.key(), it.key());
    m_fee->setValue(engine::Decimal::fromString("0.001"));
    m_slippage->setValue(engine::Decimal::fromString("0.0005"));
    m_capital->setValue(engine::Decimal::fromInt(10000));
    for (DecimalField *f : {m_fee, m_slippage})
        f->setMinimum(engine::Decimal());
    m_capital->setMinimum(engine::Decimal(), true);
    for (DecimalField *f : {m_fee, m_slippage, m_capital})
        f->setEditWidth(110);
    m_cancel->setEnabled(false);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_status->setWordWrap(true);
    m_runs->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_metrics->setColumnCount(1);
    m_metrics->verticalHeader()->setVisible(true);
    m_metrics->horizontalHeader()->setStretchLastSection(true);
    m_trades->setColumnCount(7);
    m_trades->verticalHeader()->setVisible(false);
    m_trades->horizontalHeader()->setStretchLastSection(true);

    auto *dataRow = new QHBoxLayout;
    dataRow->addWidget(m_data, 1);
    dataRow->addWidget(m_browse);
    auto *form = new QFormLayout;
    form->addRow(m_dataLabel, dataRow);
    form->addRow(m_symbolsLabel, m_symbols);
    form->addRow(m_strategyLabel, m_strategy);
    form->addRow(m_paramsForm);
    form->addRow(m_feeLabel, m_fee);
    form->addRow(m_slippageLabel, m_slippage);
    form->addRow(m_capitalLabel, m_capital);
    form->addRow(m_fillModelLabel, m_fillModel);
    form->addRow(m_fromEnabled, m_from);
    form->addRow(m_toEnabled, m_to);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_run, 1);
    buttons->addWidget(m_cancel);
    auto *left = new QVBoxLayout;
    left->addLayout(form);
    left->addLayout(buttons);
    left->addWidget(m_progress);
    left->addWidget(m_status);
    left->addWidget(m_runsLabel);
    left->addWidget(m_runs, 1);
    auto *leftPanel = new QWidget(this);
    leftPanel->setLayout(left);
    leftPanel->setFixedWidth(360);

    m_tabs->addTab(m_metrics, QString());
    m_tabs->addTab(m_trades, QString());
    // The candles across the top; below them the equity and drawdown beside the figures.
    auto *lower = new QSplitter(Qt::Horizontal, this);
    lower->addWidget(m_equity);
    lower->addWidget(m_tabs);
    lower->setStretchFactor(0, 3);
    lower->setStretchFactor(1, 2);
    lower->setSizes({520, 500});
    auto *charts = new QSplitter(Qt::Vertical, this);
    charts->addWidget(m_candles);
    charts->addWidget(lower);
    charts->setStretchFactor(0, 1);
    charts->setStretchFactor(1, 1);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(leftPanel);
    layout->addWidget(charts, 1);

    connect(m_strategy, &QComboBox::currentIndexChanged, this, &BacktestView::rebuildParams);
    connect(m_browse, &QPushButton::clicked, this, &BacktestView::browse);
    connect(m_run, &QPushButton::clicked, this, &BacktestView::run);
    connect(m_cancel, &QPushButton::clicked, this, [this] { m_api.cancelBacktest(); });
    connect(m_runs, &QListWidget::itemSelectionChanged, this, &BacktestView::selectionChanged);
    rebuildParams();
    retranslateUi();
    refreshRuns();
}

void BacktestView::setDataPath(const QString &path) { m_data->setText(path); }
void BacktestView::setSymbols(const QString &symbols) { m_symbols->setText(symbols); }

void BacktestView::setRange(qint64 fromMs, qint64 toMs)
{
    m_fromEnabled->setChecked(fromMs != 0);
    m_toEnabled->setChecked(toMs != 0);
    if (fromMs != 0)
        m_from->setDateTime(QDateTime::fromMSecsSinceEpoch(fromMs, Qt::UTC));
    if (toMs != 0)
        m_to->setDateTime(QDateTime::fromMSecsSinceEpoch(toMs, Qt::UTC));
}

void BacktestView::rebuildParams()
{
    while (m_paramsForm->rowCount() > 0)
        m_paramsForm->removeRow(0);
    m_params.clear();
    const QMap<QString, double> defaults = m_strategies.value(m_strategy->currentData().toString());
    for (auto it = defaults.cbegin(); it != defaults.cend(); ++it) {
        auto *spin = new QDoubleSpinBox(this);
        spin->setObjectName(QStringLiteral("backtestParam_") + it.key());
        spin->setRange(0, 100000);
        spin->setDecimals(it.value() == std::floor(it.value()) ? 0 : 2);
        spin->setValue(it.value());
        m_paramsForm->addRow(it.key(), spin);
        m_params.insert(it.key(), spin);
    }
}

void BacktestView::browse()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Bars to replay"), m_data->text(), tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        m_data->setText(path);
}

bool BacktestView::run()
{
    engine::BacktestRequest r;
    r.dataPath = m_data->text().trimmed();
    for (const QString &s : m_symbols->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        r.symbols << s.trimmed().toUpper();
    r.strategy = m_strategy->currentData().toString();
    for (auto it = m_params.cbegin(); it != m_params.cend(); ++it)
        r.params.insert(it.key(), it.value()->value());
    const auto fee = m_fee->value();
    const auto slippage = m_slippage->value();
    const auto capital = m_capital->value();
    QString problem;
    if (r.dataPath.isEmpty())
        problem = tr("Pick a CSV file of bars.");
    else if (r.symbols.isEmpty())
        problem = tr("Name at least one symbol.");
    else if (m_fromEnabled->isChecked() && m_toEnabled->isChecked() && m_from->dateTime() >= m_to->dateTime())
        problem = tr("The end of the range is before its start.");
    else if (!fee || !slippage || !capital || *fee >= engine::Decimal::fromInt(1) || *slippage >= engine::Decimal::fromInt(1))
        problem = tr("Fee and slippage are fractions below 1 (0.001 = 0.1 %); the capital is above 0.");
    if (!problem.isEmpty()) {
        m_status->setText(problem);
        return false;
    }
    r.config.fee = *fee;
    r.config.slippage = *slippage;
    r.config.capital = *capital;
    r.config.fillModel = engine::BacktestConfig::FillModel(m_fillModel->currentData().toInt());
    if (m_fromEnabled->isChecked())
        r.fromMs = m_from->dateTime().toMSecsSinceEpoch();
    if (m_toEnabled->isChecked())
        r.toMs = m_to->dateTime().toMSecsSinceEpoch();
    m_run->setEnabled(false);
    m_cancel->setEnabled(true);
    m_progress->setValue(0);
    m_status->setText(tr("Running…"));
    m_api.runBacktest(r, this, [this](double fraction) { m_progress->setValue(int(fraction * 1000)); },
                      [this](const engine::Result<engine::BacktestRunPtr> &result) { finished(result); });
    return true;
}

void BacktestView::finished(const engine::Result<engine::BacktestRunPtr> &result)
{
    m_run->setEnabled(true);
    m_cancel->setEnabled(false);
    if (!result) {
        m_progress->setValue(0);
        m_status->setText(result.error().is("BACKTEST_CANCELLED") ? tr("Cancelled.")
                                                                  : tr("The backtest failed: %1").arg(result.error().message));
        return;
    }
    m_progress->setValue(1000);
    const engine::BacktestRun &run = *result.value();
    m_status->setText(tr("%n bar(s) in %1 s.", nullptr, int(std::min<qint64>(run.result.metrics.bars, INT_MAX))).arg(run.seconds, 0, 'f', 2));
    refreshRuns();
    showRun(run.id);
}

void BacktestView::refreshRuns()
{
    const QSignalBlocker block(m_runs);
    m_runs->clear();
    for (const engine::BacktestRunPtr &run : m_api.backtestRuns()) {
        auto *item = new QListWidgetItem(BacktestRows::title(*run), m_runs);
        item->setData(Qt::UserRole, run->id);
    }
}

engine::BacktestRunPtr BacktestView::runById(int id) const
{
    for (const engine::BacktestRunPtr &run : m_api.backtestRuns())
        if (run->id == id)
            return run;
    return {};
}

void BacktestView::showRun(int id)
{
    const engine::BacktestRunPtr run = runById(id);
    if (!run)
        return;
    {
        const QSignalBlocker block(m_runs);
        for (int i = 0; i < m_runs->count(); ++i)
            m_runs->item(i)->setSelected(m_runs->item(i)->data(Qt::UserRole).toInt() == id);
    }
    QList<CandleChart::Marker> markers;
    const QString symbol = run->chart.symbol;
    for (const engine::BacktestTrade &t : run->result.trades) {
        if (t.symbol != symbol)
            continue;
        markers.append({t.entryMs, t.entryPrice.toDouble(), true});
        markers.append({t.exitMs, t.exitPrice.toDouble(), false});
    }
    for (const engine::OpenBacktestPosition &p : run->result.openPositions)
        if (p.symbol == symbol)
            markers.append({p.entryMs, p.entryPrice.toDouble(), true});
    m_candles->setPlaceholder(run->chart.size() == 0 && run->result.metrics.bars > 0
                                  ? tr("The candles are not kept with past runs: run it again to see them.")
                                  : QString());
    m_candles->setData(run->chart, markers);
    // Each chart point keeps its bucket's low and high, so no dip disappears between pixels.
    QList<engine::EquityPoint> points;
    for (const engine::EquitySample &s : run->result.equity) {
        points.append({s.timeMs, engine::Decimal::fromDouble(s.low, 6), {}});
        points.append({s.timeMs, engine::Decimal::fromDouble(s.high, 6), {}});
        points.append({s.timeMs, engine::Decimal::fromDouble(s.last, 6), {}});
    }
    m_equity->setHistory(points);
    showMetrics({run});
    showTrades(*run);
}

void BacktestView::selectionChanged()
{
    QList<engine::BacktestRunPtr> picked;
    for (QListWidgetItem *item : m_runs->selectedItems())
        if (const engine::BacktestRunPtr run = runById(item->data(Qt::UserRole).toInt()))
            picked << run;
    std::sort(picked.begin(), picked.end(), [](const engine::BacktestRunPtr &a, const engine::BacktestRunPtr &b) { return a->id < b->id; });
    if (picked.size() == 1)
        showRun(picked.first()->id);
    else if (picked.size() >= 2)
        showMetrics(picked.mid(0, 2)); // two runs side by side
}

void BacktestView::showMetrics(const QList<engine::BacktestRunPtr> &runs)
{
    m_metrics->clear();
    m_metrics->setColumnCount(int(runs.size()));
    for (int c = 0; c < runs.size(); ++c) {
        const QList<BacktestRows::Row> rows = BacktestRows::metrics(*runs.at(c));
        m_metrics->setRowCount(int(rows.size()));
        QStringList labels;
        for (int r = 0; r < rows.size(); ++r) {
            labels << rows.at(r).label;
            m_metrics->setItem(r, c, cell(rows.at(r).value));
        }
        m_metrics->setVerticalHeaderLabels(labels);
        // A short header ("#2 fast=5 slow=26"); the whole title on hover.
        auto *header = new QTableWidgetItem(BacktestRows::shortTitle(*runs.at(c)));
        header->setToolTip(BacktestRows::title(*runs.at(c)));
        m_metrics->setHorizontalHeaderItem(c, header);
    }
    m_metrics->resizeColumnsToContents();
    m_tabs->setCurrentWidget(m_metrics);
}

void BacktestView::showTrades(const engine::BacktestRun &run)
{
    const QList<engine::BacktestTrade> &trades = run.result.trades;
    m_trades->setRowCount(int(trades.size()));
    for (int i = 0; i < trades.size(); ++i) {
        const engine::BacktestTrade &t = trades.at(i);
        m_trades->setItem(i, 0, cell(format::dateTime(t.entryMs), Qt::AlignLeft | Qt::AlignVCenter));
        m_trades->setItem(i, 1, cell(format::price(t.entryPrice)));
        m_trades->setItem(i, 2, cell(format::dateTime(t.exitMs), Qt::AlignLeft | Qt::AlignVCenter));
        m_trades->setItem(i, 3, cell(format::price(t.exitPrice)));
        m_trades->setItem(i, 4, cell(format::qty(t.qty)));
        auto *pnl = cell(format::signedMoney(t.pnl));
        pnl->setForeground(Theme::forSign(t.pnl.isNegative() ? -1 : t.pnl.isZero() ? 0 : 1));
        m_trades->setItem(i, 5, pnl);
        m_trades->setItem(i, 6, cell(format::amount(t.fees)));
    }
    m_trades->resizeColumnsToContents();
}

void BacktestView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void BacktestView::retranslateUi()
{
    m_dataLabel->setText(tr("Bars (CSV)"));
    m_data->setPlaceholderText(tr("Memedesk OHLCV or Binance klines"));
    m_browse->setText(tr("Browse…"));
    m_symbolsLabel->setText(tr("Symbols"));
    m_symbols->setToolTip(tr("One symbol, or several separated by commas: they trade from one account"));
    m_strategyLabel->setText(tr("Strategy"));
    m_feeLabel->setText(tr("Fee"));
    m_slippageLabel->setText(tr("Slippage"));
    m_capitalLabel->setText(tr("Capital"));
    m_fillModelLabel->setText(tr("Fills"));
    m_fromEnabled->setText(tr("From"));
    m_toEnabled->setText(tr("Until"));
    m_fillModel->setItemText(0, tr("Reference: next open ± slippage"));
    m_fillModel->setItemText(1, tr("Order book: the paper venue's walk"));
    m_fillModel->setToolTip(tr("Reference fills are the documented rules any other tool can reproduce; the order book "
                               "model fills like paper trading, against a book made from each bar's open and volume"));
    m_run->setText(tr("Run backtest"));
    m_cancel->setText(tr("Cancel"));
    m_runsLabel->setText(tr("RUNS (pick two to compare)"));
    m_tabs->setTabText(0, tr("Metrics"));
    m_tabs->setTabText(1, tr("Trades"));
    m_trades->setHorizontalHeaderLabels({tr("Entry"), tr("Entry price"), tr("Exit"), tr("Exit price"), tr("Quantity"), tr("PnL"), tr("Fees")});
    m_equity->retranslateUi();
}

} // namespace ui
