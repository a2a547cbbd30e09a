#pragma once

#include "engine/ports/tradestore.h"
#include "adapters/storage/storeworker.h"

#include <QString>
#include <QThread>

namespace adapters::storage {

//! The journal in an SQLite file (WAL mode), written on its own thread.
//!
//! Writes return at once and are applied on the store thread in call order; orders and fills are
//! committed with synchronous=FULL before TradeStoreSink::onOrderDurable/onFillDurable is called
//! (on the store thread), high-volume writes share one transaction per StoreWorker::kBatchIntervalMs.
//! open(), loadSnapshot() and flush() block and may be called from any thread except the store
//! thread's sink callbacks (where they run directly). Destroy it from any thread but the store thread.
class SqliteTradeStore final : public engine::TradeStore {
public:
    //! `databasePath` is the SQLite file; its folder is created on open() if needed.
    explicit SqliteTradeStore(QString databasePath);
    //! Commits everything queued, closes the connection and stops the thread.
    ~SqliteTradeStore() override;

    SqliteTradeStore(const SqliteTradeStore &) = delete;
    SqliteTradeStore &operator=(const SqliteTradeStore &) = delete;

    engine::Result<void> open() override;
    engine::Result<engine::JournalSnapshot> loadSnapshot() override;
    engine::Result<void> replayFills(const std::function<bool(const engine::Fill &)> &visit) override;
    //! Takes effect before the next write is applied; no callbacks reach the old sink after it returns.
    void setStoreSink(engine::TradeStoreSink *sink) override;
    void saveOrder(const engine::Order &order) override;
    void saveFill(const engine::Fill &fill) override;
    void saveFillChange(const engine::FillChange &change) override;
    void savePortfolio(const QList<engine::Position> &positions, const QHash<QString, engine::Decimal> &balances,
                       const QHash<QString, QString> &settings = {}) override;
    void saveSignal(const engine::Signal &signal) override;
    void saveEquity(const engine::EquityPoint &point) override;
    void saveCandle(const engine::Candle &candle) override;
    void saveSetting(const QString &key, const QString &value) override;
    void queryHistory(const engine::HistoryQuery &query, std::function<void(engine::HistoryPage)> done) override;
    void flush() override;

    [[nodiscard]] QString databasePath() const { return m_path; }
    //! Takes an online backup now (blocking; see JournalBackups): its path, or BACKUP_FAILED.
    engine::Result<QString> backupNow();
    //! Wall time between automatic backups; 0 = none. Call before open().
    void setBackupInterval(qint64 ms);
    //! See StoreWorker::setExclusive / setReadOnly. Call before open().
    void setExclusive(bool exclusive);
    void setReadOnly(bool readOnly);

private:
    template<class F>
    void runBlocking(F &&function) const;
    template<class F>
    void post(F &&function);

    QString m_path;
    QThread m_thread;
    StoreWorker *m_worker = nullptr; // lives on m_thread, deleted there when it finishes
};

} // namespace adapters::storage
