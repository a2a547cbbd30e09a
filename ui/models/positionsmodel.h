#pragma once

#include "engine/core/position.h"

#include <QAbstractTableModel>
#include <QList>

namespace ui {

//! Open positions with marks and unrealized PnL (dashboard).
class PositionsModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Symbol, Quantity, AvgPrice, Mark, Value, UnrealizedPnl, UnrealizedPct, ColumnCount };

    explicit PositionsModel(QObject *parent = nullptr);

    //! Replaces the rows; keeps selection when the set of symbols is unchanged.
    void setPositions(const QList<engine::Position> &positions);
    //! Re-emits headers after a language change.
    void retranslate();

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    // Derived figures are computed once per snapshot, not on every paint.
    struct Row {
        engine::Position position;
        QString value;
        QString pnl;
        QString pct;
        int pnlSign = 0;
    };
    static Row makeRow(const engine::Position &position);

    QList<Row> m_rows;
};

} // namespace ui
