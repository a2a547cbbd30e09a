#pragma once

#include "engine/api/botconfig.h"
#include "engine/api/botevents.h"
#include "engine/core/chainevent.h"
#include "engine/core/marketdata.h"
#include "engine/core/socialpost.h"
#include "engine/execution/manualorder.h"
#include "engine/execution/ordermanager.h"
#include "engine/execution/portfolio.h"
#include "engine/kernel/engineobserver.h"
#include "engine/ports/adaptererror.h"
#include "engine/ports/tradestore.h"
#include "engine/risk/riskgate.h"
#include "engine/kernel/marketstate.h"
#include "engine/strategy/momentumsocialstrategy.h"
#include "engine/strategy/strategyhost.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>

namespace engine {

class Clock;
class EventClock;
class EngineInbox;
class ExecutionClient;

//! The trading core. Lives on the engine thread and owns all trading state, so it
//! needs no locks: adapters reach it only through its inbox, the UI only through
//! BotApi. Flow: market/social/chain data → features → signal → strategy →
//! risk gate → order manager → journal (durable) → venue → reports → portfolio.
class TradingEngine final : public QObject {
    Q_OBJECT
public:
    struct Deps {
        Clock *clock = nullptr;
        EventClock *eventClock = nullptr; // set when time comes from the data (demo, replay)
        ExecutionClient *execution = nullptr;
        TradeStore *store = nullptr;
        EngineObserver *observer = nullptr;
    };
    TradingEngine(Deps deps, const BotConfig &config, QObject *parent = nullptr);
    ~TradingEngine() override;

    //! Where adapters post; thread-safe.
    [[nodiscard]] EngineInbox &inbox() { return *m_inbox; }

    // Commands: call on the engine thread.
    //! Loads the journal's state. False + error when a value in it cannot be read (nothing guessed).
    Result<void> restore(const JournalSnapshot &journal);
    void start();
    void stop();
    void flattenAndStop();
    void resumeTrading();
    void applyConfig(const BotConfig &config);
    //! The strategies this engine runs (the default one is added at construction); add more before start().
    [[nodiscard]] StrategyHost &strategies();
    //! Sends an order through the risk gate (strategies, exits, manual orders); a denial is an
    //! event and a log line.
    void submit(OrderRequest request) { (void)trySubmit(std::move(request)); }
    //! submit(), answering with the client id or why it was not sent (ORDER_DENIED with the risk
    //! gate's reason, SYMBOL_UNKNOWN).
    Result<QString> trySubmit(OrderRequest request);
    //! The order ticket's preview at the current book (engine thread).
    [[nodiscard]] OrderPreview previewManual(const ManualOrder &order) const;
    //! A manual order: previewed at the current book, then submitted through the risk gate like any
    //! other (a denial is the error). Only while the engine runs.
    Result<QString> placeManual(const ManualOrder &order);
    //! Cancels a working order by client id (ORDER_NOT_OPEN when it is not working).
    Result<void> cancelOrder(const QString &clientId);
    //! Starts the housekeeping timer; call once on the engine thread.
    void startTimers();
    //! How long the venue may stay silent (wall ms) before an order's outcome is
    //! unknown, how often unknown outcomes are re-queried, how long reconciliation waits.
    void setTimeouts(qint64 ackMs, qint64 queryIntervalMs, qint64 reconcileMs);

    // Inbox handlers (engine thread).
    void handleInstruments(const QList<Instrument> &instruments);
    void handleCandleHistory(const QList<Candle> &candles);
    void handleTrade(const TradeTick &trade);
    void handleBook(const BookUpdate &book);
    void handleCandle(const Candle &candle);
    void handleMarketConnection(bool connected, const QString &detail);
    void handleVenueHealth(const VenueHealth &health);
    void handleTicker(const Ticker24h &ticker);
    void handlePostHistory(const QList<SocialPost> &posts);
    void handlePost(const SocialPost &post);
    void handleChainEvent(const ChainEvent &event);
    void handleExecutionReport(const ExecutionReport &report);
    void handleFill(const Fill &fill);
    void handleBalances(const QHash<QString, Decimal> &balances);
    void handleOpenOrders(const QList<Order> &orders);
    void handleOrderDurable(const Order &order);
    void handleFillDurable(const Fill &fill);
    void handleStoreError(const QString &message);
    void handleOrderNotDurable(const Order &order, const QString &message);
    void handleFillNotDurable(const Fill &fill, const QString &message);
    void handleAdapterError(const AdapterError &error);

    //! Runs one message or command; an exception from it (a DecimalError from an absurd value, or
    //! anything else) fails only that message: it is logged as a typed error and the engine runs on.
    template<class F>
    void guarded(const char *what, F &&work)
    {
        try {
            std::forward<F>(work)();
        } catch (const std::exception &e) { // zero cost unless something throws
            containFailure(what, e);
        }
    }
    //! How many messages or commands failed that way (tests, status).
    [[nodiscard]] quint64 failedMessages() const { return m_failedMessages; }

    // Read access for tests and the benchmark (engine thread).
    [[nodiscard]] const Portfolio &portfolio() const { return m_portfolio; }
    [[nodiscard]] const OrderManager &orders() const { return m_orders; }
    [[nodiscard]] EngineState engineState() const { return m_state; }
    [[nodiscard]] TradingState tradingState() const { return m_risk.state(); }
    [[nodiscard]] const MarketState &market() const { return m_market; }
    [[nodiscard]] BotStatus buildStatus() const;
    //! Orders written to the journal and not yet durable (so not yet at the venue).
    [[nodiscard]] bool hasOrdersAwaitingJournal() const { return !m_awaitingJournal.isEmpty(); }

private:
    void setEngineState(EngineState state);
    void finishReconcile(const QString &note);
    //! Finishes reconciliation once every journal order is answered and the venue's working orders are known.
    void finishReconcileIfAnswered();
    //! Compares the venue's balances with the journal at the end of reconciliation; live money that
    //! came or went without a trade is booked as a cash adjustment (journaled, shown).
    void reconcileBalances();
    void housekeeping();
    void publishSnapshot();
    void emitEvent(const BotEvent &event);
    void log(LogEntry::Level level, const QString &category, const QString &message);
    void saveOrder(const Order &order);
    void savePortfolio();
    void recordEquityIfDue();
    //! Logs what guarded() caught as a typed error (ENGINE_DECIMAL_ERROR / ENGINE_EXCEPTION).
    void containFailure(const char *what, const std::exception &e);
    //! Trading stops when the journal cannot keep up: nothing new may be sent that cannot be made durable.
    void haltForJournal(const QString &message);
    //! Journals the trading state and the day's starting equity, so a restart keeps a halt.
    void persistRiskState();
    Result<void> restoreRiskState(const QHash<QString, QString> &settings);
    void checkExits(const QString &symbol);
    void advanceClock(qint64 tsMs);
    [[nodiscard]] qint64 now() const;
    [[nodiscard]] bool canTrade() const { return m_state == EngineState::Running; }

    Deps m_deps;
    BotConfig m_config;
    std::unique_ptr<EngineInbox> m_inbox;
    OrderManager m_orders;
    Portfolio m_portfolio;
    RiskGate m_risk;
    MarketState m_market;
    StrategyHost m_strategies;
    QHash<QString, OrderRequest> m_awaitingJournal; // written, not yet durable, then sent
    QHash<QString, qint64> m_sentAtWallMs;            // waiting for the venue's first answer
    QHash<QString, qint64> m_lastQueryWallMs;         // unknown outcomes being queried
    QSet<QString> m_reconcilePending;
    int m_reconcileAsked = 0;          // orders asked about in this reconciliation
    bool m_awaitingOpenOrders = false; // reconciliation asked the venue for its working orders
    QHash<QString, Decimal> m_reconcileBalances; // the venue's answer, compared once every order is answered
    bool m_haveReconcileBalances = false;
    qint64 m_reconcileDeadlineWallMs = 0;
    qint64 m_ackTimeoutMs = 10'000;
    qint64 m_queryIntervalMs = 5'000;
    qint64 m_reconcileTimeoutMs = 15'000;
    EngineState m_state = EngineState::Stopped;
    bool m_marketConnected = false;
    QString m_marketDetail;
    VenueHealth m_health;
    QHash<QString, Ticker24h> m_tickers; // rolling 24 h per symbol, as the venue reports it
    bool m_storeHealthy = true;
    bool m_dirty = true;
    qint64 m_fillCount = 0;
    qint64 m_lastEquityMinute = -1;
    qint64 m_lastPublishedClockMs = 0;
    quint64 m_failedMessages = 0;
    QElapsedTimer m_wall;
    QTimer *m_timer = nullptr;
};

} // namespace engine
