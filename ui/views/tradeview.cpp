#include "ui/views/tradeview.h"

#include "ui/botmodel.h"
#include "ui/models/openordersmodel.h"
#include "ui/tableviews.h"
#include "ui/theme.h"
#include "ui/widgets/orderticket.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace ui {

namespace {
constexpr int kOrdersShown = 500;
}

TradeView::TradeView(BotModel &model, QWidget *parent)
    : QWidget(parent)
    , m_api(model.api())
    , m_ticket(new OrderTicket(model.api(), this))
    , m_orders(new OpenOrdersModel(this))
    , m_table(new QTableView(this))
    , m_ordersTitle(new QLabel(this))
    , m_cancel(new QPushButton(this))
    , m_cancelResult(new QLabel(this))
{
    setObjectName(QStringLiteral("tradeView"));
    m_table->setObjectName(QStringLiteral("openOrdersTable"));
    m_cancel->setObjectName(QStringLiteral("cancelOrderButton"));
    m_table->setModel(m_orders);
    tableviews::setupCompact(m_table);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ordersTitle->setProperty("role", QStringLiteral("cardTitle"));
    m_ticket->setFixedWidth(380);
    m_cancel->setEnabled(false);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_cancelResult, 1);
    auto *right = new QVBoxLayout;
    right->addWidget(m_ordersTitle);
    right->addWidget(m_table, 1);
    right->addLayout(buttons);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 10);
    layout->addWidget(m_ticket);
    layout->addLayout(right, 1);

    connect(&model, &BotModel::orderChanged, this, [this](const engine::Order &o) {
        m_orders->updateOrder(o);
        m_ticket->orderChanged(o);
        updateCancel();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TradeView::updateCancel);
    connect(m_cancel, &QPushButton::clicked, this, &TradeView::cancelSelected);
    m_orders->setOrders(m_api.recentOrders(kOrdersShown));
    retranslateUi();
}

TradeView::~TradeView() = default;

void TradeView::refresh() { m_ticket->refresh(); }

void TradeView::updateCancel()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    m_cancel->setEnabled(!rows.isEmpty() && m_orders->orderAt(rows.first().row()));
}

void TradeView::cancelSelected()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    const engine::Order *o = rows.isEmpty() ? nullptr : m_orders->orderAt(rows.first().row());
    if (!o)
        return;
    const QString id = o->clientId;
    m_api.cancelOrder(id, this, [this, id](const engine::Result<void> &r) {
        m_cancelResult->setText(r ? tr("Cancel of %1 sent.").arg(id) : tr("Cannot cancel %1: %2").arg(id, r.error().message));
        m_cancelResult->setStyleSheet(r ? QString() : QStringLiteral("color: %1").arg(Theme::negative().name()));
    });
}

void TradeView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void TradeView::retranslateUi()
{
    m_ordersTitle->setText(tr("WORKING ORDERS"));
    m_cancel->setText(tr("Cancel selected order"));
    m_orders->retranslate();
}

} // namespace ui
