#include "ui/models/logmodel.h"

#include "ui/format.h"
#include "ui/labels.h"
#include "ui/theme.h"

#include <QColor>

namespace ui {

LogModel::LogModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(capacity)
{
}

void LogModel::setEntries(const QList<engine::LogEntry> &entries)
{
    beginResetModel();
    m_rows = entries.mid(0, m_capacity);
    endResetModel();
}

void LogModel::addEntry(const engine::LogEntry &entry)
{
    beginInsertRows({}, 0, 0);
    m_rows.prepend(entry);
    endInsertRows();
    if (m_rows.size() > m_capacity) {
        beginRemoveRows({}, m_capacity, int(m_rows.size()) - 1);
        m_rows.resize(m_capacity);
        endRemoveRows();
    }
}

void LogModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void LogModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Level), index(int(m_rows.size()) - 1, Level));
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const engine::LogEntry &e = m_rows.at(index.row());
    using L = engine::LogEntry::Level;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time: return format::dateTime(e.tsMs);
        case Level: return Labels::logLevel(e.level);
        case Category: return e.category;
        case Message: return e.message;
        }
        break;
    case Qt::ToolTipRole:
        return index.column() == Message ? QVariant(e.message) : QVariant();
    case Qt::ForegroundRole:
        if (e.level == L::Error)
            return Theme::negative();
        if (e.level == L::Warning)
            return Theme::warning();
        if (e.level == L::Debug)
            return Theme::muted();
        break;
    case LevelRole:
        return int(e.level);
    default:
        break;
    }
    return {};
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time: return tr("Time");
    case Level: return tr("Level");
    case Category: return tr("Source");
    case Message: return tr("Message");
    }
    return {};
}

} // namespace ui
