#pragma once

#include "engine/api/appinfo.h"
#include "engine/api/botconfig.h"
#include "engine/api/botevents.h"
#include "engine/api/remoteapi.h"
#include "engine/api/venues.h"
#include "engine/backtest/backtestrun.h"
#include "engine/ports/strategyevaluator.h"
#include "engine/core/marketdata.h"
#include "engine/execution/manualorder.h"
#include "engine/ports/tradestore.h"
#include "engine/ports/venueadmin.h"

#include <QList>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class QObject;

namespace engine {

//! Returned by the handle* subscriptions; destroying it unsubscribes.
class Handler {
public:
    virtual ~Handler() = default;
    //! Stops delivery now (also done by the destructor).
    virtual void disconnect() = 0;
};

//! The one facade the desktop UI and the REST server use to talk to the engine.
//! Queries return copies of the latest snapshot and never wait on the engine
//! thread; commands are asynchronous and their results arrive as events.
class BotApi {
public:
    virtual ~BotApi() = default;

    //! Reconciles with the venue, then lets strategies trade. Progress arrives as BotStatus events.
    virtual void start() = 0;
    //! Stops strategies and cancels the working orders this app placed (orders found at the venue
    //! that were placed elsewhere stay); open positions stay open.
    virtual void stop() = 0;
    //! Sells every open position at market and stops (kill switch).
    virtual void flattenAndStop() = 0;
    //! Clears a HALTED state after the user has looked at it.
    virtual void resumeTrading() = 0;

    //! What this app is and where it keeps its files.
    [[nodiscard]] virtual AppInfo appInfo() const = 0;

    //! Latest engine status.
    [[nodiscard]] virtual BotStatus status() const = 0;
    //! Current configuration.
    [[nodiscard]] virtual BotConfig config() const = 0;
    //! Validates and applies a configuration. CONFIG_INVALID lists every problem in details.
    virtual Result<void> setConfig(const BotConfig &config) = 0;
    //! Modes this build and keychain allow, with reasons for the others.
    [[nodiscard]] virtual QList<ModeAvailability> availableModes() const = 0;

    //! Symbols the market offers.
    [[nodiscard]] virtual QList<Instrument> instruments() const = 0;
    //! Open positions with marks.
    [[nodiscard]] virtual QList<Position> positions() const = 0;
    //! Newest first.
    [[nodiscard]] virtual QList<Order> recentOrders(int limit) const = 0;
    //! Newest first.
    [[nodiscard]] virtual QList<Fill> recentFills(int limit) const = 0;
    //! Newest first.
    [[nodiscard]] virtual QList<Signal> recentSignals(int limit) const = 0;
    //! Newest first.
    [[nodiscard]] virtual QList<LogEntry> recentLogs(int limit) const = 0;
    //! Oldest first.
    [[nodiscard]] virtual QList<EquityPoint> equityHistory() const = 0;
    //! A symbol's rolling 24 hours (price change, range, traded value); nullopt when the venue has
    //! not reported one (the demo market does not).
    [[nodiscard]] virtual std::optional<Ticker24h> ticker(const QString &symbol) const = 0;
    //! Recent closed 1-minute candles of one symbol, oldest first.
    [[nodiscard]] virtual QList<Candle> candles(const QString &symbol) const = 0;

    //! What an order from the ticket would be at the current book: rounded values, the rules that
    //! apply, the estimated fee, and what is wrong with it. `done` runs on `context`'s thread.
    virtual void previewOrder(const ManualOrder &order, QObject *context, std::function<void(const OrderPreview &)> done) = 0;
    //! Places a manual order through the risk gate; `done` gets its client id or why not
    //! (ORDER_INVALID, ORDER_DENIED, ENGINE_NOT_RUNNING). Its fate then arrives as Order events.
    virtual void placeOrder(const ManualOrder &order, QObject *context, std::function<void(const Result<QString> &)> done) = 0;
    //! Cancels a working order; the venue's answer arrives as an Order event.
    virtual void cancelOrder(const QString &clientId, QObject *context, std::function<void(const Result<void> &)> done) = 0;

    //! A real venue's settings ("binance.rest_url", "binance.stream_url", "binance.ws_api_url",
    //! "symbols" = the watchlist, comma-separated), as saved in the journal.
    [[nodiscard]] virtual QHash<QString, QString> venueSettings() const = 0;
    //! Validates and saves them (SETTINGS_INVALID lists every problem). A running venue session takes
    //! the watchlist at once; addresses apply when the next session starts.
    virtual Result<void> setVenueSettings(const QHash<QString, QString> &settings) = 0;
    //! The symbols the venue lists with their rules (USDT meme pairs first), at the given settings.
    virtual void venueSymbols(const QHash<QString, QString> &settings, QObject *context,
                              std::function<void(const Result<QList<VenueSymbol>> &)> done) = 0;
    //! Checks the API key in the keychain against the venue at the given settings.
    virtual void testVenueConnection(const QHash<QString, QString> &settings, QObject *context,
                                     std::function<void(const Result<ConnectionCheck> &)> done) = 0;

    //! The remote API's saved settings (Trading Config).
    [[nodiscard]] virtual RemoteApiSettings remoteApiSettings() const = 0;
    //! Validates, applies (starts, restarts or stops the API) and, when that worked, saves them.
    //! API_OPTIONS_INVALID lists every problem; a failed start (API_LISTEN_FAILED, …) saves nothing.
    //! API_UNAVAILABLE when this build has no remote API.
    virtual Result<void> setRemoteApiSettings(const RemoteApiSettings &settings) = 0;
    //! Whether the API runs and where.
    [[nodiscard]] virtual RemoteApiState remoteApiState() const = 0;

    //! Replays a CSV of bars through a strategy (docs/backtesting.md) on a worker thread of its own;
    //! `progress` (0..1) and `done` run on `context`'s thread. One run at a time (BACKTEST_BUSY).
    virtual void runBacktest(const BacktestRequest &request, QObject *context, std::function<void(double)> progress,
                             std::function<void(const Result<BacktestRunPtr> &)> done) = 0;
    //! Stops the running backtest; its `done` gets BACKTEST_CANCELLED.
    virtual void cancelBacktest() = 0;
    //! This session's finished backtests, oldest first.
    [[nodiscard]] virtual QList<BacktestRunPtr> backtestRuns() const = 0;

    //! Evaluates the strategy on the simulated market against random entries and buy-and-hold
    //! (docs/strategy.md); `progress` (0..1) and `done` run on `context`'s thread. One run at a
    //! time (EVALUATION_BUSY); EVALUATION_UNAVAILABLE when this build has no evaluator.
    virtual void runEvaluation(const EvaluationRequest &request, QObject *context, std::function<void(double)> progress,
                               std::function<void(const Result<QJsonObject> &)> done) = 0;
    virtual void cancelEvaluation() = 0;

    //! Pages through the journal; `done` runs on `context`'s thread.
    virtual void queryHistory(const HistoryQuery &query, QObject *context,
                              std::function<void(const HistoryPage &)> done) = 0;

    //! Stores a secret in the OS keychain; `done` gets an error text or empty.
    virtual void storeSecret(const QString &name, const QString &value, QObject *context,
                             std::function<void(const QString &error)> done) = 0;
    //! Tells whether a secret is set, never its value.
    virtual void secretPresent(const QString &name, QObject *context,
                               std::function<void(bool present, const QString &error)> done) = 0;
    virtual void deleteSecret(const QString &name, QObject *context,
                              std::function<void(const QString &error)> done) = 0;

    //! Delivers every engine event on `context`'s thread until the handler is destroyed.
    [[nodiscard]] virtual std::unique_ptr<Handler> handleEvents(QObject *context,
                                                                std::function<void(const BotEvent &)> fn) = 0;
};

//! The symbols a real venue watches until the trader picks a watchlist: the USDT meme pairs.
[[nodiscard]] inline QStringList defaultWatchlist()
{
    return {QStringLiteral("DOGEUSDT"), QStringLiteral("SHIBUSDT"), QStringLiteral("PEPEUSDT"),
            QStringLiteral("FLOKIUSDT"), QStringLiteral("BONKUSDT"), QStringLiteral("WIFUSDT")};
}

//! The strategies a backtest can run, each with its parameters and their defaults.
[[nodiscard]] QMap<QString, QMap<QString, double>> backtestStrategies();

//! Names of the secrets the app knows about.
//! Checks venue settings: URLs (http(s) for REST, ws(s) for streams) and watchlist symbols. Every
//! problem, readable; empty = valid.
[[nodiscard]] QStringList validateVenueSettings(const QHash<QString, QString> &settings);

namespace secrets {
inline constexpr const char *kBinanceApiKey = "binance.api_key";
inline constexpr const char *kBinanceApiSecret = "binance.api_secret";
} // namespace secrets

} // namespace engine
