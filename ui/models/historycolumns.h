#pragma once

#include "engine/core/fill.h"
#include "engine/core/order.h"
#include "engine/ports/tradestore.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace ui {

//! Columns of the History table and its CSV export, for orders and for fills.
//! Display text is formatted and translated; CSV text is exact and stable.
class HistoryColumns {
    Q_DECLARE_TR_FUNCTIONS(ui::HistoryColumns)
public:
    using Kind = engine::HistoryQuery::Kind;
    static constexpr int kSideColumn = 2;         // both kinds
    static constexpr int kOrderReasonColumn = 11; // orders

    [[nodiscard]] static int count(Kind kind);
    [[nodiscard]] static QString title(Kind kind, int column);
    [[nodiscard]] static bool isNumeric(Kind kind, int column);
    //! Suggested width in pixels (fixed widths keep a million-row view cheap).
    [[nodiscard]] static int width(Kind kind, int column);

    [[nodiscard]] static QString display(const engine::Fill &fill, int column);
    [[nodiscard]] static QString display(const engine::Order &order, int column);

    //! Machine-friendly header names ("time", "symbol", ...).
    [[nodiscard]] static QStringList csvHeader(Kind kind);
    //! Exact decimals and UTC ISO 8601 times.
    [[nodiscard]] static QStringList csvFields(const engine::Fill &fill);
    [[nodiscard]] static QStringList csvFields(const engine::Order &order);
};

} // namespace ui
