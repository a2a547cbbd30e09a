#pragma once

#include "core/fill.h"
#include "core/order.h"
#include "core/position.h"
#include "core/signal.h"

#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace engine {

//! What the journal holds at start: enough to restore the engine after a restart.
struct JournalSnapshot {
    QList<Order> openOrders;             // non-terminal orders, to reconcile
    QList<Order> recentOrders;           // newest first, for the UI (<= 500)
    QList<Fill> recentFills;             // newest first (<= 500)
    QList<Signal> recentSignals;         // newest first (<= 500)
    QList<Position> positions;           // every symbol ever traded, open or not
    QHash<QString, Decimal> balances;    // asset -> free balance
    QList<EquityPoint> equity;           // oldest first (<= 5000)
    QHash<QString, QString> settings;
    qint64 fillCount = 0;
};

//! A page of history for the History view and exports.
struct HistoryQuery {
    enum class Kind { Orders, Fills };
    Kind kind = Kind::Fills;
    QString symbol;           // empty = all
    std::optional<Side> side; // nullopt = both
    qint64 fromMs = 0;        // 0 = open
    qint64 toMs = 0;          // 0 = open
    int offset = 0;
    int limit = 500;
};

//! Rows come newest first (orders by creation time, fills by time; ties by insertion
//! order, newest first), so offset 0 is always the latest page.
struct HistoryPage {
    HistoryQuery query;
    qint64 total = 0; // rows matching the filter
    QList<Order> orders;
    QList<Fill> fills;
    QString error;    // non-empty when the query failed
};

//! Told when writes are durable; called from the store's thread.
class TradeStoreSink {
public:
    virtual ~TradeStoreSink() = default;
    virtual void onOrderDurable(const Order &order) = 0;
    virtual void onFillDurable(const Fill &fill) = 0;
    virtual void onStoreError(const QString &message) = 0;
};

//! The durable journal. Writes are asynchronous and applied in call order;
//! order and fill writes are committed before the sink is told.
class TradeStore {
public:
    virtual ~TradeStore() = default;
    //! Opens the database and applies migrations (blocking). False + error on failure.
    virtual bool open(QString *error) = 0;
    //! Reads the state to restore (blocking; call before trading starts).
    virtual JournalSnapshot loadSnapshot() = 0;
    virtual void setStoreSink(TradeStoreSink *sink) = 0;
    virtual void saveOrder(const Order &order) = 0;
    virtual void saveFill(const Fill &fill) = 0;
    virtual void savePortfolio(const QList<Position> &positions, const QHash<QString, Decimal> &balances) = 0;
    virtual void saveSignal(const Signal &signal) = 0;
    virtual void saveEquity(const EquityPoint &point) = 0;
    virtual void saveSetting(const QString &key, const QString &value) = 0;
    //! Runs the query on the store thread and calls `done` there.
    virtual void queryHistory(const HistoryQuery &query, std::function<void(HistoryPage)> done) = 0;
    //! Blocks until every write queued so far is committed.
    virtual void flush() = 0;
};

} // namespace engine
