#pragma once

#include "engine/core/decimal.h"
#include "engine/core/enums.h"

#include <QSqlQuery>
#include <QString>

namespace adapters::storage {

//! Reads typed columns from the current row of a query and remembers the first problem, so a
//! hand-edited or corrupted row is reported with a readable reason instead of loading bad values.
class RowDecoder {
public:
    //! `table` and the text of `keyColumn` name the row in problem reports.
    RowDecoder(const QSqlQuery &query, QString table, int keyColumn);

    [[nodiscard]] QString text(int column);
    [[nodiscard]] qint64 integer(int column);
    [[nodiscard]] double real(int column);
    [[nodiscard]] bool flag(int column) { return integer(column) != 0; }
    [[nodiscard]] engine::Decimal decimal(int column);
    [[nodiscard]] engine::Side side(int column);
    [[nodiscard]] engine::OrderType orderType(int column);
    [[nodiscard]] engine::TimeInForce timeInForce(int column);
    [[nodiscard]] engine::OrderStatus orderStatus(int column);
    [[nodiscard]] engine::TradingMode tradingMode(int column);

    [[nodiscard]] bool ok() const { return m_problem.isEmpty(); }
    //! "Journal fills row 'F-2' cannot be read: column price: ..." (empty when the row decoded cleanly).
    [[nodiscard]] QString problem() const { return m_problem; }

private:
    void fail(int column, const QString &why);

    const QSqlQuery &m_query;
    QString m_table;
    int m_keyColumn;
    QString m_problem;
};

} // namespace adapters::storage
