#pragma once

#include "engine/backtest/barsource.h"

#include <QString>

#include <memory>

namespace adapters::storage {

//! The candles a recorded demo or live session traded on, read back from its journal (read only,
//! so a running app's journal can be read too) to replay the session through a backtest.
[[nodiscard]] engine::Result<std::unique_ptr<engine::BarSource>> journalBars(const QString &journalPath, const QString &symbol,
                                                                             qint64 fromMs, qint64 toMs);

} // namespace adapters::storage
