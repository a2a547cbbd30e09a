#include "adapters/storage/journalwriter.h"

#include <QSqlError>
#include <QVariant>

#include <cmath>

namespace adapters::storage {

namespace {

QString sqlError(const QSqlQuery &query)
{
    const QSqlError e = query.lastError();
    const QString text = e.databaseText().isEmpty() ? e.text() : e.databaseText();
    return text.isEmpty() ? QStringLiteral("unknown SQL error") : text;
}

QString dec(const engine::Decimal &d) { return d.toString(); }

// Qt binds a null QString as SQL NULL, which the NOT NULL text columns refuse; an absent
// venue id, reason or action is simply empty text.
QString txt(const QString &s) { return s.isNull() ? QStringLiteral("") : s; }

// SQLite stores NaN as NULL, which the NOT NULL model columns refuse; a NaN score carries no information.
double real(double v) { return std::isnan(v) ? 0.0 : v; }

template<class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template<class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

} // namespace

JournalWriter::JournalWriter(QSqlDatabase db)
    : m_db(std::move(db))
    , m_orderPrevious(m_db)
    , m_orderUpsert(m_db)
    , m_orderEvent(m_db)
    , m_fillInsert(m_db)
    , m_positionUpsert(m_db)
    , m_balanceUpsert(m_db)
    , m_signalInsert(m_db)
    , m_equityInsert(m_db)
    , m_candleInsert(m_db)
    , m_settingUpsert(m_db)
{
}

bool JournalWriter::prepare(QSqlQuery &query, const char *sql, QString *error)
{
    // Prepared on first use: the tables only exist once the migrations have run.
    if (!query.lastQuery().isEmpty())
        return true;
    if (query.prepare(QString::fromLatin1(sql)))
        return true;
    *error = QStringLiteral("cannot prepare statement: %1").arg(sqlError(query));
    query = QSqlQuery(m_db);
    return false;
}

bool JournalWriter::run(QSqlQuery &query, QString *error)
{
    if (query.exec())
        return true;
    *error = sqlError(query);
    return false;
}

bool JournalWriter::begin(QString *error)
{
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return true;
    *error = sqlError(q);
    return false;
}

bool JournalWriter::commit(QString *error)
{
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("COMMIT")))
        return true;
    *error = sqlError(q);
    return false;
}

void JournalWriter::rollback()
{
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("ROLLBACK")); // fails harmlessly when SQLite already rolled back
}

bool JournalWriter::setDurable(bool full, QString *error)
{
    if (m_durable == full)
        return true;
    QSqlQuery q(m_db);
    if (!q.exec(full ? QStringLiteral("PRAGMA synchronous=FULL") : QStringLiteral("PRAGMA synchronous=NORMAL"))) {
        *error = sqlError(q);
        return false;
    }
    m_durable = full;
    return true;
}

bool JournalWriter::apply(const PendingWrite &write, QString *error)
{
    return std::visit(Overloaded{
                          [&](const engine::Order &o) { return writeOrder(o, error); },
                          [&](const engine::Fill &f) { return writeFill(f, error); },
                          [&](const engine::FillChange &c) { return writeFillChange(c, error); },
                          [&](const PortfolioWrite &p) { return writePortfolio(p, error); },
                          [&](const engine::Signal &s) { return writeSignal(s, error); },
                          [&](const engine::EquityPoint &e) { return writeEquity(e, error); },
                          [&](const SettingWrite &s) { return writeSetting(s, error); },
                          [&](const engine::Candle &c) { return writeCandle(c, error); },
                      },
                      write);
}

QString JournalWriter::describe(const PendingWrite &write)
{
    return std::visit(Overloaded{
                          [](const engine::Order &o) { return QStringLiteral("order %1").arg(o.clientId); },
                          [](const engine::Fill &f) { return QStringLiteral("fill %1").arg(f.fillId); },
                          [](const engine::FillChange &c) {
                              return QStringLiteral("fill %1 of order %2").arg(c.fill.fillId, c.order.clientId);
                          },
                          [](const PortfolioWrite &) { return QStringLiteral("portfolio"); },
                          [](const engine::Signal &s) { return QStringLiteral("signal %1").arg(s.symbol); },
                          [](const engine::EquityPoint &) { return QStringLiteral("equity point"); },
                          [](const SettingWrite &s) { return QStringLiteral("setting '%1'").arg(s.key); },
                          [](const engine::Candle &c) { return QStringLiteral("candle %1 %2").arg(c.symbol).arg(c.openTimeMs); },
                      },
                      write);
}

bool JournalWriter::writeOrder(const engine::Order &o, QString *error)
{
    if (!prepare(m_orderPrevious, "SELECT status, filled_qty FROM orders WHERE client_id = ?", error)
        || !prepare(m_orderUpsert,
                    "INSERT INTO orders (client_id, venue_order_id, symbol, side, type, qty, limit_price, filled_qty,"
                    " avg_price, fees, status, reduce_only, strategy, reason, created_ms, updated_ms, mode, time_in_force,"
                    " quote_qty) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT (client_id) DO UPDATE SET venue_order_id = excluded.venue_order_id,"
                    " symbol = excluded.symbol, side = excluded.side, type = excluded.type, qty = excluded.qty,"
                    " limit_price = excluded.limit_price, filled_qty = excluded.filled_qty,"
                    " avg_price = excluded.avg_price, fees = excluded.fees, status = excluded.status,"
                    " reduce_only = excluded.reduce_only, strategy = excluded.strategy, reason = excluded.reason,"
                    " created_ms = excluded.created_ms, updated_ms = excluded.updated_ms, mode = excluded.mode,"
                    " time_in_force = excluded.time_in_force, quote_qty = excluded.quote_qty",
                    error)
        || !prepare(m_orderEvent,
                    "INSERT INTO order_events (client_id, ts_ms, status, filled_qty, avg_price, venue_order_id, reason)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    error))
        return false;
    if (o.clientId.isEmpty()) {
        *error = QStringLiteral("order without a client id");
        return false;
    }
    const QString status = engine::toString(o.status);
    const QString filled = dec(o.filledQty);

    m_orderPrevious.addBindValue(txt(o.clientId));
    if (!run(m_orderPrevious, error))
        return false;
    // The history only grows when something a trader cares about changed, not on every re-save.
    bool changed = true;
    if (m_orderPrevious.next())
        changed = m_orderPrevious.value(0).toString() != status || m_orderPrevious.value(1).toString() != filled;
    m_orderPrevious.finish();

    m_orderUpsert.addBindValue(txt(o.clientId));
    m_orderUpsert.addBindValue(txt(o.venueOrderId));
    m_orderUpsert.addBindValue(txt(o.symbol));
    m_orderUpsert.addBindValue(engine::toString(o.side));
    m_orderUpsert.addBindValue(engine::toString(o.type));
    m_orderUpsert.addBindValue(dec(o.qty));
    m_orderUpsert.addBindValue(dec(o.limitPrice));
    m_orderUpsert.addBindValue(filled);
    m_orderUpsert.addBindValue(dec(o.avgPrice));
    m_orderUpsert.addBindValue(dec(o.fees));
    m_orderUpsert.addBindValue(status);
    m_orderUpsert.addBindValue(o.reduceOnly ? 1 : 0);
    m_orderUpsert.addBindValue(txt(o.strategy));
    m_orderUpsert.addBindValue(txt(o.reason));
    m_orderUpsert.addBindValue(o.createdMs);
    m_orderUpsert.addBindValue(o.updatedMs);
    m_orderUpsert.addBindValue(engine::toString(o.mode));
    m_orderUpsert.addBindValue(engine::toString(o.timeInForce));
    m_orderUpsert.addBindValue(dec(o.quoteQty));
    if (!run(m_orderUpsert, error))
        return false;
    if (!changed)
        return true;
    m_orderEvent.addBindValue(txt(o.clientId));
    m_orderEvent.addBindValue(o.updatedMs != 0 ? o.updatedMs : o.createdMs);
    m_orderEvent.addBindValue(status);
    m_orderEvent.addBindValue(filled);
    m_orderEvent.addBindValue(dec(o.avgPrice));
    m_orderEvent.addBindValue(txt(o.venueOrderId));
    m_orderEvent.addBindValue(txt(o.reason));
    return run(m_orderEvent, error);
}

bool JournalWriter::writeFill(const engine::Fill &f, QString *error)
{
    // Venues replay fills after reconnects; the primary key makes a replay a no-op.
    if (!prepare(m_fillInsert,
                 "INSERT INTO fills (fill_id, client_id, symbol, side, price, qty, fee, fee_asset, is_maker, ts_ms, fee_value)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (fill_id) DO NOTHING",
                 error))
        return false;
    if (f.fillId.isEmpty()) {
        *error = QStringLiteral("fill without a fill id");
        return false;
    }
    m_fillInsert.addBindValue(txt(f.fillId));
    m_fillInsert.addBindValue(txt(f.clientId));
    m_fillInsert.addBindValue(txt(f.symbol));
    m_fillInsert.addBindValue(engine::toString(f.side));
    m_fillInsert.addBindValue(dec(f.price));
    m_fillInsert.addBindValue(dec(f.qty));
    m_fillInsert.addBindValue(dec(f.fee));
    m_fillInsert.addBindValue(txt(f.feeAsset));
    m_fillInsert.addBindValue(f.isMaker ? 1 : 0);
    m_fillInsert.addBindValue(f.tsMs);
    m_fillInsert.addBindValue(dec(f.feeValue));
    return run(m_fillInsert, error);
}

bool JournalWriter::writeFillChange(const engine::FillChange &c, QString *error)
{
    // All three inside the caller's transaction: either the fill and everything it changed are
    // journaled, or none of it is.
    return writeFill(c.fill, error) && writeOrder(c.order, error)
        && writePortfolio(PortfolioWrite{c.positions, c.balances, c.settings}, error);
}

bool JournalWriter::writePortfolio(const PortfolioWrite &p, QString *error)
{
    for (auto it = p.settings.cbegin(); it != p.settings.cend(); ++it) {
        if (!writeSetting(SettingWrite{it.key(), it.value()}, error))
            return false;
    }
    // Upserts only: positions are kept for every symbol ever traded, and an asset the engine
    // stops mentioning keeps its last known balance rather than vanishing.
    if (!prepare(m_positionUpsert,
                 "INSERT INTO positions (symbol, qty, avg_price, realized_pnl, fees, last_price, peak_price, opened_ms,"
                 " cost_basis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (symbol) DO UPDATE SET qty = excluded.qty,"
                 " avg_price = excluded.avg_price, realized_pnl = excluded.realized_pnl, fees = excluded.fees,"
                 " last_price = excluded.last_price, peak_price = excluded.peak_price, opened_ms = excluded.opened_ms,"
                 " cost_basis = excluded.cost_basis",
                 error)
        || !prepare(m_balanceUpsert,
                    "INSERT INTO balances (asset, free) VALUES (?, ?)"
                    " ON CONFLICT (asset) DO UPDATE SET free = excluded.free",
                    error))
        return false;
    for (const engine::Position &pos : p.positions) {
        m_positionUpsert.addBindValue(txt(pos.symbol));
        m_positionUpsert.addBindValue(dec(pos.qty));
        m_positionUpsert.addBindValue(dec(pos.avgPrice));
        m_positionUpsert.addBindValue(dec(pos.realizedPnl));
        m_positionUpsert.addBindValue(dec(pos.fees));
        m_positionUpsert.addBindValue(dec(pos.lastPrice));
        m_positionUpsert.addBindValue(dec(pos.peakPrice));
        m_positionUpsert.addBindValue(pos.openedMs);
        m_positionUpsert.addBindValue(dec(pos.costBasis));
        if (!run(m_positionUpsert, error))
            return false;
    }
    for (auto it = p.balances.cbegin(); it != p.balances.cend(); ++it) {
        m_balanceUpsert.addBindValue(txt(it.key()));
        m_balanceUpsert.addBindValue(dec(it.value()));
        if (!run(m_balanceUpsert, error))
            return false;
    }
    return true;
}

bool JournalWriter::writeSignal(const engine::Signal &s, QString *error)
{
    if (!prepare(m_signalInsert,
                 "INSERT INTO signals (ts_ms, symbol, price, score, action, momentum, rsi, volume_z, mention_velocity,"
                 " sentiment, unique_authors, liquidity_change, liquidity_pulled, explanation)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 error))
        return false;
    m_signalInsert.addBindValue(s.tsMs);
    m_signalInsert.addBindValue(txt(s.symbol));
    m_signalInsert.addBindValue(dec(s.price));
    m_signalInsert.addBindValue(real(s.score));
    m_signalInsert.addBindValue(txt(s.action));
    m_signalInsert.addBindValue(real(s.momentum));
    m_signalInsert.addBindValue(real(s.rsi));
    m_signalInsert.addBindValue(real(s.volumeZ));
    m_signalInsert.addBindValue(real(s.mentionVelocity));
    m_signalInsert.addBindValue(real(s.sentiment));
    m_signalInsert.addBindValue(s.uniqueAuthors);
    m_signalInsert.addBindValue(real(s.liquidityChange));
    m_signalInsert.addBindValue(s.liquidityPulled ? 1 : 0);
    m_signalInsert.addBindValue(txt(s.explanation));
    return run(m_signalInsert, error);
}

bool JournalWriter::writeEquity(const engine::EquityPoint &e, QString *error)
{
    if (!prepare(m_equityInsert, "INSERT INTO equity (ts_ms, equity, cash) VALUES (?, ?, ?)", error))
        return false;
    m_equityInsert.addBindValue(e.tsMs);
    m_equityInsert.addBindValue(dec(e.equity));
    m_equityInsert.addBindValue(dec(e.cash));
    return run(m_equityInsert, error);
}

bool JournalWriter::writeCandle(const engine::Candle &c, QString *error)
{
    // A candle seen twice (a replay after a reconnect) is kept once.
    if (!prepare(m_candleInsert,
                 "INSERT OR IGNORE INTO candles (symbol, interval_sec, open_time_ms, open, high, low, close, volume)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                 error))
        return false;
    m_candleInsert.addBindValue(txt(c.symbol));
    m_candleInsert.addBindValue(c.intervalSec);
    m_candleInsert.addBindValue(c.openTimeMs);
    m_candleInsert.addBindValue(dec(c.open));
    m_candleInsert.addBindValue(dec(c.high));
    m_candleInsert.addBindValue(dec(c.low));
    m_candleInsert.addBindValue(dec(c.close));
    m_candleInsert.addBindValue(dec(c.volume));
    return run(m_candleInsert, error);
}

bool JournalWriter::writeSetting(const SettingWrite &s, QString *error)
{
    if (!prepare(m_settingUpsert,
                 "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                 error))
        return false;
    m_settingUpsert.addBindValue(txt(s.key));
    m_settingUpsert.addBindValue(txt(s.value));
    return run(m_settingUpsert, error);
}

} // namespace adapters::storage
