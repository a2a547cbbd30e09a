#pragma once

#include "engine/backtest/barsource.h"

#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>

namespace app {

//! Bars from Binance for a backtest: what the local kline cache (a SQLite file) lacks of each
//! symbol in [fromMs, toMs] is downloaded first (public REST, paged, `progress` told each page),
//! then the bars are replayed from the cache in time order. Blocks in a local event loop while it
//! downloads; run it before the replay, not inside one.
struct BinanceBarsRequest {
    QStringList symbols;
    QString interval = QStringLiteral("1h");
    qint64 fromMs = 0;
    qint64 toMs = 0;
    QString cachePath;
    QUrl restUrl = QUrl(QStringLiteral("https://api.binance.com"));
};

[[nodiscard]] engine::Result<std::unique_ptr<engine::BarSource>>
binanceBars(const BinanceBarsRequest &request, const std::function<void(const QString &symbol, qint64 bars)> &progress = {});

} // namespace app
