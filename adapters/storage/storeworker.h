#pragma once

#include "pendingwrite.h"
#include "ports/tradestore.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <span>
#include <vector>

class QTimer;

namespace adapters::storage {

class JournalReader;
class JournalWriter;

//! Lives on the store thread and owns everything that touches the database there: the
//! connection, the queue of pending writes and the batch timer. SqliteTradeStore is its only
//! user and calls it exclusively on that thread.
class StoreWorker final : public QObject {
    Q_OBJECT
public:
    //! How long high-volume writes (signals, equity, portfolio, settings) wait to share a transaction.
    static constexpr int kBatchIntervalMs = 50;

    explicit StoreWorker(QString databasePath, QObject *parent = nullptr);
    ~StoreWorker() override;

    //! Opens the connection, sets WAL/busy_timeout and applies migrations. Idempotent.
    bool open(QString *error);
    //! Commits what is queued and removes the connection.
    void close();
    void setSink(engine::TradeStoreSink *sink) { m_sink = sink; }

    //! Queues a write. Orders and fills are committed as soon as the thread is idle (so a burst
    //! shares one fsync); everything else within kBatchIntervalMs.
    void enqueue(PendingWrite write);
    //! Commits every queued write in call order, then tells the sink about durable orders/fills.
    void commitPending();

    [[nodiscard]] engine::JournalSnapshot loadSnapshot();
    [[nodiscard]] engine::HistoryPage queryHistory(const engine::HistoryQuery &query);

private:
    bool applyBatch(std::span<const PendingWrite> batch, QString *error);
    void acknowledge(const PendingWrite &write);
    void reportError(const QString &message);
    void reportProblems(const QStringList &problems);
    void removeConnection();

    QString m_path;
    QString m_connectionName;
    QTimer *m_batchTimer = nullptr; // child: follows the worker to the store thread
    bool m_commitQueued = false;
    std::vector<PendingWrite> m_pending;
    std::unique_ptr<JournalWriter> m_writer;
    std::unique_ptr<JournalReader> m_reader;
    engine::TradeStoreSink *m_sink = nullptr;
};

} // namespace adapters::storage
