#pragma once

#include "engine/core/signal.h"

#include <QAbstractTableModel>
#include <QList>

namespace ui {

//! Live trading signals, newest first, capped so a long session stays light.
class SignalsModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Time, Symbol, Action, Score, Momentum, Rsi, VolumeZ, MentionVelocity, Sentiment, UniqueAuthors,
        LiquidityChange, Explanation, ColumnCount
    };

    explicit SignalsModel(int capacity = 2000, QObject *parent = nullptr);

    //! Replaces everything with a snapshot (newest first).
    void setSignals(const QList<engine::Signal> &signalList);
    //! Adds a live signal on top, dropping the oldest beyond the cap.
    void addSignal(const engine::Signal &signal);
    [[nodiscard]] const engine::Signal &signalAt(int row) const { return m_rows.at(row); }
    [[nodiscard]] int capacity() const { return m_capacity; }
    void retranslate();

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    [[nodiscard]] bool isKnown(const engine::Signal &signal) const;

    int m_capacity;
    QList<engine::Signal> m_rows;
    qint64 m_snapshotNewestMs = 0;
};

} // namespace ui
