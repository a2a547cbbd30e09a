#pragma once

#include "engine/core/order.h"

#include <QAbstractTableModel>
#include <QList>

namespace ui {

//! The orders still working (not filled, cancelled, rejected or expired), newest first: the
//! manual trading view's table, where a trader picks one to cancel.
class OpenOrdersModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Time, Symbol, Side, Type, Quantity, Filled, Price, Status, Strategy, ColumnCount };

    explicit OpenOrdersModel(QObject *parent = nullptr);

    //! Replaces everything with the working orders among `orders`.
    void setOrders(const QList<engine::Order> &orders);
    //! An order changed: it appears, updates, or leaves when it is done.
    void updateOrder(const engine::Order &order);
    [[nodiscard]] const engine::Order *orderAt(int row) const;
    void retranslate();

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<engine::Order> m_rows;
};

} // namespace ui
