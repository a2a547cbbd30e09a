#pragma once

#include "engine/core/fill.h"
#include "engine/core/order.h"
#include "engine/core/result.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <deque>
#include <optional>

namespace engine {

//! Owns every live order's record and applies venue reports to it through the
//! state machine. Client ids are made here, before an order leaves.
class OrderManager {
public:
    //! `idPrefix` keeps ids of separate runs apart ("MD" + session stamp).
    explicit OrderManager(QString idPrefix = QStringLiteral("MD"));

    //! Creates the record for a request, made in `mode`; assigns a client id when it has none.
    Order create(OrderRequest &request, qint64 nowMs, TradingMode mode = TradingMode::Demo);
    //! Restores orders from the journal (non-terminal ones stay tracked).
    void restore(const QList<Order> &orders, const QList<QString> &knownFillIds);

    struct Change {
        Order order;
        bool statusChanged = false;
        bool lateFill = false; // a fill booked on an order already CANCELLED or EXPIRED
    };
    //! Applies an execution report. An error (ORDER_UNKNOWN, ORDER_ILLEGAL_TRANSITION) changes nothing.
    Result<Change> applyReport(const ExecutionReport &report, qint64 nowMs);
    //! Applies a fill. An error (FILL_DUPLICATE, ORDER_UNKNOWN, FILL_INVALID, ORDER_OVERFILL,
    //! ORDER_ILLEGAL_TRANSITION) changes nothing.
    //! A fill on a CANCELLED or EXPIRED order is booked (lateFill) and the status kept.
    Result<Change> applyFill(const Fill &fill, qint64 nowMs);
    //! Starts tracking an order found working at the venue that this engine did not make (placed
    //! from elsewhere). ORDER_KNOWN when the client id is already tracked.
    Result<Order> adopt(Order order, qint64 nowMs);
    //! Marks an order whose outcome is unknown (no answer in time).
    Result<Change> markUnknown(const QString &clientId, qint64 nowMs, const QString &why);

    [[nodiscard]] const Order *find(const QString &clientId) const;
    [[nodiscard]] QList<Order> openOrders() const;
    [[nodiscard]] bool hasOpenOrder(const QString &symbol) const;

private:
    Result<Change> transition(Order &o, OrderStatus to, qint64 nowMs);
    //! Keeps a finished order findable for a while, then forgets it (the journal has it),
    //! so the scans over m_orders stay bounded in a long session.
    void retireIfTerminal(const Order &o);
    //! A fill beyond the order: past its quantity, or for an order by amount, past its amount.
    static bool wouldOverfill(const Order &o, const Fill &f);

    static constexpr size_t kFinishedKept = 256;
    QString m_prefix;
    quint64 m_counter = 0;
    QHash<QString, Order> m_orders;  // every open order, plus the last kFinishedKept finished ones
    std::deque<QString> m_finished; // oldest first
    QSet<QString> m_seenFills;
};

} // namespace engine
