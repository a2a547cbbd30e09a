#include "ui/views/historyview.h"

#include "ui/botmodel.h"

#include "ui/format.h"
#include "ui/models/csvexporter.h"
#include "ui/models/historycolumns.h"
#include "ui/models/historymodel.h"
#include "ui/tableviews.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QScrollBar>
#include <QPushButton>
#include <QLineEdit>
#include <QStandardPaths>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace ui {

HistoryView::HistoryView(BotModel &model, QWidget *parent)
    : QWidget(parent)
    , m_api(model.api())
    , m_model(new HistoryModel(model.api(), this))
    , m_exporter(new CsvExporter(model.api(), this))
    , m_kind(new QComboBox(this))
    , m_symbol(new QComboBox(this))
    , m_side(new QComboBox(this))
    , m_fromEnabled(new QCheckBox(this))
    , m_from(new QDateTimeEdit(this))
    , m_toEnabled(new QCheckBox(this))
    , m_to(new QDateTimeEdit(this))
    , m_apply(new QPushButton(this))
    , m_reload(new QPushButton(this))
    , m_export(new QPushButton(this))
    , m_cancelExport(new QPushButton(this))
    , m_progress(new QProgressBar(this))
    , m_summary(new QLabel(this))
    , m_exportStatus(new QLabel(this))
    , m_table(new QTableView(this))
{
    setObjectName(QStringLiteral("historyView"));
    m_kind->setObjectName(QStringLiteral("historyKindCombo"));
    m_symbol->setObjectName(QStringLiteral("historySymbolCombo"));
    m_side->setObjectName(QStringLiteral("historySideCombo"));
    m_fromEnabled->setObjectName(QStringLiteral("historyFromCheck"));
    m_from->setObjectName(QStringLiteral("historyFromEdit"));
    m_toEnabled->setObjectName(QStringLiteral("historyToCheck"));
    m_to->setObjectName(QStringLiteral("historyToEdit"));
    m_apply->setObjectName(QStringLiteral("historyApplyButton"));
    m_reload->setObjectName(QStringLiteral("historyReloadButton"));
    m_export->setObjectName(QStringLiteral("exportCsvButton"));
    m_cancelExport->setObjectName(QStringLiteral("cancelExportButton"));
    m_progress->setObjectName(QStringLiteral("exportProgress"));
    m_summary->setObjectName(QStringLiteral("historySummaryLabel"));
    m_exportStatus->setObjectName(QStringLiteral("exportStatusLabel"));

    m_kind->addItem(QString(), int(engine::HistoryQuery::Kind::Fills));
    m_kind->addItem(QString(), int(engine::HistoryQuery::Kind::Orders));
    m_symbol->setEditable(true);
    m_symbol->setInsertPolicy(QComboBox::NoInsert);
    m_symbol->setMinimumWidth(150);
    m_side->addItem(QString(), -1);
    m_side->addItem(QString(), int(engine::Side::Buy));
    m_side->addItem(QString(), int(engine::Side::Sell));
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        edit->setCalendarPopup(true);
        edit->setEnabled(false);
    }
    setDefaultDates(QDateTime::currentMSecsSinceEpoch());
    m_progress->setVisible(false);
    m_progress->setMaximumWidth(220);
    m_cancelExport->setVisible(false);
    m_summary->setProperty("role", QStringLiteral("muted"));
    m_exportStatus->setProperty("role", QStringLiteral("muted"));

    m_table->setObjectName(QStringLiteral("historyTable"));
    m_table->setModel(m_model);
    tableviews::setupCompact(m_table);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_kind);
    filters->addWidget(m_symbol);
    filters->addWidget(m_side);
    filters->addSpacing(8);
    filters->addWidget(m_fromEnabled);
    filters->addWidget(m_from);
    filters->addWidget(m_toEnabled);
    filters->addWidget(m_to);
    filters->addWidget(m_apply);
    filters->addWidget(m_reload);
    filters->addStretch(1);
    auto *footer = new QHBoxLayout;
    footer->addWidget(m_summary, 1);
    footer->addWidget(m_exportStatus);
    footer->addWidget(m_progress);
    footer->addWidget(m_cancelExport);
    footer->addWidget(m_export);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 10);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addLayout(footer);

    connect(m_fromEnabled, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_toEnabled, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    connect(m_kind, &QComboBox::activated, this, &HistoryView::applyFilter);
    connect(m_side, &QComboBox::activated, this, &HistoryView::applyFilter);
    connect(m_symbol, &QComboBox::activated, this, &HistoryView::applyFilter);
    connect(m_symbol->lineEdit(), &QLineEdit::returnPressed, this, &HistoryView::applyFilter);
    connect(m_apply, &QPushButton::clicked, this, &HistoryView::applyFilter);
    connect(m_reload, &QPushButton::clicked, this, [this] {
        m_stale = false;
        m_model->refreshRows();
        updateSummary();
    });
    connect(m_export, &QPushButton::clicked, this, &HistoryView::chooseExportFile);
    connect(m_cancelExport, &QPushButton::clicked, m_exporter, &CsvExporter::cancel);
    connect(m_model, &HistoryModel::totalChanged, this, &HistoryView::updateSummary);
    connect(m_model, &QAbstractItemModel::modelReset, this, &HistoryView::resizeColumns);
    connect(m_model, &HistoryModel::errorOccurred, this, [this](const QString &message) {
        m_lastError = message;
        updateSummary();
    });
    connect(m_exporter, &CsvExporter::progress, this, [this](qint64 written, qint64 total) {
        // QProgressBar is int-based: show per mille for very large exports.
        m_progress->setRange(0, 1000);
        m_progress->setValue(total > 0 ? int(written * 1000 / total) : 1000);
        m_progress->setFormat(tr("%1 of %2 rows").arg(format::grouped(QString::number(written)),
                                                       format::grouped(QString::number(total))));
    });
    connect(m_exporter, &CsvExporter::finished, this, [this](bool ok, const QString &message) {
        m_progress->setVisible(false);
        m_cancelExport->setVisible(false);
        m_export->setEnabled(true);
        m_exportStatus->setText(message);
        m_exportStatus->setProperty("role", ok ? QStringLiteral("muted") : QStringLiteral("error"));
        m_exportStatus->style()->unpolish(m_exportStatus);
        m_exportStatus->style()->polish(m_exportStatus);
    });
    connect(&model, &BotModel::fillAdded, this, [this] { markStale(engine::HistoryQuery::Kind::Fills); });
    connect(&model, &BotModel::orderChanged, this, [this] { markStale(engine::HistoryQuery::Kind::Orders); });
    retranslateUi();
    loadSymbols();
}


void HistoryView::markStale(engine::HistoryQuery::Kind kind)
{
    // New rows of the kind on screen: say so instead of jumping the page under the user.
    if (m_model->filter().kind == kind && !m_stale) {
        m_stale = true;
        updateSummary();
    }
}

void HistoryView::setDefaultDates(qint64 clockMs)
{
    // The demo market runs on its own clock: offer the last week of engine time.
    const QDate day = QDateTime::fromMSecsSinceEpoch(clockMs).date();
    m_from->setDateTime(QDateTime(day.addDays(-7), QTime(0, 0)));
    m_to->setDateTime(QDateTime(day.addDays(1), QTime(0, 0)));
}

HistoryView::~HistoryView() = default;

void HistoryView::loadSymbols()
{
    const QList<engine::Instrument> instruments = m_api.instruments();
    if (instruments.isEmpty() && m_symbol->count() > 0)
        return; // nothing new; keep whatever the user is typing
    const QString current = m_symbol->currentText();
    const bool all = m_symbol->count() == 0 || current == m_symbol->itemText(0);
    m_symbol->clear();
    m_symbol->addItem(tr("All symbols"), QString());
    for (const auto &instrument : instruments)
        m_symbol->addItem(instrument.symbol, instrument.symbol);
    m_symbol->setCurrentIndex(0);
    if (!all && !current.isEmpty())
        m_symbol->setEditText(current);
}

void HistoryView::refresh()
{
    if (m_symbol->count() <= 1) // the market may list its symbols only after connecting
        loadSymbols();
    if (!m_datesSet && !m_fromEnabled->isChecked() && !m_toEnabled->isChecked()) {
        const qint64 clock = m_api.status().clockMs;
        if (clock > 0) {
            m_datesSet = true;
            setDefaultDates(clock);
        }
    }
    if (!m_loadedOnce) {
        applyFilter();
        return;
    }
    // New rows appear by themselves while the user looks at the top; elsewhere they wait
    // for Refresh so the rows being read do not move.
    if (m_stale && isVisible() && m_table->verticalScrollBar()->value() == 0 && !m_exporter->isRunning()) {
        m_stale = false;
        m_model->refreshRows();
        updateSummary();
    }
}

void HistoryView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh(); // the journal is read the first time the view is shown, not at start-up
}

engine::HistoryQuery HistoryView::currentFilter() const
{
    engine::HistoryQuery q;
    q.kind = engine::HistoryQuery::Kind(m_kind->currentData().toInt());
    QString symbol = m_symbol->currentText().trimmed();
    if (symbol == m_symbol->itemText(0))
        symbol.clear();
    q.symbol = symbol.toUpper();
    const int side = m_side->currentData().toInt();
    if (side >= 0)
        q.side = engine::Side(side);
    if (m_fromEnabled->isChecked())
        q.fromMs = m_from->dateTime().toMSecsSinceEpoch();
    if (m_toEnabled->isChecked())
        q.toMs = m_to->dateTime().toMSecsSinceEpoch();
    return q;
}

void HistoryView::applyFilter()
{
    m_loadedOnce = true;
    m_stale = false;
    m_lastError.clear();
    const engine::HistoryQuery q = currentFilter();
    if (q.fromMs > 0 && q.toMs > 0 && q.toMs < q.fromMs) {
        m_lastError = tr("The end of the date range is before its start.");
        updateSummary();
        return;
    }
    m_model->setFilter(q);
    updateSummary();
}

void HistoryView::resizeColumns()
{
    const auto kind = m_model->filter().kind;
    for (int c = 0; c < HistoryColumns::count(kind); ++c)
        m_table->setColumnWidth(c, HistoryColumns::width(kind, c));
}

void HistoryView::updateSummary()
{
    if (!m_lastError.isEmpty())
        m_summary->setText(tr("Error: %1").arg(m_lastError));
    else if (m_model->isCounting())
        m_summary->setText(tr("Counting rows…"));
    else if (m_stale)
        m_summary->setText(tr("%1 matching rows · new rows arrived, press Refresh to see them")
                               .arg(format::grouped(QString::number(m_model->totalRows()))));
    else
        m_summary->setText(tr("%1 matching rows").arg(format::grouped(QString::number(m_model->totalRows()))));
}

bool HistoryView::exportCsv(const QString &path)
{
    engine::HistoryQuery q = currentFilter();
    // Rows that arrive during a long export would shift the offsets of a newest-first
    // journal: bound an open range at the engine's current time.
    const qint64 clock = m_api.status().clockMs;
    if (q.toMs == 0 && clock > 0)
        q.toMs = clock + 1;
    if (!m_exporter->start(q, path)) {
        m_exportStatus->setText(m_exporter->errorString());
        return false;
    }
    m_export->setEnabled(false);
    m_progress->setRange(0, 0); // busy until the first page tells the total
    m_progress->setVisible(true);
    m_cancelExport->setVisible(true);
    m_exportStatus->setText(tr("Exporting to %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

void HistoryView::chooseExportFile()
{
    const engine::HistoryQuery q = currentFilter();
    const QString base = q.kind == engine::HistoryQuery::Kind::Fills ? QStringLiteral("memedesk-fills")
                                                                      : QStringLiteral("memedesk-orders");
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export history as CSV"),
                                                      dir + u'/' + base + QStringLiteral(".csv"),
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportCsv(path);
}

void HistoryView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void HistoryView::retranslateUi()
{
    m_kind->setItemText(0, tr("Fills"));
    m_kind->setItemText(1, tr("Orders"));
    if (m_symbol->count() > 0)
        m_symbol->setItemText(0, tr("All symbols"));
    m_symbol->setToolTip(tr("Pick a symbol or type one, then press Enter"));
    m_side->setItemText(0, tr("Both sides"));
    m_side->setItemText(1, tr("Buy"));
    m_side->setItemText(2, tr("Sell"));
    m_fromEnabled->setText(tr("From"));
    m_toEnabled->setText(tr("To"));
    m_apply->setText(tr("Apply filter"));
    m_reload->setText(tr("Refresh"));
    m_export->setText(tr("Export CSV…"));
    m_cancelExport->setText(tr("Cancel export"));
    m_model->retranslate();
    updateSummary();
}

} // namespace ui
