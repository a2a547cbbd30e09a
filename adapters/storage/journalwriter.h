#pragma once

#include "adapters/storage/pendingwrite.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <optional>

namespace adapters::storage {

//! Turns queued writes into SQL on the store thread's connection. Statements are prepared once;
//! the caller groups writes into transactions (StoreWorker decides when to commit).
class JournalWriter {
public:
    explicit JournalWriter(QSqlDatabase db);

    //! BEGIN IMMEDIATE: takes the write lock up front so busy_timeout applies instead of a late SQLITE_BUSY.
    bool begin(QString *error);
    bool commit(QString *error);
    void rollback();
    //! synchronous=FULL for transactions that hold orders/fills (durable before acknowledged), NORMAL otherwise.
    bool setDurable(bool full, QString *error);

    //! Applies one write inside the open transaction. False + readable error on failure.
    bool apply(const PendingWrite &write, QString *error);

    //! Short label for error messages ("order C-17", "fill F-9"); never contains setting values.
    [[nodiscard]] static QString describe(const PendingWrite &write);

private:
    bool prepare(QSqlQuery &query, const char *sql, QString *error);
    bool run(QSqlQuery &query, QString *error);
    bool writeOrder(const engine::Order &order, QString *error);
    bool writeFill(const engine::Fill &fill, QString *error);
    bool writeFillChange(const engine::FillChange &change, QString *error);
    bool writePortfolio(const PortfolioWrite &portfolio, QString *error);
    bool writeSignal(const engine::Signal &signal, QString *error);
    bool writeEquity(const engine::EquityPoint &point, QString *error);
    bool writeCandle(const engine::Candle &candle, QString *error);
    bool writeSetting(const SettingWrite &setting, QString *error);

    QSqlDatabase m_db;
    QSqlQuery m_orderPrevious;
    QSqlQuery m_orderUpsert;
    QSqlQuery m_orderEvent;
    QSqlQuery m_fillInsert;
    QSqlQuery m_positionUpsert;
    QSqlQuery m_balanceUpsert;
    QSqlQuery m_signalInsert;
    QSqlQuery m_equityInsert;
    QSqlQuery m_candleInsert;
    QSqlQuery m_settingUpsert;
    std::optional<bool> m_durable; // current synchronous mode, to skip redundant PRAGMAs
};

} // namespace adapters::storage
