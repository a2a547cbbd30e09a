#pragma once

// Helpers for the journal tests: a raw second connection, a recording sink, sample orders/fills.

#include "adapters/storage/sqlitetradestore.h"

#include <QMutex>
#include <QTest>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <atomic>
#include <optional>

namespace engine {
// Lets QCOMPARE print decimals (found by argument-dependent lookup).
inline char *toString(const Decimal &d) { return qstrdup(d.toString().toUtf8().constData()); }
} // namespace engine

namespace storetest {

using adapters::storage::SqliteTradeStore;
using engine::Decimal;
using engine::Fill;
using engine::Order;
using engine::OrderStatus;
using engine::Side;


//! The store's snapshot; a load error fails the running test.
inline engine::JournalSnapshot snapshotOf(engine::TradeStore &store)
{
    auto s = store.loadSnapshot();
    if (!s) {
        QTest::qFail(qPrintable(QStringLiteral("loadSnapshot failed: ") + s.error().toString()), __FILE__, __LINE__);
        return {};
    }
    return s.value();
}

inline QString uniqueConnectionName()
{
    static std::atomic<int> n{0};
    return QStringLiteral("test-raw-%1").arg(++n);
}

//! A plain second connection to the journal file, used to look behind the store's back.
class RawDb {
public:
    explicit RawDb(const QString &path)
        : m_name(uniqueConnectionName())
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
        QSqlQuery(db).exec(QStringLiteral("PRAGMA busy_timeout=5000"));
    }
    ~RawDb()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    bool exec(const QString &sql, QString *error = nullptr) const
    {
        QSqlQuery q(db());
        const bool ok = q.exec(sql);
        if (!ok && error)
            *error = q.lastError().text();
        return ok;
    }
    QVariant scalar(const QString &sql) const
    {
        QSqlQuery q(db());
        return q.exec(sql) && q.next() ? q.value(0) : QVariant();
    }
    QStringList column(const QString &sql) const
    {
        QStringList out;
        QSqlQuery q(db());
        q.exec(sql);
        while (q.next())
            out << q.value(0).toString();
        return out;
    }

private:
    QString m_name;
};

//! Records sink calls (made on the store thread). With a path, checks in each durable callback,
//! through a separate connection, that the row is already committed.
class RecordingSink final : public engine::TradeStoreSink {
public:
    explicit RecordingSink(QString checkPath = {})
        : m_checkPath(std::move(checkPath))
    {
    }
    void onOrderDurable(const Order &o) override
    {
        // A later save of the same order may share the transaction, so look for this state in the history.
        const bool visible = committed(QStringLiteral("SELECT COUNT(*) > 0 FROM order_events WHERE client_id = '%1'"
                                                      " AND status = '%2'")
                                           .arg(o.clientId, engine::toString(o.status)),
                                       QStringLiteral("1"));
        QMutexLocker lock(&m_mutex);
        m_events << QStringLiteral("order:%1:%2").arg(o.clientId, engine::toString(o.status));
        if (!visible)
            m_notCommitted << o.clientId;
    }
    void onFillDurable(const Fill &f) override
    {
        const bool visible = committed(QStringLiteral("SELECT fill_id FROM fills WHERE fill_id = '%1'").arg(f.fillId), f.fillId);
        QMutexLocker lock(&m_mutex);
        m_events << QStringLiteral("fill:%1").arg(f.fillId);
        if (!visible)
            m_notCommitted << f.fillId;
    }
    void onOrderNotDurable(const Order &o, const QString &message) override
    {
        QMutexLocker lock(&m_mutex);
        m_errors << message;
        m_notDurable << o.clientId;
    }
    void onFillNotDurable(const Fill &f, const QString &message) override
    {
        QMutexLocker lock(&m_mutex);
        m_errors << message;
        m_notDurable << f.fillId;
    }
    void onStoreError(const QString &message) override
    {
        QMutexLocker lock(&m_mutex);
        m_errors << message;
    }
    QStringList events() const { QMutexLocker lock(&m_mutex); return m_events; }
    QStringList errors() const { QMutexLocker lock(&m_mutex); return m_errors; }
    QStringList notCommitted() const { QMutexLocker lock(&m_mutex); return m_notCommitted; }
    QStringList notDurable() const { QMutexLocker lock(&m_mutex); return m_notDurable; }

private:
    bool committed(const QString &sql, const QString &expected) const
    {
        if (m_checkPath.isEmpty())
            return true;
        RawDb raw(m_checkPath);
        return raw.scalar(sql).toString() == expected;
    }

    QString m_checkPath;
    mutable QMutex m_mutex;
    QStringList m_events;
    QStringList m_errors;
    QStringList m_notCommitted;
    QStringList m_notDurable;
};

inline Order makeOrder(const QString &id, const QString &symbol, Side side, OrderStatus status, qint64 createdMs)
{
    Order o;
    o.clientId = id;
    o.venueOrderId = QStringLiteral("V-") + id;
    o.symbol = symbol;
    o.side = side;
    o.type = engine::OrderType::Limit;
    o.qty = Decimal::fromString("1000000000000000");
    o.limitPrice = Decimal::fromString("0.000000012345678901");
    o.filledQty = Decimal::fromString("0");
    o.avgPrice = Decimal::fromString("0");
    o.fees = Decimal::fromString("0.0000001");
    o.status = status;
    o.strategy = QStringLiteral("momentum_social");
    o.reason = QStringLiteral("score 0.82, 3x mention velocity");
    o.createdMs = createdMs;
    o.updatedMs = createdMs;
    return o;
}

inline Fill makeFill(const QString &id, const QString &symbol, Side side, qint64 tsMs)
{
    Fill f;
    f.fillId = id;
    f.clientId = QStringLiteral("C-") + id;
    f.symbol = symbol;
    f.side = side;
    f.price = Decimal::fromString("0.000000012345678901");
    f.qty = Decimal::fromString("1000000000000000");
    f.fee = Decimal::fromString("0.000123");
    f.feeAsset = QStringLiteral("USDT");
    f.isMaker = true;
    f.tsMs = tsMs;
    return f;
}

inline engine::HistoryPage runQuery(SqliteTradeStore &store, const engine::HistoryQuery &query)
{
    std::optional<engine::HistoryPage> result;
    QMutex mutex;
    store.queryHistory(query, [&](engine::HistoryPage page) {
        QMutexLocker lock(&mutex);
        result = std::move(page);
    });
    // queryHistory answers on the store thread; flush() returns after every earlier call ran.
    store.flush();
    QMutexLocker lock(&mutex);
    return result.value_or(engine::HistoryPage{});
}

} // namespace storetest

