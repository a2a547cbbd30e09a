#pragma once

#include "adapters/paper/paperconfig.h"
#include "adapters/paper/paperoutbox.h"

#include "engine/execution/simulatedvenue.h"
#include "engine/ports/clock.h"
#include "engine/ports/executionclient.h"
#include "engine/ports/marketdataclient.h"

#include <QHash>
#include <QString>

#include <mutex>

namespace adapters::paper {

//! The paper venue: engine::SimulatedVenue (the fill model, see there) behind the
//! ExecutionClient port, fed by a market data client.
//!
//! Wiring: construct it, setExecutionSink(), attach it to the market data client with
//! addMarketSink() so it sees instruments and books, then hand it to the engine as its
//! ExecutionClient. Thread-safe: orders arrive from the engine thread, books from the market
//! thread; the sink is always called outside the internal lock, in the order the events happened.
//! Orders live in memory only: after a restart query() answers notFound.
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
    void cancel(const QString &clientId, const QString &symbol = {}) override;
    //! Answers with the order's current status. An id the venue does not know
    //! (never submitted, forgotten, or lost in a restart since paper orders are not
    //! persisted) is answered with notFound = true, status EXPIRED and filledQty 0:
    //! the venue will never fill it, and fills already journaled stand.
    void query(const QString &clientId, const QString &symbol = {}) override;
    void requestBalances() override;
    void requestOpenOrders() override;
    [[nodiscard]] engine::Decimal takerFeeRate() const override { return m_takerFee; }

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
    //! Runs one operation of the simulated venue under the lock, then delivers what it emitted.
    template<class F>
    void run(F &&operation);

    engine::Decimal m_takerFee;
    PaperOutbox m_outbox; // before m_venue: the venue emits into it
    std::mutex m_mutex;   // guards m_venue
    engine::SimulatedVenue m_venue;
};

} // namespace adapters::paper
