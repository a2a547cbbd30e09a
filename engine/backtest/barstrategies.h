#pragma once

#include "engine/core/result.h"
#include "engine/strategy/strategy.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <memory>

namespace engine {

//! The bar-driven strategies a backtest (or a live session) can run, by name, with their
//! parameters checked: `ema_cross` (fast 12, slow 26) and `rsi_reversion` (period 14, lower 30,
//! upper 70). An unknown name or parameter, or a value out of range, is an error that says which
//! (STRATEGY_UNKNOWN / STRATEGY_PARAM_INVALID).
[[nodiscard]] QStringList barStrategyNames();
//! The parameters a strategy takes, with their defaults.
[[nodiscard]] QMap<QString, double> barStrategyDefaults(const QString &name);
[[nodiscard]] Result<std::unique_ptr<Strategy>> makeBarStrategy(const QString &name, const QMap<QString, double> &params);

} // namespace engine
