#pragma once

#include "engine/backtest/barsource.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <optional>

namespace adapters::storage {

//! Klines downloaded from the exchange, kept in a SQLite file of their own (not the trading
//! journal: this is a cache, and losing it loses nothing). One row per symbol, interval and open
//! time; prices as exact decimal text. Used from one thread.
class KlineCache {
public:
    explicit KlineCache(QString path);
    ~KlineCache();
    KlineCache(const KlineCache &) = delete;
    KlineCache &operator=(const KlineCache &) = delete;

    engine::Result<void> open();
    //! Adds or replaces bars, all in one transaction.
    engine::Result<void> store(const QString &interval, const QList<engine::Candle> &bars);

    struct Coverage {
        qint64 firstMs = 0;
        qint64 lastMs = 0;
        qint64 bars = 0;
    };
    //! What the cache holds of a symbol at an interval; nullopt when nothing.
    [[nodiscard]] std::optional<Coverage> coverage(const QString &symbol, const QString &interval) const;
    //! The cached bars with open times in [fromMs, toMs], oldest first, read as they are replayed.
    [[nodiscard]] std::unique_ptr<engine::BarSource> bars(const QString &symbol, const QString &interval, qint64 fromMs,
                                                          qint64 toMs) const;

private:
    QString m_path;
    QString m_connection;
    QSqlDatabase m_db;
};

} // namespace adapters::storage
