#include "ui/models/fillsmodel.h"

#include "ui/format.h"
#include "ui/labels.h"
#include "ui/theme.h"

#include <QColor>

namespace ui {

FillsModel::FillsModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(capacity)
{
}

void FillsModel::setFills(const QList<engine::Fill> &fills)
{
    beginResetModel();
    m_rows = fills.mid(0, m_capacity);
    m_ids.clear();
    for (const auto &f : std::as_const(m_rows))
        m_ids.insert(f.fillId);
    endResetModel();
}

void FillsModel::addFill(const engine::Fill &fill)
{
    if (!fill.fillId.isEmpty() && m_ids.contains(fill.fillId))
        return;
    beginInsertRows({}, 0, 0);
    m_rows.prepend(fill);
    m_ids.insert(fill.fillId);
    endInsertRows();
    if (m_rows.size() > m_capacity) {
        const int first = m_capacity;
        const int last = int(m_rows.size()) - 1;
        beginRemoveRows({}, first, last);
        for (int i = last; i >= first; --i)
            m_ids.remove(m_rows.takeLast().fillId);
        endRemoveRows();
    }
}

void FillsModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Side), index(int(m_rows.size()) - 1, Side));
}

int FillsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int FillsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FillsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const engine::Fill &f = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Time: return format::timeOfDay(f.tsMs);
        case Symbol: return f.symbol;
        case Side: return Labels::side(f.side);
        case Price: return format::price(f.price);
        case Quantity: return format::qty(f.qty);
        case Notional: return format::notional(f.price, f.qty);
        case Fee: return format::amount(f.fee);
        }
    } else if (role == Qt::TextAlignmentRole) {
        return index.column() >= Price ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                       : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    } else if (role == Qt::ForegroundRole && index.column() == Side) {
        return f.side == engine::Side::Buy ? Theme::positive() : Theme::negative();
    } else if (role == Qt::ToolTipRole) {
        return tr("Fill %1 of order %2 at %3, %4\nPrice %5, quantity %6, fee %7 %8")
            .arg(f.fillId, f.clientId, format::dateTime(f.tsMs), f.isMaker ? tr("maker") : tr("taker"),
                 f.price.toString(), f.qty.toString(), f.fee.toString(), f.feeAsset);
    }
    return {};
}

QVariant FillsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time: return tr("Time");
    case Symbol: return tr("Symbol");
    case Side: return tr("Side");
    case Price: return tr("Price");
    case Quantity: return tr("Quantity");
    case Notional: return tr("Notional");
    case Fee: return tr("Fee");
    }
    return {};
}

} // namespace ui
