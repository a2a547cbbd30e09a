#include "ui/widgets/logpanel.h"

#include "ui/botmodel.h"

#include "ui/format.h"
#include "ui/labels.h"
#include "ui/models/logfilterproxy.h"
#include "ui/models/logmodel.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace ui {

namespace {
constexpr int kSnapshotLines = 1000;
}

LogPanel::LogPanel(BotModel &model, QWidget *parent)
    : QDockWidget(parent)
    , m_api(model.api())
    , m_model(new LogModel(5000, this))
    , m_proxy(new LogFilterProxy(this))
{
    setObjectName(QStringLiteral("logPanel"));
    setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);
    auto *content = new QWidget(this);
    m_levelLabel = new QLabel(content);
    m_level = new QComboBox(content);
    m_level->setObjectName(QStringLiteral("logLevelCombo"));
    for (int i = 0; i < 4; ++i)
        m_level->addItem(QString(), i);
    m_level->setCurrentIndex(int(engine::LogEntry::Level::Info));
    m_proxy->setMinimumLevel(engine::LogEntry::Level::Info);
    m_clear = new QPushButton(content);
    m_clear->setObjectName(QStringLiteral("logClearButton"));

    m_proxy->setSourceModel(m_model);
    m_table = new QTableView(content);
    m_table->setObjectName(QStringLiteral("logTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(22);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(LogModel::Time, 150);
    m_table->setColumnWidth(LogModel::Level, 80);
    m_table->setColumnWidth(LogModel::Category, 90);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_levelLabel);
    bar->addWidget(m_level);
    bar->addStretch(1);
    bar->addWidget(m_clear);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(6, 4, 6, 6);
    layout->addLayout(bar);
    layout->addWidget(m_table);
    setWidget(content);

    connect(m_level, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_proxy->setMinimumLevel(engine::LogEntry::Level(std::clamp(index, 0, 3)));
    });
    connect(m_clear, &QPushButton::clicked, m_model, &LogModel::clear);

    // Subscribe first, then read the snapshot, so nothing falls in between.
    connect(&model, &BotModel::logAdded, this, [this](const engine::LogEntry &e) { m_model->addEntry(e); });
    connect(&model, &BotModel::riskDenied, this, &LogPanel::showDenial);
    m_model->setEntries(m_api.recentLogs(kSnapshotLines));
    retranslateUi();
}

LogPanel::~LogPanel() = default;

void LogPanel::showDenial(const engine::RiskDenial &denial)
{
    engine::LogEntry entry;
    entry.tsMs = denial.tsMs;
    entry.level = engine::LogEntry::Level::Warning;
    entry.category = QStringLiteral("risk");
    const engine::OrderRequest &r = denial.request;
    entry.message = tr("Order denied: %1 %2 %3 — %4 [%5]")
                        .arg(Labels::side(r.side), Labels::orderSize(r.qty, r.quoteQty), r.symbol, Labels::denial(denial.denial),
                             denial.denial.codeName());
    m_model->addEntry(entry);
}

void LogPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDockWidget::changeEvent(event);
}

void LogPanel::retranslateUi()
{
    setWindowTitle(tr("Log"));
    m_levelLabel->setText(tr("Show:"));
    m_level->setItemText(0, tr("Everything (debug)"));
    m_level->setItemText(1, tr("Info and above"));
    m_level->setItemText(2, tr("Warnings and errors"));
    m_level->setItemText(3, tr("Errors only"));
    m_clear->setText(tr("Clear"));
    m_model->retranslate();
}

} // namespace ui
