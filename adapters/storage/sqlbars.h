#pragma once

#include "engine/backtest/barsource.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

namespace adapters::storage {

//! Bars read from a SQL query as they are replayed (forward only). The query returns
//! `open_time_ms, open, high, low, close, volume, interval_sec` in time order, prices as decimal
//! text; every value is checked as it is read (BAR_DATA_INVALID names the bar), and a query with
//! no row at all is an error too.
class SqlBars final : public engine::BarSource {
public:
    SqlBars(const QSqlDatabase &db, QString symbol, const QString &sql, const QVariantList &binds);
    engine::Result<bool> next(engine::Candle &bar) override;

private:
    QSqlQuery m_query;
    QString m_symbol;
    bool m_ok = false;
    qint64 m_rows = 0;
};

} // namespace adapters::storage
