#pragma once

#include "engine/ports/chainclient.h"
#include "engine/ports/executionclient.h"
#include "engine/ports/marketdataclient.h"
#include "engine/ports/socialsource.h"
#include "engine/ports/tradestore.h"

#include <QHash>
#include <QMutex>
#include <QPointer>

#include <deque>
#include <functional>
#include <variant>

namespace engine {

class TradingEngine;

//! The engine's message bus: every adapter posts here from its own thread, and the
//! engine thread drains it. Order, fill and journal messages always go before
//! market data; book updates for one symbol are conflated to the newest.
class EngineInbox final : public MarketDataSink,
                          public SocialSink,
                          public ChainSink,
                          public ExecutionSink,
                          public TradeStoreSink {
public:
    explicit EngineInbox(TradingEngine *engine);

    // MarketDataSink
    void onInstruments(const QList<Instrument> &instruments) override;
    void onCandleHistory(const QList<Candle> &candles) override;
    void onTrade(const TradeTick &trade) override;
    void onBook(const BookUpdate &book) override;
    void onCandle(const Candle &candle) override;
    void onMarketConnection(bool connected, const QString &detail) override;
    void onVenueHealth(const VenueHealth &health) override;
    void onTicker(const Ticker24h &ticker) override;
    void onMarketError(const AdapterError &error) override;
    // SocialSink
    void onPostHistory(const QList<SocialPost> &posts) override;
    void onPost(const SocialPost &post) override;
    void onSocialError(const AdapterError &error) override;
    // ChainSink
    void onChainEvent(const ChainEvent &event) override;
    void onChainError(const AdapterError &error) override;
    // ExecutionSink
    void onExecutionReport(const ExecutionReport &report) override;
    void onFill(const Fill &fill) override;
    void onBalances(const QHash<QString, Decimal> &balances) override;
    void onOpenOrders(const QList<Order> &orders) override;
    void onExecutionError(const AdapterError &error) override;
    // TradeStoreSink
    void onOrderDurable(const Order &order) override;
    void onFillDurable(const Fill &fill) override;
    void onOrderNotDurable(const Order &order, const QString &message) override;
    void onFillNotDurable(const Fill &fill, const QString &message) override;
    void onStoreError(const QString &message) override;

    //! Messages waiting (for the benchmark and tests).
    [[nodiscard]] qsizetype pending() const;
    //! True when every message received so far has been handled and the engine had no order
    //! waiting for the journal at that point: what it will do about the data it has seen is done
    //! and has reached the venue. The demo market steps in lock step on it. Thread-safe.
    [[nodiscard]] bool isSettled() const;
    //! Total messages handled since start.
    [[nodiscard]] quint64 processed() const { return m_processed; }

private:
    using Task = std::function<void(TradingEngine &)>;
    void postPriority(Task task);
    void postMarket(Task task);
    void scheduleDrain();
    void drain(); // engine thread

    QPointer<TradingEngine> m_engine;
    mutable QMutex m_mutex;
    std::deque<Task> m_priority;
    std::deque<Task> m_market;
    QHash<QString, BookUpdate> m_books; // conflated, drained with the market queue
    std::deque<QString> m_bookOrder;
    bool m_drainScheduled = false;
    quint64 m_received = 0; // messages posted (guarded by m_mutex)
    quint64 m_settled = 0;  // m_received when the engine was last found settled (guarded by m_mutex)
    quint64 m_processed = 0;
};

} // namespace engine
