#pragma once

#include "paperconfig.h"
#include "paperledger.h"
#include "paperorder.h"
#include "paperoutbox.h"

#include "ports/clock.h"
#include "ports/executionclient.h"
#include "ports/marketdataclient.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <deque>
#include <mutex>
#include <optional>
#include <unordered_map>

namespace adapters::paper {

//! A simulated venue that fills orders against the live order book it is fed
//! (demo market, or real market data in dry run).
//!
//! Wiring: construct it, setExecutionSink(), attach it to the market data client
//! with addMarketSink() so it sees instruments and books, then hand it to the
//! engine as its ExecutionClient. It is thread-safe: orders arrive from the engine
//! thread, books from the market thread; the sink is always called outside the
//! internal lock, in the order the events happened.
//!
//! Fill model:
//! - Market orders walk the displayed levels at level price x (1 +/- slippage),
//!   up to the displayed quantity; a remainder keeps working on later books and
//!   expires after PaperConfig::marketExpiryBooks book updates. Taker fee.
//! - Limit orders take what crosses at submission (taker, at level prices); the
//!   rest rests and fills at its limit price when a later book crosses it (maker).
//! - Liquidity taken from a book is gone until the next book of that symbol.
//! - Fees are charged in the quote asset: a buy pays qty x price + fee, a sell
//!   receives qty x price - fee.
//! - Limit buys hold back qty x limit x (1 + max fee) of quote, sells hold back
//!   their base quantity; market buys hold nothing back and are capped by the free
//!   quote balance at each fill.
//! - onBalances carries free balances (total - held back), once after every
//!   operation that moved them (fills, holding back or releasing funds), and on
//!   requestBalances().
//!
//! Orders live in memory only: after a restart query() answers notFound (see query()).
class PaperExecutionClient final : public engine::ExecutionClient, public engine::MarketDataSink {
public:
    //! `clock` stamps reports and fills (an EventClock for the demo market); it must
    //! outlive this object. nullptr = the wall clock.
    explicit PaperExecutionClient(PaperConfig config = {}, const engine::Clock *clock = nullptr);
    ~PaperExecutionClient() override;

    PaperExecutionClient(const PaperExecutionClient &) = delete;
    PaperExecutionClient &operator=(const PaperExecutionClient &) = delete;

    // engine::ExecutionClient
    [[nodiscard]] QString venue() const override;
    void setExecutionSink(engine::ExecutionSink *sink) override;
    void submit(const engine::OrderRequest &request) override;
    //! Cancels a working order (CANCELLED report). A terminal order is answered
    //! with its status and a message; an unknown one as in query().
    void cancel(const QString &clientId) override;
    //! Answers with the order's current status. An id the venue does not know
    //! (never submitted, forgotten, or lost in a restart since paper orders are not
    //! persisted) is answered with notFound = true, status EXPIRED and filledQty 0:
    //! the venue will never fill it, and fills already journaled stand.
    void query(const QString &clientId) override;
    void requestBalances() override;

    //! Replaces the account's balances with the journaled ones, so a restart
    //! continues where it stopped. Call before submitting orders.
    void restoreBalances(const QHash<QString, engine::Decimal> &balances);

    // engine::MarketDataSink
    void onInstruments(const QList<engine::Instrument> &instruments) override;
    void onCandleHistory(const QList<engine::Candle> &candles) override;
    void onTrade(const engine::TradeTick &trade) override;
    void onBook(const engine::BookUpdate &book) override;
    void onCandle(const engine::Candle &candle) override;
    void onMarketConnection(bool connected, const QString &detail) override;
    void onMarketError(const engine::AdapterError &error) override;

private:
    void submitLocked(const engine::OrderRequest &request);
    //! Checks and quantizes a request into `order`; returns the reject reason, if any.
    std::optional<QString> prepareLocked(const engine::OrderRequest &request, PaperOrder &order) const;
    void rejectLocked(const engine::OrderRequest &request, const QString &reason);
    //! Fills as much of `order` as `book` allows and consumes the liquidity it takes.
    void matchLocked(PaperOrder &order, engine::BookUpdate &book);
    //! One book update for a working order of the book's symbol (matching, market order expiry).
    void onBookForOrderLocked(PaperOrder &order, engine::BookUpdate &book);
    //! Moves a working order to a terminal status, releases its funds and reports it.
    void finishLocked(PaperOrder &order, engine::OrderStatus status, const QString &message);
    //! Balances after the operation, and forgetting the oldest terminal orders.
    void endOperationLocked();
    void updateReservationLocked(PaperOrder &order);
    [[nodiscard]] engine::Decimal reservationFor(const PaperOrder &order) const;
    [[nodiscard]] engine::Decimal buyReservation(engine::Decimal qty, engine::Decimal limitPrice) const;
    [[nodiscard]] engine::Decimal slipped(engine::Decimal price, bool buy) const;
    [[nodiscard]] std::optional<engine::Decimal> estimateMarketBuyCost(const engine::BookUpdate &book,
                                                                       engine::Decimal qty) const;
    [[nodiscard]] engine::ExecutionReport reportFor(const PaperOrder &order, const QString &message) const;
    [[nodiscard]] engine::ExecutionReport notFoundReport(const QString &clientId, const QString &message) const;
    void enqueueError(engine::AdapterError::Kind kind, const QString &code, const QString &message);

    void enqueue(PaperOutbox::Event event) { m_outbox.post(std::move(event)); }

    PaperConfig m_config;
    engine::WallClock m_wallClock;
    const engine::Clock *m_clock;
    QString m_idTag;

    // Guards everything below except the outbox, which has its own lock (taken after this one).
    mutable std::mutex m_mutex;
    PaperLedger m_ledger;
    QHash<QString, engine::Instrument> m_instruments;
    QHash<QString, engine::BookUpdate> m_books; // latest book per symbol, minus liquidity taken
    // By client id; std::unordered_map because references must survive other erases.
    std::unordered_map<QString, PaperOrder> m_orders;
    QList<QString> m_working;                   // client ids in arrival order (time priority)
    std::deque<QString> m_terminal;             // oldest first, for forgetting
    QSet<QString> m_crossedSymbols;             // crossed book already reported
    quint64 m_nextOrderId = 1;
    quint64 m_nextFillId = 1;

    PaperOutbox m_outbox;
};

} // namespace adapters::paper
