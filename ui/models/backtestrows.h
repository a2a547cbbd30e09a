#pragma once

#include "engine/backtest/backtestrun.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace ui {

//! A run's figures as rows of the metrics table (label, value), in the user's language, in the
//! order docs/backtesting.md lists them; and a run's one-line title for the list of runs.
class BacktestRows {
    Q_DECLARE_TR_FUNCTIONS(ui::BacktestRows)
public:
    struct Row {
        QString label;
        QString value;
    };
    [[nodiscard]] static QList<Row> metrics(const engine::BacktestRun &run);
    [[nodiscard]] static QString title(const engine::BacktestRun &run);
    //! "#2 fast=5 slow=26", for a column header.
    [[nodiscard]] static QString shortTitle(const engine::BacktestRun &run);
};

} // namespace ui
