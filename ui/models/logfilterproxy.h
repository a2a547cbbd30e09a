#pragma once

#include "engine/api/botevents.h"

#include <QSortFilterProxyModel>

namespace ui {

//! Shows log lines at or above a minimum level.
class LogFilterProxy final : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit LogFilterProxy(QObject *parent = nullptr);
    void setMinimumLevel(engine::LogEntry::Level level);
    [[nodiscard]] engine::LogEntry::Level minimumLevel() const { return m_minimum; }

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    engine::LogEntry::Level m_minimum = engine::LogEntry::Level::Debug;
};

} // namespace ui
