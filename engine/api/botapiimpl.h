#pragma once

#include "engine/api/botapi.h"
#include "engine/backtest/backtestservice.h"
#include "engine/kernel/engineobserver.h"

#include <QMutex>
#include <QPointer>

#include <atomic>
#include <deque>
#include <memory>
#include <vector>

namespace engine {

class RemoteApiControl;
class SecretStore;
class TradeStore;
class TradingEngine;

//! BotApi over a TradingEngine on another thread. Queries read a snapshot under a
//! short lock (never waiting on the engine); commands are queued to the engine
//! thread; events fan out to subscribers on their own threads.
class BotApiImpl final : public BotApi, public EngineObserver {
public:
    BotApiImpl(TradeStore &store, SecretStore &secrets, const BotConfig &config);
    ~BotApiImpl() override;

    //! Connects the engine (after it is created with this object as its observer).
    void attachEngine(TradingEngine *engine);
    //! Seeds the lists from the journal so the UI shows history right away.
    void seed(const JournalSnapshot &journal);
    //! The venues this build registered (availableModes() reads them).
    void setVenues(const QList<VenueInfo> &venues);
    //! Whether a secret exists, so availableModes() can answer without waiting.
    void setSecretPresent(const QString &name, bool present);
    [[nodiscard]] QSet<QString> presentSecrets() const;
    //! Where venue set-up (symbols, key check) goes; may stay null (then those calls say so).
    void setVenueAdmin(VenueAdmin *admin) { m_admin = admin; }
    //! Where finished backtests are kept (and read back from at start); the unreadable ones are returned.
    QStringList setBacktestDir(const QString &dir) { return m_backtests.setStoreDir(dir); }
    //! Who runs strategy evaluations (set by the composition root; must outlive this object).
    void setEvaluator(StrategyEvaluator *evaluator) { m_evaluator = evaluator; }
    //! What the app is and where its files are (the composition root knows).
    void setAppInfo(const AppInfo &info);
    //! Who runs the remote API (set by the composition root; must outlive this object).
    void setRemoteApiControl(RemoteApiControl *control) { m_remoteApi = control; }
    //! Who builds a new session when setConfig() picks another mode (the composition root);
    //! called on `context`'s thread.
    void setSessionSwitcher(QObject *context, std::function<void(TradingMode)> switcher);
    //! Told (on `context`'s thread) when venue settings were saved, so a running session can
    //! take what it can at once (the watchlist).
    void setVenueSettingsListener(QObject *context, std::function<void(const QHash<QString, QString> &)> listener);

    // BotApi
    void start() override;
    void stop() override;
    void flattenAndStop() override;
    void resumeTrading() override;
    void previewOrder(const ManualOrder &order, QObject *context, std::function<void(const OrderPreview &)> done) override;
    void placeOrder(const ManualOrder &order, QObject *context, std::function<void(const Result<QString> &)> done) override;
    void cancelOrder(const QString &clientId, QObject *context, std::function<void(const Result<void> &)> done) override;
    [[nodiscard]] BotStatus status() const override;
    [[nodiscard]] BotConfig config() const override;
    Result<void> setConfig(const BotConfig &config) override;
    [[nodiscard]] QList<ModeAvailability> availableModes() const override;
    [[nodiscard]] QList<Instrument> instruments() const override;
    [[nodiscard]] QList<Position> positions() const override;
    [[nodiscard]] QList<Order> recentOrders(int limit) const override;
    [[nodiscard]] QList<Fill> recentFills(int limit) const override;
    [[nodiscard]] QList<Signal> recentSignals(int limit) const override;
    [[nodiscard]] QList<LogEntry> recentLogs(int limit) const override;
    [[nodiscard]] QList<EquityPoint> equityHistory() const override;
    [[nodiscard]] QList<Candle> candles(const QString &symbol) const override;
    [[nodiscard]] std::optional<Ticker24h> ticker(const QString &symbol) const override;
    void queryHistory(const HistoryQuery &query, QObject *context, std::function<void(const HistoryPage &)> done) override;
    void runBacktest(const BacktestRequest &request, QObject *context, std::function<void(double)> progress,
                     std::function<void(const Result<BacktestRunPtr> &)> done) override;
    void cancelBacktest() override;
    [[nodiscard]] QList<BacktestRunPtr> backtestRuns() const override;
    void runEvaluation(const EvaluationRequest &request, QObject *context, std::function<void(double)> progress,
                       std::function<void(const Result<QJsonObject> &)> done) override;
    void cancelEvaluation() override;
    [[nodiscard]] AppInfo appInfo() const override;
    [[nodiscard]] RemoteApiSettings remoteApiSettings() const override;
    Result<void> setRemoteApiSettings(const RemoteApiSettings &settings) override;
    [[nodiscard]] RemoteApiState remoteApiState() const override;
    [[nodiscard]] QHash<QString, QString> venueSettings() const override;
    Result<void> setVenueSettings(const QHash<QString, QString> &settings) override;
    void venueSymbols(const QHash<QString, QString> &settings, QObject *context,
                      std::function<void(const Result<QList<VenueSymbol>> &)> done) override;
    void testVenueConnection(const QHash<QString, QString> &settings, QObject *context,
                             std::function<void(const Result<ConnectionCheck> &)> done) override;
    void storeSecret(const QString &name, const QString &value, QObject *context,
                     std::function<void(const QString &)> done) override;
    void secretPresent(const QString &name, QObject *context, std::function<void(bool, const QString &)> done) override;
    void deleteSecret(const QString &name, QObject *context, std::function<void(const QString &)> done) override;
    [[nodiscard]] std::unique_ptr<Handler> handleEvents(QObject *context, std::function<void(const BotEvent &)> fn) override;

    // EngineObserver (engine thread)
    void onEngineEvent(const BotEvent &event) override;
    void onSnapshot(const EngineSnapshot &snapshot) override;

private:
    struct Subscriber {
        QPointer<QObject> context;
        std::function<void(const BotEvent &)> fn;
        std::shared_ptr<std::atomic<bool>> alive;
    };
    class SubscriptionHandler;
    template<typename T> static QList<T> newest(const std::deque<T> &items, int limit);
    void record(const BotEvent &event);

    TradeStore &m_store;
    SecretStore &m_secrets;
    QPointer<TradingEngine> m_engine;
    mutable QMutex m_mutex;
    BotConfig m_config;
    EngineSnapshot m_snapshot;
    std::deque<Order> m_orders;   // newest at the back
    std::deque<Fill> m_fills;
    std::deque<Signal> m_signals;
    std::deque<LogEntry> m_logs;
    QList<EquityPoint> m_equity;
    QList<VenueInfo> m_venues;
    QPointer<QObject> m_switchContext;
    std::function<void(TradingMode)> m_switcher;
    QSet<QString> m_presentSecrets;
    QHash<QString, QString> m_venueSettings;
    QPointer<QObject> m_venueListenerContext;
    std::function<void(const QHash<QString, QString> &)> m_venueListener;
    VenueAdmin *m_admin = nullptr;
    BacktestService m_backtests;
    StrategyEvaluator *m_evaluator = nullptr;
    RemoteApiControl *m_remoteApi = nullptr;
    RemoteApiSettings m_remoteApiSettings;
    AppInfo m_appInfo;
    std::vector<Subscriber> m_subscribers;
};

} // namespace engine
