#pragma once

#include "engine/execution/simledger.h"
#include "engine/execution/simorder.h"
#include "engine/execution/simvenueconfig.h"
#include "engine/ports/adaptererror.h"
#include "engine/ports/clock.h"

#include "engine/core/fill.h"
#include "engine/core/marketdata.h"
#include "engine/core/order.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <deque>
#include <functional>
#include <optional>
#include <unordered_map>
#include <variant>

namespace engine {

//! The simulated fill model: a venue that fills orders against the order books it is fed. Pure
//! domain logic, single-threaded and clock-driven, so paper trading (adapters/paper runs it behind
//! the ExecutionClient port, with a lock), dry runs and backtests all fill the same way.
//!
//! - Market orders walk the displayed levels at level price x (1 +/- slippage), up to the displayed
//!   quantity; a remainder keeps working on later books and expires after
//!   SimVenueConfig::marketExpiryBooks book updates. Taker fee.
//! - Limit orders take what crosses at submission (taker, at level prices); the rest rests and
//!   fills at its limit price when a later book crosses it (maker).
//! - Liquidity taken from a book is gone until the next book of that symbol.
//! - Fees are charged in the quote asset: a buy pays qty x price + fee, a sell receives
//!   qty x price - fee.
//! - Limit buys hold back qty x limit x (1 + max fee) of quote, sells hold back their base
//!   quantity; market buys hold nothing back and are capped by the free quote balance at each fill.
//! - Balances (free = total - held back) are emitted once after every operation that moved them.
//! - An order id the venue does not know is answered notFound (status EXPIRED, nothing filled).
//!
//! Every outcome is handed to `emit` in the order it happened, synchronously, from inside the call.
class SimulatedVenue {
public:
    using Balances = QHash<QString, Decimal>;
    //! The working orders (answer to requestOpenOrders).
    struct OpenOrders {
        QList<Order> orders;
    };
    using Event = std::variant<ExecutionReport, Fill, Balances, AdapterError, OpenOrders>;
    using Emit = std::function<void(Event)>;

    //! `clock` stamps reports and fills (an EventClock in the demo and backtests) and must outlive
    //! this object; nullptr = the wall clock.
    SimulatedVenue(SimVenueConfig config, const Clock *clock, Emit emit);

    void submit(const OrderRequest &request);
    //! Cancels a working order (CANCELLED); a terminal one is answered with its status.
    void cancel(const QString &clientId);
    //! Answers with the order's current status (notFound when unknown).
    void query(const QString &clientId);
    void requestBalances();
    void requestOpenOrders();
    //! Replaces the account's balances (a restart continues from the journal).
    void restoreBalances(const Balances &balances);
    void onInstruments(const QList<Instrument> &instruments);
    void onBook(const BookUpdate &book);

    [[nodiscard]] QString venueName() const { return m_config.venueName; }
    [[nodiscard]] const SimLedger &ledger() const { return m_ledger; }

private:
    void submitOne(const OrderRequest &request);
    //! Checks and quantizes a request into `order`; returns the reject reason, if any.
    std::optional<QString> prepare(const OrderRequest &request, SimOrder &order) const;
    //! prepare() for a MARKET order by amount (quoteQty): nothing to round, the book sizes it.
    std::optional<QString> prepareByQuote(SimOrder &order) const;
    void rejectOrder(const OrderRequest &request, const QString &reason);
    //! Fills as much of `order` as `book` allows and consumes the liquidity it takes.
    void match(SimOrder &order, BookUpdate &book);
    //! One book update for a working order of the book's symbol (matching, market order expiry).
    void onBookForOrder(SimOrder &order, BookUpdate &book);
    //! What the book could fill of the order at once (within its limit), in lots.
    [[nodiscard]] Decimal fillableQty(const SimOrder &order, const BookUpdate &book) const;
    //! Moves a working order to a terminal status, releases its funds and reports it.
    void finish(SimOrder &order, OrderStatus status, const QString &message);
    //! Balances after the operation, and forgetting the oldest terminal orders.
    void endOperation();
    void updateReservation(SimOrder &order);
    [[nodiscard]] Decimal reservationFor(const SimOrder &order) const;
    [[nodiscard]] Decimal buyReservation(Decimal qty, Decimal limitPrice) const;
    [[nodiscard]] Decimal slipped(Decimal price, bool buy) const;
    [[nodiscard]] std::optional<Decimal> estimateMarketBuyCost(const BookUpdate &book, Decimal qty) const;
    [[nodiscard]] ExecutionReport reportFor(const SimOrder &order, const QString &message) const;
    [[nodiscard]] ExecutionReport notFoundReport(const QString &clientId, const QString &message) const;
    void enqueueError(AdapterError::Kind kind, const QString &code, const QString &message);
    void enqueue(Event event) { m_emit(std::move(event)); }

    SimVenueConfig m_config;
    WallClock m_wallClock;
    const Clock *m_clock;
    Emit m_emit;
    QString m_idTag;
    SimLedger m_ledger;
    QHash<QString, Instrument> m_instruments;
    QHash<QString, BookUpdate> m_books; // latest book per symbol, minus liquidity taken
    // By client id; std::unordered_map because references must survive other erases.
    std::unordered_map<QString, SimOrder> m_orders;
    QList<QString> m_working;       // client ids in arrival order (time priority)
    std::deque<QString> m_terminal; // oldest first, for forgetting
    QSet<QString> m_crossedSymbols; // crossed book already reported
    quint64 m_nextOrderId = 1;
    quint64 m_nextFillId = 1;
};

} // namespace engine
