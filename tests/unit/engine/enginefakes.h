#pragma once

// Fakes below the engine's ports, for engine unit tests only. The real adapters are
// exercised by their own tests and by the integration and e2e suites.
#include "engine/kernel/engineobserver.h"
#include "engine/ports/executionclient.h"
#include "engine/ports/tradestore.h"

#include <QList>

namespace enginefakes {

//! A venue that records what it is asked and answers only when the test says so.
class FakeExecution final : public engine::ExecutionClient {
public:
    QString venue() const override { return QStringLiteral("fake"); }
    void setExecutionSink(engine::ExecutionSink *sink) override { this->sink = sink; }
    void submit(const engine::OrderRequest &r) override { submitted << r; }
    void cancel(const QString &id, const QString &) override { cancelled << id; }
    void query(const QString &id, const QString &) override { queried << id; }
    //! Answers at once with `venueOpenOrders` (what the venue has working).
    void requestOpenOrders() override
    {
        ++openOrderRequests;
        if (sink)
            sink->onOpenOrders(venueOpenOrders);
    }
    QList<engine::Order> venueOpenOrders;
    int openOrderRequests = 0;
    engine::Decimal takerFeeRate() const override { return engine::Decimal::fromString("0.001"); }
    //! Answers with `venueBalances` when any are set.
    void requestBalances() override
    {
        ++balanceRequests;
        if (sink && !venueBalances.isEmpty())
            sink->onBalances(venueBalances);
    }
    QHash<QString, engine::Decimal> venueBalances;

    engine::ExecutionSink *sink = nullptr;
    QList<engine::OrderRequest> submitted;
    QStringList cancelled;
    QStringList queried;
    int balanceRequests = 0;
};

//! A journal that keeps writes in memory and acknowledges orders and fills only
//! when ack() is called, so tests can look at the moment before durability.
class FakeStore final : public engine::TradeStore {
public:
    engine::Result<void> open() override { return {}; }
    engine::Result<engine::JournalSnapshot> loadSnapshot() override { return snapshot; }
    engine::Result<void> replayFills(const std::function<bool(const engine::Fill &)> &visit) override
    {
        for (const auto &f : fills) {
            if (!visit(f))
                break;
        }
        return {};
    }
    void setStoreSink(engine::TradeStoreSink *s) override { sink = s; }
    void saveOrder(const engine::Order &o) override { orders << o; pendingOrders << o; }
    void saveFill(const engine::Fill &f) override { fills << f; pendingFills << f; }
    void saveFillChange(const engine::FillChange &c) override
    {
        fills << c.fill;
        pendingFills << c.fill;
        orders << c.order;
        pendingOrders << c.order;
        balances = c.balances;
    }
    void savePortfolio(const QList<engine::Position> &, const QHash<QString, engine::Decimal> &b,
                       const QHash<QString, QString> &s) override
    {
        balances = b;
        for (auto it = s.cbegin(); it != s.cend(); ++it)
            settings.insert(it.key(), it.value());
    }
    void saveSignal(const engine::Signal &s) override { signals << s; }
    void saveEquity(const engine::EquityPoint &) override {}
    void saveCandle(const engine::Candle &c) override { candles << c; }
    void saveSetting(const QString &k, const QString &v) override { settings.insert(k, v); }
    void queryHistory(const engine::HistoryQuery &q, std::function<void(engine::HistoryPage)> done) override
    {
        engine::HistoryPage p;
        p.query = q;
        done(p);
    }
    void flush() override {}
    //! Makes everything written so far durable and tells the sink.
    void ack()
    {
        const auto o = pendingOrders;
        const auto f = pendingFills;
        pendingOrders.clear();
        pendingFills.clear();
        for (const auto &x : o)
            sink->onOrderDurable(x);
        for (const auto &x : f)
            sink->onFillDurable(x);
    }

    //! The disk is full: every write made since the last ack() fails, as the real journal reports it.
    void failPending(const QString &why)
    {
        const auto o = pendingOrders;
        const auto f = pendingFills;
        pendingOrders.clear();
        pendingFills.clear();
        for (const auto &x : o)
            sink->onOrderNotDurable(x, why);
        for (const auto &x : f)
            sink->onFillNotDurable(x, why);
    }

    engine::JournalSnapshot snapshot;
    engine::TradeStoreSink *sink = nullptr;
    QList<engine::Order> orders, pendingOrders;
    QList<engine::Fill> fills, pendingFills;
    QList<engine::Signal> signals;
    QList<engine::Candle> candles;
    QHash<QString, engine::Decimal> balances;
    QHash<QString, QString> settings;
};

//! Keeps every event the engine publishes.
class RecordingObserver final : public engine::EngineObserver {
public:
    void onEngineEvent(const engine::BotEvent &e) override { events << e; }
    void onSnapshot(const engine::EngineSnapshot &s) override { last = s; }
    template<typename T> QList<T> all() const
    {
        QList<T> out;
        for (const auto &e : events)
            if (const T *t = std::get_if<T>(&e))
                out << *t;
        return out;
    }
    QList<engine::BotEvent> events;
    engine::EngineSnapshot last;
};

} // namespace enginefakes
