#pragma once

#include "engine/api/botevents.h"

#include <QAbstractTableModel>
#include <QList>

namespace ui {

//! Engine log lines, newest first, capped.
class LogModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Time, Level, Category, Message, ColumnCount };
    //! Data role with the entry's level as an int, for filtering.
    static constexpr int LevelRole = Qt::UserRole + 1;

    explicit LogModel(int capacity = 5000, QObject *parent = nullptr);

    //! Replaces everything with a snapshot (newest first).
    void setEntries(const QList<engine::LogEntry> &entries);
    //! Adds a live entry on top.
    void addEntry(const engine::LogEntry &entry);
    void clear();
    void retranslate();
    [[nodiscard]] const engine::LogEntry &entryAt(int row) const { return m_rows.at(row); }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    int m_capacity;
    QList<engine::LogEntry> m_rows;
};

} // namespace ui
