#include "ui/models/positionsmodel.h"

#include "ui/format.h"
#include "ui/theme.h"

#include <QColor>

namespace ui {

PositionsModel::Row PositionsModel::makeRow(const engine::Position &p)
{
    Row row;
    row.position = p;
    try {
        const engine::Decimal pnl = p.unrealizedPnl();
        row.pnlSign = pnl.isPositive() ? 1 : pnl.isNegative() ? -1 : 0;
        row.pnl = format::signedMoney(pnl);
        row.value = format::money(p.marketValue());
        if (p.avgPrice.isPositive()) {
            const engine::Decimal pct = (p.lastPrice - p.avgPrice) / p.avgPrice * engine::Decimal::fromInt(100);
            row.pct = (pct.isPositive() ? QStringLiteral("+") : QString()) + pct.toString(2) + QStringLiteral(" %");
        }
    } catch (const engine::DecimalError &) {
        // absurd quantity × price from a broken feed: show a dash, never crash
        row.value = row.pnl = row.pct = QStringLiteral("—");
    }
    return row;
}

PositionsModel::PositionsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void PositionsModel::setPositions(const QList<engine::Position> &positions)
{
    QList<Row> open;
    for (const auto &p : positions) {
        if (p.isOpen())
            open.append(makeRow(p));
    }
    bool sameSymbols = open.size() == m_rows.size();
    for (int i = 0; sameSymbols && i < open.size(); ++i)
        sameSymbols = open.at(i).position.symbol == m_rows.at(i).position.symbol;
    if (sameSymbols) {
        m_rows = open;
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = open;
    endResetModel();
}

void PositionsModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

int PositionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PositionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PositionsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    const engine::Position &p = row.position;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Symbol: return p.symbol;
        case Quantity: return format::qty(p.qty);
        case AvgPrice: return format::price(p.avgPrice);
        case Mark: return format::price(p.lastPrice);
        case Value: return row.value;
        case UnrealizedPnl: return row.pnl;
        case UnrealizedPct: return row.pct;
        }
    } else if (role == Qt::TextAlignmentRole) {
        return index.column() == Symbol ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                        : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    } else if (role == Qt::ForegroundRole) {
        if (index.column() == UnrealizedPnl || index.column() == UnrealizedPct)
            return Theme::forSign(row.pnlSign);
    } else if (role == Qt::ToolTipRole) {
        return tr("%1: %2 at average %3, mark %4\nRealized %5, fees %6")
            .arg(p.symbol, p.qty.toString(), p.avgPrice.toString(), p.lastPrice.toString(),
                 format::signedMoney(p.realizedPnl, 4), format::money(p.fees, 4));
    }
    return {};
}

QVariant PositionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Symbol: return tr("Symbol");
    case Quantity: return tr("Quantity");
    case AvgPrice: return tr("Avg price");
    case Mark: return tr("Mark");
    case Value: return tr("Value");
    case UnrealizedPnl: return tr("Unrealized PnL");
    case UnrealizedPct: return tr("PnL %");
    }
    return {};
}

} // namespace ui
