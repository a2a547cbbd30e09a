#pragma once

#include "engine/ports/adaptererror.h"
#include "engine/core/fill.h"
#include "engine/core/order.h"

#include <QHash>
#include <QList>
#include <QString>

namespace engine {

//! Receives order reports, fills and balances; thread-safe.
class ExecutionSink {
public:
    virtual ~ExecutionSink() = default;
    virtual void onExecutionReport(const ExecutionReport &report) = 0;
    virtual void onFill(const Fill &fill) = 0;
    //! Balance per asset, free plus what working orders hold (answer to requestBalances, and as
    //! the venue reports changes). Reconciliation compares the quote asset with the journal's cash.
    virtual void onBalances(const QHash<QString, Decimal> &balances) = 0;
    virtual void onExecutionError(const AdapterError &error) = 0;
    //! Every order working at the venue (answer to requestOpenOrders), as the venue sees it.
    virtual void onOpenOrders(const QList<Order> &) {}
};

//! A venue that executes orders (Binance, or paper fills for demo and dry run).
//! All calls are asynchronous and thread-safe; answers arrive on the sink.
class ExecutionClient {
public:
    virtual ~ExecutionClient() = default;
    [[nodiscard]] virtual QString venue() const = 0;
    virtual void setExecutionSink(ExecutionSink *sink) = 0;
    //! Sends a new order. Submitting a clientId the venue already knows is a no-op
    //! answered with that order's current status (idempotent by client id).
    virtual void submit(const OrderRequest &request) = 0;
    //! Cancels by client id; `symbol` is the order's (venues such as Binance look orders up per symbol).
    virtual void cancel(const QString &clientId, const QString &symbol) = 0;
    //! Asks for the current status of an order (reconciliation, unknown outcomes), and for any
    //! fills of it the engine may have missed (they arrive on the sink before the report).
    virtual void query(const QString &clientId, const QString &symbol) = 0;
    virtual void requestBalances() = 0;
    //! Asks for every order working at the venue (start-up reconciliation finds the ones the
    //! journal does not know: placed from elsewhere while the app was closed).
    virtual void requestOpenOrders() = 0;
    //! The fee fraction a taking order pays here (0.001 = 0.1 %), for previews. Thread-safe.
    [[nodiscard]] virtual Decimal takerFeeRate() const = 0;
};

} // namespace engine
