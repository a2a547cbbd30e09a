#pragma once

#include "adapters/storage/journalbackups.h"
#include "adapters/storage/pendingwrite.h"
#include "engine/ports/tradestore.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <span>
#include <vector>

class QTimer;

namespace adapters::storage {

class JournalReader;
class JournalWriter;

//! Why the journal could not be opened, so the app can give the right advice.
enum class OpenFailure {
    None,
    Damaged,  // integrity check failed, not a database, empty, tables missing: restore a backup
    InUse,    // another process holds the database
    TooNew,   // written by a newer Memedesk
    Other,    // folder, driver, disk
};

//! Lives on the store thread and owns everything that touches the database there: the
//! connection, the queue of pending writes, the batch timer and the backup timer.
//! SqliteTradeStore is its only user and calls it exclusively on that thread.
class StoreWorker final : public QObject {
    Q_OBJECT
public:
    //! How long high-volume writes (signals, equity, portfolio, settings) wait to share a transaction.
    static constexpr int kBatchIntervalMs = 50;
    //! Wall time between rotating online backups.
    static constexpr qint64 kBackupIntervalMs = 60 * 60 * 1000;

    explicit StoreWorker(QString databasePath, QObject *parent = nullptr);
    ~StoreWorker() override;

    //! Opens the connection (exclusive lock, WAL), runs SQLite's quick integrity check, takes a
    //! backup when one is due, applies migrations and checks every table is there. A damaged
    //! journal is closed again without a single write. Idempotent.
    bool open(QString *error);
    [[nodiscard]] OpenFailure openFailure() const { return m_failure; }
    //! Commits what is queued and removes the connection.
    void close();
    void setSink(engine::TradeStoreSink *sink) { m_sink = sink; }
    //! Exclusive locking (the default) keeps every other connection out while the journal is open;
    //! tests that inspect the file through a second connection turn it off. Call before open().
    void setExclusive(bool exclusive) { m_exclusive = exclusive; }
    //! Inspection (`memedesk journal check`): no WAL switch, no migration, no backup, every write
    //! refused, and SQLite's full integrity check instead of the quick one. Call before open().
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }
    //! 0 turns automatic backups off (tests); otherwise one is taken at open when the newest is older.
    void setBackupInterval(qint64 ms) { m_backupIntervalMs = ms; }
    //! Takes a backup now. False + error.
    bool backupNow(QString *path, QString *error);

    //! Queues a write. Orders and fills are committed as soon as the thread is idle (so a burst
    //! shares one fsync); everything else within kBatchIntervalMs.
    void enqueue(PendingWrite write);
    //! Commits every queued write in call order, then tells the sink about durable orders/fills.
    void commitPending();

    bool loadSnapshot(engine::JournalSnapshot *snapshot, QString *error);
    bool replayFills(const std::function<bool(const engine::Fill &)> &visit, QString *error);
    [[nodiscard]] engine::HistoryPage queryHistory(const engine::HistoryQuery &query);

private:
    bool openConnection(QString *error);
    bool checkStructure(bool beforeMigration, QString *error);
    bool applyBatch(std::span<const PendingWrite> batch, QString *error);
    void acknowledge(const PendingWrite &write);
    void reportFailure(const PendingWrite &write, const QString &message);
    void reportError(const QString &message);
    void noteDamage(const QString &sqlMessage);
    void periodicBackup();
    void removeConnection();

    QString m_path;
    QString m_connectionName;
    QTimer *m_batchTimer = nullptr;  // children: follow the worker to the store thread
    QTimer *m_backupTimer = nullptr;
    bool m_commitQueued = false;
    bool m_damaged = false;
    bool m_exclusive = true;
    bool m_readOnly = false;          // found damaged while running: no more writes
    OpenFailure m_failure = OpenFailure::None;
    qint64 m_backupIntervalMs = kBackupIntervalMs;
    JournalBackups m_backups;
    std::vector<PendingWrite> m_pending;
    std::unique_ptr<JournalWriter> m_writer;
    std::unique_ptr<JournalReader> m_reader;
    engine::TradeStoreSink *m_sink = nullptr;
};

//! True when an SQLite message means the file itself is damaged (not a busy or full disk).
[[nodiscard]] bool isDamageMessage(const QString &sqlMessage);

} // namespace adapters::storage
