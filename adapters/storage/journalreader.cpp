#include "adapters/storage/journalreader.h"

#include "adapters/storage/rowdecoder.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace adapters::storage {

namespace {

// Column lists shared by the snapshot and history readers; the decoders below use these positions.
const QString kOrderColumns = QStringLiteral(
    "client_id, venue_order_id, symbol, side, type, qty, limit_price, filled_qty, avg_price, fees, status,"
    " reduce_only, strategy, reason, created_ms, updated_ms, mode, time_in_force, quote_qty");
const QString kFillColumns =
    QStringLiteral("fill_id, client_id, symbol, side, price, qty, fee, fee_asset, is_maker, ts_ms, fee_value");

QString sqlError(const QSqlQuery &query)
{
    const QSqlError e = query.lastError();
    const QString text = e.databaseText().isEmpty() ? e.text() : e.databaseText();
    return text.isEmpty() ? QStringLiteral("unknown SQL error") : text;
}

bool runSelect(QSqlQuery &q, const QString &sql, const QVariantList &binds, QString *error)
{
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        *error = sqlError(q);
        return false;
    }
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec()) {
        *error = sqlError(q);
        return false;
    }
    return true;
}

// next() returns false both at the end and on a read error (a damaged page); tell them apart.
bool finished(const QSqlQuery &q, QString *error)
{
    if (q.lastError().type() == QSqlError::NoError)
        return true;
    *error = QStringLiteral("reading stopped early: %1").arg(sqlError(q));
    return false;
}

bool decodeOrder(const QSqlQuery &q, engine::Order *o, QString *problem)
{
    RowDecoder r(q, QStringLiteral("orders"), 0);
    o->clientId = r.text(0);
    o->venueOrderId = r.text(1);
    o->symbol = r.text(2);
    o->side = r.side(3);
    o->type = r.orderType(4);
    o->qty = r.decimal(5);
    o->limitPrice = r.decimal(6);
    o->filledQty = r.decimal(7);
    o->avgPrice = r.decimal(8);
    o->fees = r.decimal(9);
    o->status = r.orderStatus(10);
    o->reduceOnly = r.flag(11);
    o->strategy = r.text(12);
    o->reason = r.text(13);
    o->createdMs = r.integer(14);
    o->updatedMs = r.integer(15);
    o->mode = r.tradingMode(16);
    o->timeInForce = r.timeInForce(17);
    o->quoteQty = r.decimal(18);
    *problem = r.problem();
    return r.ok();
}

bool decodeFill(const QSqlQuery &q, engine::Fill *f, QString *problem)
{
    RowDecoder r(q, QStringLiteral("fills"), 0);
    f->fillId = r.text(0);
    f->clientId = r.text(1);
    f->symbol = r.text(2);
    f->side = r.side(3);
    f->price = r.decimal(4);
    f->qty = r.decimal(5);
    f->fee = r.decimal(6);
    f->feeAsset = r.text(7);
    f->isMaker = r.flag(8);
    f->tsMs = r.integer(9);
    f->feeValue = r.decimal(10);
    *problem = r.problem();
    return r.ok();
}

// Strict: the first row that cannot be decoded ends the read with an error naming it, so a
// damaged journal is never mistaken for a shorter one.
template<class T, class Decode>
bool collect(QSqlQuery &q, QList<T> *out, QString *error, Decode decode)
{
    while (q.next()) {
        T value;
        if (!decode(q, &value, error))
            return false;
        out->append(std::move(value));
    }
    return finished(q, error);
}

} // namespace

JournalReader::JournalReader(QSqlDatabase db)
    : m_db(std::move(db))
{
}

bool JournalReader::loadSnapshot(engine::JournalSnapshot *s, QString *error)
{
    // Non-terminal statuses come from the engine's own definition so the two never disagree.
    QStringList open;
    for (auto st : {engine::OrderStatus::New, engine::OrderStatus::Accepted, engine::OrderStatus::PartiallyFilled,
                    engine::OrderStatus::Filled, engine::OrderStatus::Cancelled, engine::OrderStatus::Rejected,
                    engine::OrderStatus::Expired, engine::OrderStatus::Unknown}) {
        if (!engine::isTerminal(st))
            open << QLatin1Char('\'') + engine::toString(st) + QLatin1Char('\'');
    }
    *s = engine::JournalSnapshot{};
    return readOrders(QStringLiteral("status IN (%1)").arg(open.join(QLatin1Char(','))),
                      QStringLiteral("created_ms ASC, rowid ASC"), -1, &s->openOrders, error)
        && readOrders(QString(), QStringLiteral("created_ms DESC, rowid DESC"), kRecentLimit, &s->recentOrders,
                      error)
        && readFills(&s->recentFills, error) && readSignals(&s->recentSignals, error)
        && readPositions(&s->positions, error) && readBalances(&s->balances, error)
        && readEquity(&s->equity, error) && readSettings(&s->settings, error)
        && countFills(&s->fillCount, error);
}

bool JournalReader::readOrders(const QString &where, const QString &order, int limit, QList<engine::Order> *out,
                               QString *error)
{
    QString sql = QStringLiteral("SELECT %1 FROM orders").arg(kOrderColumns);
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where;
    sql += QStringLiteral(" ORDER BY ") + order;
    if (limit >= 0)
        sql += QStringLiteral(" LIMIT %1").arg(limit);
    QSqlQuery q(m_db);
    if (!runSelect(q, sql, {}, error))
        return false;
    return collect(q, out, error, decodeOrder);
}

bool JournalReader::readFills(QList<engine::Fill> *out, QString *error)
{
    QSqlQuery q(m_db);
    if (!runSelect(q,
                   QStringLiteral("SELECT %1 FROM fills ORDER BY ts_ms DESC, rowid DESC LIMIT %2")
                       .arg(kFillColumns)
                       .arg(kRecentLimit),
                   {}, error))
        return false;
    return collect(q, out, error, decodeFill);
}

bool JournalReader::readSignals(QList<engine::Signal> *out, QString *error)
{
    QSqlQuery q(m_db);
    if (!runSelect(q,
                   QStringLiteral("SELECT id, ts_ms, symbol, price, score, action, momentum, rsi, volume_z,"
                                  " mention_velocity, sentiment, unique_authors, liquidity_change, liquidity_pulled,"
                                  " explanation FROM signals ORDER BY ts_ms DESC, id DESC LIMIT %1")
                       .arg(kRecentLimit),
                   {}, error))
        return false;
    return collect(q, out, error, [](const QSqlQuery &row, engine::Signal *s, QString *problem) {
        RowDecoder r(row, QStringLiteral("signals"), 0);
        s->tsMs = r.integer(1);
        s->symbol = r.text(2);
        s->price = r.decimal(3);
        s->score = r.real(4);
        s->action = r.text(5);
        s->momentum = r.real(6);
        s->rsi = r.real(7);
        s->volumeZ = r.real(8);
        s->mentionVelocity = r.real(9);
        s->sentiment = r.real(10);
        s->uniqueAuthors = static_cast<int>(r.integer(11));
        s->liquidityChange = r.real(12);
        s->liquidityPulled = r.flag(13);
        s->explanation = r.text(14);
        *problem = r.problem();
        return r.ok();
    });
}

bool JournalReader::readPositions(QList<engine::Position> *out, QString *error)
{
    QSqlQuery q(m_db);
    if (!runSelect(q,
                   QStringLiteral("SELECT symbol, qty, avg_price, realized_pnl, fees, last_price, peak_price, opened_ms,"
                                  " cost_basis FROM positions ORDER BY symbol"),
                   {}, error))
        return false;
    return collect(q, out, error, [](const QSqlQuery &row, engine::Position *p, QString *problem) {
        RowDecoder r(row, QStringLiteral("positions"), 0);
        p->symbol = r.text(0);
        p->qty = r.decimal(1);
        p->avgPrice = r.decimal(2);
        p->realizedPnl = r.decimal(3);
        p->fees = r.decimal(4);
        p->lastPrice = r.decimal(5);
        p->peakPrice = r.decimal(6);
        p->openedMs = r.integer(7);
        p->costBasis = r.decimal(8);
        *problem = r.problem();
        return r.ok();
    });
}

bool JournalReader::readBalances(QHash<QString, engine::Decimal> *out, QString *error)
{
    QSqlQuery q(m_db);
    if (!runSelect(q, QStringLiteral("SELECT asset, free FROM balances"), {}, error))
        return false;
    while (q.next()) {
        RowDecoder r(q, QStringLiteral("balances"), 0);
        const engine::Decimal free = r.decimal(1);
        if (!r.ok()) {
            *error = r.problem();
            return false;
        }
        out->insert(r.text(0), free);
    }
    return finished(q, error);
}

bool JournalReader::readEquity(QList<engine::EquityPoint> *out, QString *error)
{
    QSqlQuery q(m_db);
    // The newest points, handed back oldest first for the chart.
    if (!runSelect(q,
                   QStringLiteral("SELECT id, ts_ms, equity, cash FROM (SELECT id, ts_ms, equity, cash FROM equity"
                                  " ORDER BY ts_ms DESC, id DESC LIMIT %1) ORDER BY ts_ms ASC, id ASC")
                       .arg(kEquityLimit),
                   {}, error))
        return false;
    return collect(q, out, error, [](const QSqlQuery &row, engine::EquityPoint *e, QString *problem) {
        RowDecoder r(row, QStringLiteral("equity"), 0);
        e->tsMs = r.integer(1);
        e->equity = r.decimal(2);
        e->cash = r.decimal(3);
        *problem = r.problem();
        return r.ok();
    });
}

bool JournalReader::readSettings(QHash<QString, QString> *out, QString *error)
{
    QSqlQuery q(m_db);
    if (!runSelect(q, QStringLiteral("SELECT key, value FROM settings"), {}, error))
        return false;
    while (q.next())
        out->insert(q.value(0).toString(), q.value(1).toString());
    return finished(q, error);
}

bool JournalReader::countFills(qint64 *count, QString *error)
{
    QSqlQuery q(m_db);
    if (!runSelect(q, QStringLiteral("SELECT COUNT(*) FROM fills"), {}, error))
        return false;
    *count = q.next() ? q.value(0).toLongLong() : 0;
    return true;
}

bool JournalReader::replayFills(const std::function<bool(const engine::Fill &)> &visit, QString *error)
{
    QSqlQuery q(m_db);
    // rowid order is the order the engine applied them in (each fill is its own transaction).
    if (!runSelect(q, QStringLiteral("SELECT %1 FROM fills ORDER BY rowid ASC").arg(kFillColumns), {}, error))
        return false;
    while (q.next()) {
        engine::Fill fill;
        if (!decodeFill(q, &fill, error))
            return false;
        if (!visit(fill))
            return true;
    }
    return finished(q, error);
}

engine::HistoryPage JournalReader::queryHistory(const engine::HistoryQuery &query)
{
    engine::HistoryPage page;
    page.query = query;
    const bool orders = query.kind == engine::HistoryQuery::Kind::Orders;
    const QString table = orders ? QStringLiteral("orders") : QStringLiteral("fills");
    const QString ts = orders ? QStringLiteral("created_ms") : QStringLiteral("ts_ms");

    // Every filter is a bound value; only fixed column names are pasted into the SQL.
    QStringList where;
    QVariantList binds;
    if (!query.symbol.isEmpty()) {
        where << QStringLiteral("symbol = ?");
        binds << query.symbol;
    }
    if (query.side) {
        where << QStringLiteral("side = ?");
        binds << engine::toString(*query.side);
    }
    if (query.fromMs > 0) {
        where << ts + QStringLiteral(" >= ?");
        binds << query.fromMs;
    }
    if (query.toMs > 0) {
        where << ts + QStringLiteral(" <= ?");
        binds << query.toMs;
    }
    const QString whereSql = where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));

    QSqlQuery count(m_db);
    QString why;
    const auto failed = [&page](const QString &detail) {
        page.error = engine::Error{QLatin1String(engine::errors::kJournalUnreadable), QStringLiteral("History query failed: ") + detail};
    };
    if (!runSelect(count, QStringLiteral("SELECT COUNT(*) FROM ") + table + whereSql, binds, &why)) {
        failed(why);
        return page;
    }
    page.total = count.next() ? count.value(0).toLongLong() : 0;
    count.finish();

    const int limit = std::min(query.limit, kMaxPageRows);
    if (limit <= 0 || query.offset >= page.total)
        return page;
    QVariantList pageBinds = binds;
    pageBinds << limit << std::max(query.offset, 0);
    QSqlQuery rows(m_db);
    const QString sql = QStringLiteral("SELECT %1 FROM %2%3 ORDER BY %4 DESC, rowid DESC LIMIT ? OFFSET ?")
                            .arg(orders ? kOrderColumns : kFillColumns, table, whereSql, ts);
    if (!runSelect(rows, sql, pageBinds, &why)) {
        failed(why);
        return page;
    }
    QString rowError;
    const bool read = orders ? collect(rows, &page.orders, &rowError, decodeOrder)
                             : collect(rows, &page.fills, &rowError, decodeFill);
    if (!read) {
        page.orders.clear();
        page.fills.clear();
        failed(rowError);
    }
    return page;
}

} // namespace adapters::storage
