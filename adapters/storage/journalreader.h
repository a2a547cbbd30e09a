#pragma once

#include "ports/tradestore.h"

#include <QSqlDatabase>
#include <QStringList>

namespace adapters::storage {

//! Reads the journal on the store thread: the restart snapshot and pages of history.
//! Rows that fail to decode are skipped and described in `problems`; SQL failures become errors.
class JournalReader {
public:
    static constexpr int kRecentLimit = 500;
    static constexpr int kEquityLimit = 5000;
    static constexpr int kMaxPageRows = 100000;

    explicit JournalReader(QSqlDatabase db);

    //! Fills every JournalSnapshot field (see tradestore.h). False + error when a query fails.
    bool loadSnapshot(engine::JournalSnapshot *snapshot, QStringList *problems, QString *error);
    //! One page, newest first, with the total matching the filter; SQL errors go to page.error.
    [[nodiscard]] engine::HistoryPage queryHistory(const engine::HistoryQuery &query, QStringList *problems);

private:
    bool readOrders(const QString &where, const QString &order, int limit, QList<engine::Order> *out,
                    QStringList *problems, QString *error);
    bool readFills(QList<engine::Fill> *out, QStringList *problems, QString *error);
    bool readSignals(QList<engine::Signal> *out, QStringList *problems, QString *error);
    bool readPositions(QList<engine::Position> *out, QStringList *problems, QString *error);
    bool readBalances(QHash<QString, engine::Decimal> *out, QStringList *problems, QString *error);
    bool readEquity(QList<engine::EquityPoint> *out, QStringList *problems, QString *error);
    bool readSettings(QHash<QString, QString> *out, QString *error);
    bool countFills(qint64 *count, QString *error);

    QSqlDatabase m_db;
};

} // namespace adapters::storage
