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

} // namespace engine
