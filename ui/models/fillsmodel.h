#pragma once

#include "engine/core/fill.h"

#include <QAbstractTableModel>
#include <QList>
#include <QSet>

namespace ui {

//! The most recent fills, newest first, capped (dashboard).
class FillsModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Time, Symbol, Side, Price, Quantity, Notional, Fee, ColumnCount };

    explicit FillsModel(int capacity = 200, QObject *parent = nullptr);

    //! Replaces everything with a snapshot (newest first).
    void setFills(const QList<engine::Fill> &fills);
    //! Adds a live fill on top; a fill id seen before is ignored.
    void addFill(const engine::Fill &fill);
    void retranslate();

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    int m_capacity;
    QList<engine::Fill> m_rows;
    QSet<QString> m_ids;
};

} // namespace ui
