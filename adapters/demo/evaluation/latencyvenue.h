#pragma once

#include "engine/execution/simulatedvenue.h"
#include "engine/ports/clock.h"
#include "engine/ports/executionclient.h"

#include <deque>
#include <unordered_map>

namespace adapters::demo::evaluation {

//! The simulated venue of an evaluation, with order latency in simulated time: a new order or a
//! cancel reaches the venue `latencyMs` of simulated time after the engine sent it, and is worked
//! against the first book of its symbol stamped at or after that moment. So a seed gives the same
//! fills at any speed, and a fill is never stamped before the book that priced it.
//!
//! Single-threaded: the evaluation calls onBook() with each book before the engine sees it, and
//! deliver() hands the venue's answers to the engine in the order they happened.
class LatencyVenue final : public engine::ExecutionClient {
public:
    LatencyVenue(engine::SimVenueConfig config, engine::EventClock *clock, qint64 latencyMs);

    [[nodiscard]] QString venue() const override { return m_venue.venueName(); }
    void setExecutionSink(engine::ExecutionSink *sink) override { m_sink = sink; }
    void submit(const engine::OrderRequest &request) override;
    void cancel(const QString &clientId, const QString &symbol) override;
    void query(const QString &clientId, const QString &symbol) override;
    void requestBalances() override { m_venue.requestBalances(); }
    void requestOpenOrders() override { m_venue.requestOpenOrders(); }
    [[nodiscard]] engine::Decimal takerFeeRate() const override { return m_takerFee; }

    void onInstruments(const QList<engine::Instrument> &instruments) { m_venue.onInstruments(instruments); }
    //! The book first (resting orders fill on it), then what has arrived by its time.
    void onBook(const engine::BookUpdate &book);
    //! Hands the venue's answers to the sink; true when there were any.
    bool deliver();

private:
    struct InFlight {
        qint64 arriveMs = 0;
        bool cancel = false;
        engine::OrderRequest request; // for a cancel: its clientId and symbol
    };

    engine::EventClock *m_clock;
    qint64 m_latencyMs;
    engine::Decimal m_takerFee;
    std::deque<engine::SimulatedVenue::Event> m_outbox;
    engine::SimulatedVenue m_venue;
    engine::ExecutionSink *m_sink = nullptr;
    std::unordered_map<QString, std::deque<InFlight>> m_inFlight; // per symbol, in sending order
    // Orders the venue has and has not finished, by client id -> symbol: books of other symbols
    // need not reach the venue (an order that arrives is matched against the book that brings it).
    QHash<QString, QString> m_working;
    QHash<QString, int> m_workingPerSymbol;
};

} // namespace adapters::demo::evaluation
