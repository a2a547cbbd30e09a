#pragma once

#include "engine/backtest/backtester.h"

#include <QJsonObject>

namespace engine {

//! A run as JSON, in the shape `memedesk backtest --json` prints (docs/backtesting.md): money and
//! prices as exact decimal strings, times in ISO 8601 UTC, ratios as numbers (null when they have
//! no meaning for the run).
[[nodiscard]] QJsonObject backtestToJson(const BacktestResult &result);
//! The metrics part alone (also for each run of a parameter search).
[[nodiscard]] QJsonObject metricsToJson(const BacktestMetrics &metrics);
//! "2023-05-12T22:00:00Z"
[[nodiscard]] QString isoUtc(qint64 ms);

struct BacktestRun;
//! A whole run (what was asked, what came out, the equity samples), for keeping it on disk; the
//! candles are not kept (they are in the file the run read).
[[nodiscard]] QJsonObject backtestRunToJson(const BacktestRun &run);
//! Reads one back; an unreadable field is an error naming it (the file is then skipped).
[[nodiscard]] Result<BacktestRun> backtestRunFromJson(const QJsonObject &json);

} // namespace engine
