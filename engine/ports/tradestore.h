#pragma once

#include "engine/core/fill.h"
#include "engine/core/marketdata.h"
#include "engine/core/order.h"
#include "engine/core/position.h"
#include "engine/core/result.h"
#include "engine/core/signal.h"

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

//! One fill together with everything it changed: the order's new state and the whole portfolio
//! after it. The journal writes it in one transaction, so balances, positions and fills can never
//! disagree after a crash or a failed write.
struct FillChange {
    Fill fill;
    Order order;
    QList<Position> positions;
    QHash<QString, Decimal> balances;
    QHash<QString, QString> settings; // what the fill moved besides (the starting equity, for a fee paid in BNB)
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
    std::optional<Error> error; // set when the query failed
};

//! Told when writes are durable; called from the store's thread.
class TradeStoreSink {
public:
    virtual ~TradeStoreSink() = default;
    virtual void onOrderDurable(const Order &order) = 0;
    virtual void onFillDurable(const Fill &fill) = 0;
    //! An order write could not be committed: the order must not be sent, nor counted as open.
    virtual void onOrderNotDurable(const Order &order, const QString &message) = 0;
    //! A fill (and its portfolio change) could not be committed.
    virtual void onFillNotDurable(const Fill &fill, const QString &message) = 0;
    //! Any other write failed (signals, equity, settings, portfolio) or the journal was found damaged.
    virtual void onStoreError(const QString &message) = 0;
};

//! The durable journal. Writes are asynchronous and applied in call order;
//! order and fill writes are committed before the sink is told.
class TradeStore {
public:
    virtual ~TradeStore() = default;
    //! Opens the database and applies migrations (blocking). On failure the code says what to do:
    //! errors::kJournalDamaged (restore a backup), kJournalInUse, kJournalTooNew, kJournalUnavailable.
    virtual Result<void> open() = 0;
    //! Reads the state to restore (blocking; call before trading starts). Any row that cannot be
    //! read is an error (code errors::kJournalUnreadable, naming the row and the reason), never a
    //! shorter list.
    virtual Result<JournalSnapshot> loadSnapshot() = 0;
    //! Streams every fill in the order it was journaled (blocking), for the start-up audit and
    //! `memedesk journal check`. `visit` returns false to stop. An error on a read failure.
    virtual Result<void> replayFills(const std::function<bool(const Fill &)> &visit) = 0;
    virtual void setStoreSink(TradeStoreSink *sink) = 0;
    virtual void saveOrder(const Order &order) = 0;
    virtual void saveFill(const Fill &fill) = 0;
    //! The fill, its order and the portfolio after it, in one transaction (acknowledged as a fill
    //! and then an order).
    virtual void saveFillChange(const FillChange &change) = 0;
    //! The portfolio, and `settings` with it in the same transaction (a cash adjustment moves the
    //! starting equity too: the audit must never see one without the other).
    virtual void savePortfolio(const QList<Position> &positions, const QHash<QString, Decimal> &balances,
                               const QHash<QString, QString> &settings = {}) = 0;
    virtual void saveSignal(const Signal &signal) = 0;
    virtual void saveEquity(const EquityPoint &point) = 0;
    //! A closed candle the session traded on (kept for replaying the session in a backtest).
    virtual void saveCandle(const Candle &candle) = 0;
    virtual void saveSetting(const QString &key, const QString &value) = 0;
    //! Runs the query on the store thread and calls `done` there.
    virtual void queryHistory(const HistoryQuery &query, std::function<void(HistoryPage)> done) = 0;
    //! Blocks until every write queued so far is committed.
    virtual void flush() = 0;
};

} // namespace engine
