#include "ui/models/openordersmodel.h"

#include "ui/format.h"
#include "ui/labels.h"
#include "ui/theme.h"

#include <QColor>

namespace ui {

OpenOrdersModel::OpenOrdersModel(QObject *parent) : QAbstractTableModel(parent) {}

void OpenOrdersModel::setOrders(const QList<engine::Order> &orders)
{
    beginResetModel();
    m_rows.clear();
    for (const engine::Order &o : orders) {
        if (!engine::isTerminal(o.status))
            m_rows.append(o);
    }
    std::stable_sort(m_rows.begin(), m_rows.end(),
                     [](const engine::Order &a, const engine::Order &b) { return a.createdMs > b.createdMs; });
    endResetModel();
}

void OpenOrdersModel::updateOrder(const engine::Order &order)
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).clientId != order.clientId)
            continue;
        if (engine::isTerminal(order.status)) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        } else {
            m_rows[row] = order;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
        return;
    }
    if (engine::isTerminal(order.status))
        return;
    beginInsertRows({}, 0, 0);
    m_rows.prepend(order);
    endInsertRows();
}

const engine::Order *OpenOrdersModel::orderAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

void OpenOrdersModel::retranslate() { Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1); }

int OpenOrdersModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

int OpenOrdersModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant OpenOrdersModel::data(const QModelIndex &index, int role) const
{
    const engine::Order *o = orderAt(index.row());
    if (!o)
        return {};
    if (role == Qt::ForegroundRole && index.column() == Side)
        return o->side == engine::Side::Buy ? Theme::positive() : Theme::negative();
    if (role == Qt::ToolTipRole)
        return QStringLiteral("%1 · %2").arg(o->clientId, o->reason);
    if (role == Qt::TextAlignmentRole && index.column() >= Quantity && index.column() <= Price)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Time: return format::dateTime(o->createdMs);
    case Symbol: return o->symbol;
    case Side: return Labels::side(o->side);
    case Type: {
        const QString type = Labels::orderType(o->type);
        return o->type == engine::OrderType::Limit ? QStringLiteral("%1 %2").arg(type, engine::toString(o->timeInForce)) : type;
    }
    case Quantity: return Labels::orderSize(o->qty, o->quoteQty);
    case Filled: return format::qty(o->filledQty);
    case Price: return engine::hasLimitPrice(o->type) ? format::price(o->limitPrice) : tr("market");
    case Status: return Labels::orderStatus(o->status);
    case Strategy: return o->strategy;
    default: return {};
    }
}

QVariant OpenOrdersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time: return tr("Placed");
    case Symbol: return tr("Symbol");
    case Side: return tr("Side");
    case Type: return tr("Type");
    case Quantity: return tr("Quantity");
    case Filled: return tr("Filled");
    case Price: return tr("Limit");
    case Status: return tr("Status");
    case Strategy: return tr("By");
    default: return {};
    }
}

} // namespace ui
