#include "ui/views/signalmonitorview.h"

#include "ui/botmodel.h"

#include "ui/format.h"
#include "ui/labels.h"
#include "ui/models/signalsmodel.h"
#include "ui/tableviews.h"
#include "ui/widgets/pricechart.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace ui {

SignalMonitorView::SignalMonitorView(BotModel &model, QWidget *parent)
    : QWidget(parent)
    , m_api(model.api())
    , m_model(new SignalsModel(2000, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_table(new QTableView(this))
    , m_chart(new PriceChart(this))
    , m_details(new QLabel(this))
{
    setObjectName(QStringLiteral("signalMonitorView"));
    m_filter->setObjectName(QStringLiteral("signalFilterEdit"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMaximumWidth(260);
    m_count->setProperty("role", QStringLiteral("muted"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(SignalsModel::Symbol);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_table->setObjectName(QStringLiteral("signalsTable"));
    m_table->setModel(m_proxy);
    tableviews::setupCompact(m_table);
    const int widths[] = {70, 110, 55, 60, 85, 50, 70, 75, 75, 60, 75};
    for (int c = 0; c < int(std::size(widths)); ++c)
        m_table->setColumnWidth(c, widths[c]);

    m_details->setObjectName(QStringLiteral("signalDetailsLabel"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setProperty("role", QStringLiteral("muted"));

    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(m_chart, 1);
    bottomLayout->addWidget(m_details);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter);
    bar->addStretch(1);
    bar->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 10);
    layout->addLayout(bar);
    layout->addWidget(split, 1);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text.trimmed());
        updateCount();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SignalMonitorView::showSelected);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &SignalMonitorView::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SignalMonitorView::updateCount);

    connect(&model, &BotModel::signalAdded, this, [this](const engine::Signal &s) { m_model->addSignal(s); });
    m_model->setSignals(m_api.recentSignals(m_model->capacity()));
    retranslateUi();
}

SignalMonitorView::~SignalMonitorView() = default;


void SignalMonitorView::showSelected()
{
    const QModelIndex current = m_proxy->mapToSource(m_table->currentIndex());
    if (!current.isValid()) {
        m_chart->clear();
        m_details->clear();
        return;
    }
    const engine::Signal &s = m_model->signalAt(current.row());
    m_chart->setCandles(s.symbol, m_api.candles(s.symbol));
    m_chart->setMarker(s.tsMs, s.price, s.action);
    m_details->setText(tr("%1 %2 at %3, price %4, score %5: %6")
                           .arg(Labels::signalAction(s.action), s.symbol, format::dateTime(s.tsMs), format::price(s.price),
                                format::number(s.score, 2, true), s.explanation));
}

void SignalMonitorView::refresh()
{
    const QString symbol = m_chart->symbol();
    if (symbol.isEmpty())
        return;
    const QList<engine::Candle> candles = m_api.candles(symbol);
    const qint64 last = candles.isEmpty() ? 0 : candles.last().openTimeMs + candles.last().intervalSec * 1000LL;
    // Rebuilding candle items is not free: only when a new candle has closed.
    if (last != m_chart->lastCandleOpenMs() || candles.size() != m_chart->candleCount())
        m_chart->setCandles(symbol, candles);
}

void SignalMonitorView::updateCount()
{
    m_count->setText(tr("%1 of %2 signals (newest first, last %3 kept)")
                         .arg(m_proxy->rowCount())
                         .arg(m_model->rowCount())
                         .arg(m_model->capacity()));
}

void SignalMonitorView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void SignalMonitorView::retranslateUi()
{
    m_filter->setPlaceholderText(tr("Filter by symbol…"));
    m_model->retranslate();
    m_chart->retranslateUi();
    updateCount();
    if (m_table->currentIndex().isValid())
        showSelected();
}

} // namespace ui
