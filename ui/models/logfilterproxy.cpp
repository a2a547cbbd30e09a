#include "ui/models/logfilterproxy.h"

#include "ui/models/logmodel.h"

namespace ui {

LogFilterProxy::LogFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

void LogFilterProxy::setMinimumLevel(engine::LogEntry::Level level)
{
    if (level == m_minimum)
        return;
    m_minimum = level;
    invalidateRowsFilter();
}

bool LogFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    return idx.data(LogModel::LevelRole).toInt() >= int(m_minimum);
}

} // namespace ui
