#pragma once

#include "engine/ports/tradestore.h"

#include <QSqlDatabase>
#include <QStringList>

#include <functional>

namespace adapters::storage {

//! Reads the journal on the store thread: the restart snapshot and pages of history.
//! Strict: a row that fails to decode, or a read that stops early, is an error naming the row.
class JournalReader {
public:
    static constexpr int kRecentLimit = 500;
    static constexpr int kEquityLimit = 5000;
    static constexpr int kMaxPageRows = 100000;

    explicit JournalReader(QSqlDatabase db);

    //! Fills every JournalSnapshot field (see tradestore.h). False + error when a query fails.
    bool loadSnapshot(engine::JournalSnapshot *snapshot, QString *error);
    //! Every fill in journal order (see TradeStore::replayFills).
    bool replayFills(const std::function<bool(const engine::Fill &)> &visit, QString *error);
    //! One page, newest first, with the total matching the filter; SQL and row errors go to page.error (JOURNAL_UNREADABLE).
    [[nodiscard]] engine::HistoryPage queryHistory(const engine::HistoryQuery &query);

private:
    bool readOrders(const QString &where, const QString &order, int limit, QList<engine::Order> *out, QString *error);
    bool readFills(QList<engine::Fill> *out, QString *error);
    bool readSignals(QList<engine::Signal> *out, QString *error);
    bool readPositions(QList<engine::Position> *out, QString *error);
    bool readBalances(QHash<QString, engine::Decimal> *out, QString *error);
    bool readEquity(QList<engine::EquityPoint> *out, QString *error);
    bool readSettings(QHash<QString, QString> *out, QString *error);
    bool countFills(qint64 *count, QString *error);

    QSqlDatabase m_db;
};

} // namespace adapters::storage
