#include "engine/api/botapiimpl.h"

#include "engine/backtest/barstrategies.h"
#include "engine/kernel/tradingengine.h"
#include "engine/ports/remoteapicontrol.h"
#include "engine/ports/secretstore.h"
#include "engine/ports/tradestore.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>
#include <QMetaObject>
#include <QObject>

namespace engine {

namespace {
constexpr const char *kVenueSettingKeys[] = {"binance.rest_url", "binance.stream_url", "binance.ws_api_url", "symbols"};
constexpr int kMaxWatchlist = 200; // one stream connection carries 1024 streams; 3 per symbol
} // namespace

namespace {
constexpr size_t kKeepOrders = 1000;
constexpr size_t kKeepFills = 1000;
constexpr size_t kKeepSignals = 2000;
constexpr size_t kKeepLogs = 2000;
constexpr qsizetype kKeepEquity = 20000;

template<typename T> void pushCapped(std::deque<T> &d, const T &v, size_t cap)
{
    d.push_back(v);
    while (d.size() > cap)
        d.pop_front();
}

// Runs `fn` on `context`'s thread, or drops it when the context is gone.
template<typename F> void deliver(QObject *context, F &&fn)
{
    if (context)
        QMetaObject::invokeMethod(context, std::forward<F>(fn), Qt::QueuedConnection);
}
} // namespace

class BotApiImpl::SubscriptionHandler final : public Handler {
public:
    explicit SubscriptionHandler(std::shared_ptr<std::atomic<bool>> alive) : m_alive(std::move(alive)) {}
    ~SubscriptionHandler() override { disconnect(); }
    void disconnect() override { m_alive->store(false); }

private:
    std::shared_ptr<std::atomic<bool>> m_alive;
};

BotApiImpl::BotApiImpl(TradeStore &store, SecretStore &secrets, const BotConfig &config)
    : m_store(store), m_secrets(secrets), m_config(config)
{
    m_snapshot.status.mode = config.mode;
}

BotApiImpl::~BotApiImpl() = default;

void BotApiImpl::attachEngine(TradingEngine *engine)
{
    m_engine = engine;
}

void BotApiImpl::seed(const JournalSnapshot &j)
{
    QMutexLocker lock(&m_mutex);
    for (auto it = j.recentOrders.crbegin(); it != j.recentOrders.crend(); ++it)
        pushCapped(m_orders, *it, kKeepOrders);
    for (auto it = j.recentFills.crbegin(); it != j.recentFills.crend(); ++it)
        pushCapped(m_fills, *it, kKeepFills);
    for (auto it = j.recentSignals.crbegin(); it != j.recentSignals.crend(); ++it)
        pushCapped(m_signals, *it, kKeepSignals);
    m_equity = j.equity;
    m_remoteApiSettings = RemoteApiSettings::fromSettings(j.settings);
    for (const char *key : kVenueSettingKeys) {
        const QString value = j.settings.value(QLatin1String(key));
        if (!value.isEmpty())
            m_venueSettings.insert(QLatin1String(key), value);
    }
}

void BotApiImpl::setAppInfo(const AppInfo &info)
{
    QMutexLocker lock(&m_mutex);
    m_appInfo = info;
}

AppInfo BotApiImpl::appInfo() const
{
    QMutexLocker lock(&m_mutex);
    return m_appInfo;
}

RemoteApiSettings BotApiImpl::remoteApiSettings() const
{
    QMutexLocker lock(&m_mutex);
    return m_remoteApiSettings;
}

Result<void> BotApiImpl::setRemoteApiSettings(const RemoteApiSettings &settings)
{
    if (!m_remoteApi)
        return Error{QStringLiteral("API_UNAVAILABLE"), QStringLiteral("this build has no remote API")};
    if (const QStringList problems = m_remoteApi->validate(settings); !problems.isEmpty())
        return Error{QStringLiteral("API_OPTIONS_INVALID"), problems.join(QStringLiteral("; ")), problems};
    // Applied first: a start that fails (port taken, unreadable certificate) is not saved, so the
    // next run does not fail the same way.
    if (const Result<void> applied = m_remoteApi->apply(settings); !applied)
        return applied;
    const QHash<QString, QString> values = settings.toSettings();
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        m_store.saveSetting(it.key(), it.value());
    QMutexLocker lock(&m_mutex);
    m_remoteApiSettings = settings;
    return {};
}

RemoteApiState BotApiImpl::remoteApiState() const
{
    return m_remoteApi ? m_remoteApi->state() : RemoteApiState{};
}

QHash<QString, QString> BotApiImpl::venueSettings() const
{
    QMutexLocker lock(&m_mutex);
    return m_venueSettings;
}

Result<void> BotApiImpl::setVenueSettings(const QHash<QString, QString> &settings)
{
    const QStringList problems = validateVenueSettings(settings);
    if (!problems.isEmpty())
        return Error{QStringLiteral("SETTINGS_INVALID"), problems.join(QStringLiteral("; ")), problems};
    QHash<QString, QString> kept;
    for (const char *key : kVenueSettingKeys) {
        const QString value = settings.value(QLatin1String(key)).trimmed();
        m_store.saveSetting(QLatin1String(key), value); // empty = the default again
        if (!value.isEmpty())
            kept.insert(QLatin1String(key), value);
    }
    QMutexLocker lock(&m_mutex);
    m_venueSettings = kept;
    if (m_venueListener && m_venueListenerContext)
        QMetaObject::invokeMethod(m_venueListenerContext.data(), [listener = m_venueListener, kept] { listener(kept); },
                                  Qt::QueuedConnection);
    return {};
}

void BotApiImpl::venueSymbols(const QHash<QString, QString> &settings, QObject *context,
                              std::function<void(const Result<QList<VenueSymbol>> &)> done)
{
    if (!m_admin) {
        const Result<QList<VenueSymbol>> none = Error{QStringLiteral("NO_VENUE"), QStringLiteral("this build has no real venue")};
        deliver(context, [done, none] { done(none); });
        return;
    }
    m_admin->listSymbols(settings, context, std::move(done));
}

void BotApiImpl::testVenueConnection(const QHash<QString, QString> &settings, QObject *context,
                                     std::function<void(const Result<ConnectionCheck> &)> done)
{
    if (!m_admin) {
        const Result<ConnectionCheck> none = Error{QStringLiteral("NO_VENUE"), QStringLiteral("this build has no real venue")};
        deliver(context, [done, none] { done(none); });
        return;
    }
    m_admin->testConnection(settings, context, std::move(done));
}

QStringList validateVenueSettings(const QHash<QString, QString> &settings)
{
    QStringList problems;
    for (auto it = settings.cbegin(); it != settings.cend(); ++it) {
        const QString value = it.value().trimmed();
        if (it.key() == QLatin1String("symbols")) {
            static const QRegularExpression valid(QStringLiteral("^[A-Z0-9]{2,20}$"));
            const QStringList symbols = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
            if (symbols.size() > kMaxWatchlist)
                problems << QStringLiteral("the watchlist holds at most %1 symbols").arg(kMaxWatchlist);
            for (const QString &s : symbols) {
                if (!valid.match(s.trimmed()).hasMatch())
                    problems << QStringLiteral("'%1' is not a symbol like PEPEUSDT").arg(s.trimmed().left(24));
            }
            continue;
        }
        const bool rest = it.key() == QLatin1String("binance.rest_url");
        const bool stream = it.key() == QLatin1String("binance.stream_url") || it.key() == QLatin1String("binance.ws_api_url");
        if (!rest && !stream) {
            problems << QStringLiteral("unknown venue setting '%1'").arg(it.key().left(40));
            continue;
        }
        if (value.isEmpty())
            continue; // the default
        const QUrl url(value, QUrl::StrictMode);
        const QString scheme = url.scheme();
        const bool schemeOk = rest ? (scheme == QLatin1String("https") || scheme == QLatin1String("http"))
                                   : (scheme == QLatin1String("wss") || scheme == QLatin1String("ws"));
        if (!url.isValid() || url.host().isEmpty() || !schemeOk)
            problems << QStringLiteral("%1 must be a %2 address").arg(it.key(), rest ? QStringLiteral("https:// or http://")
                                                                                : QStringLiteral("wss:// or ws://"));
    }
    return problems;
}

void BotApiImpl::setVenues(const QList<VenueInfo> &venues)
{
    QMutexLocker lock(&m_mutex);
    m_venues = venues;
}

QSet<QString> BotApiImpl::presentSecrets() const
{
    QMutexLocker lock(&m_mutex);
    return m_presentSecrets;
}

void BotApiImpl::setSessionSwitcher(QObject *context, std::function<void(TradingMode)> switcher)
{
    QMutexLocker lock(&m_mutex);
    m_switchContext = context;
    m_switcher = std::move(switcher);
}

void BotApiImpl::setVenueSettingsListener(QObject *context, std::function<void(const QHash<QString, QString> &)> listener)
{
    QMutexLocker lock(&m_mutex);
    m_venueListenerContext = context;
    m_venueListener = std::move(listener);
}

void BotApiImpl::setSecretPresent(const QString &name, bool present)
{
    QMutexLocker lock(&m_mutex);
    if (present)
        m_presentSecrets.insert(name);
    else
        m_presentSecrets.remove(name);
}

void BotApiImpl::start()
{
    if (m_engine)
        QMetaObject::invokeMethod(m_engine.data(), [e = m_engine] { if (e) e->guarded("start", [&] { e->start(); }); }, Qt::QueuedConnection);
}

void BotApiImpl::stop()
{
    if (m_engine)
        QMetaObject::invokeMethod(m_engine.data(), [e = m_engine] { if (e) e->guarded("stop", [&] { e->stop(); }); }, Qt::QueuedConnection);
}

void BotApiImpl::flattenAndStop()
{
    if (m_engine)
        QMetaObject::invokeMethod(m_engine.data(), [e = m_engine] { if (e) e->guarded("flattenAndStop", [&] { e->flattenAndStop(); }); }, Qt::QueuedConnection);
}

void BotApiImpl::resumeTrading()
{
    if (m_engine)
        QMetaObject::invokeMethod(m_engine.data(), [e = m_engine] { if (e) e->guarded("resumeTrading", [&] { e->resumeTrading(); }); }, Qt::QueuedConnection);
}

namespace {
//! Runs `work` on the engine thread and hands its answer to `done` on `context`'s thread; without
//! an engine the answer is `none`.
template<typename T, typename Work, typename Done>
void askEngine(const QPointer<TradingEngine> &engine, QObject *context, T none, Work work, Done done)
{
    QPointer<QObject> ctx(context);
    if (!engine) {
        deliver(context, [done, none] { done(none); });
        return;
    }
    QMetaObject::invokeMethod(engine.data(), [engine, ctx, work, done, none] {
        T answer = none;
        if (engine)
            engine->guarded("manual order", [&] { answer = work(*engine); });
        if (ctx)
            deliver(ctx.data(), [done, answer] { done(answer); });
    }, Qt::QueuedConnection);
}
} // namespace

void BotApiImpl::previewOrder(const ManualOrder &order, QObject *context, std::function<void(const OrderPreview &)> done)
{
    OrderPreview none;
    none.fail("NO_SESSION", QStringLiteral("no market session is running"));
    askEngine<OrderPreview>(m_engine, context, none, [order](TradingEngine &e) { return e.previewManual(order); }, done);
}

void BotApiImpl::placeOrder(const ManualOrder &order, QObject *context, std::function<void(const Result<QString> &)> done)
{
    const Result<QString> none = Error{QStringLiteral("ENGINE_NOT_RUNNING"), QStringLiteral("no market session is running")};
    askEngine<Result<QString>>(m_engine, context, none, [order](TradingEngine &e) { return e.placeManual(order); }, done);
}

void BotApiImpl::cancelOrder(const QString &clientId, QObject *context, std::function<void(const Result<void> &)> done)
{
    const Result<void> none = Error{QStringLiteral("ENGINE_NOT_RUNNING"), QStringLiteral("no market session is running")};
    askEngine<Result<void>>(m_engine, context, none, [clientId](TradingEngine &e) { return e.cancelOrder(clientId); }, done);
}

BotStatus BotApiImpl::status() const
{
    QMutexLocker lock(&m_mutex);
    return m_snapshot.status;
}

BotConfig BotApiImpl::config() const
{
    QMutexLocker lock(&m_mutex);
    return m_config;
}

Result<void> BotApiImpl::setConfig(const BotConfig &config)
{
    QStringList problems = config.validate();
    for (const ModeAvailability &m : availableModes()) {
        if (m.mode == config.mode && !m.available)
            problems << QStringLiteral("mode %1 is not available: %2").arg(toString(m.mode), m.reason);
    }
    {
        QMutexLocker lock(&m_mutex);
        if (config.mode != m_config.mode && m_snapshot.status.engineState != EngineState::Stopped)
            problems << QStringLiteral("stop the engine before changing the trading mode");
    }
    if (!problems.isEmpty())
        return Error{QLatin1String(errors::kConfigInvalid), problems.join(QStringLiteral("; ")), problems};
    bool modeChanged = false;
    QPointer<QObject> switchContext;
    std::function<void(TradingMode)> switcher;
    {
        QMutexLocker lock(&m_mutex);
        modeChanged = config.mode != m_config.mode;
        m_config = config;
        switchContext = m_switchContext;
        switcher = m_switcher;
    }
    m_store.saveSetting(QStringLiteral("config"),
                        QString::fromUtf8(QJsonDocument(config.toJson()).toJson(QJsonDocument::Compact)));
    if (modeChanged && switcher && switchContext) {
        // Another mode is another session (venue, execution, clock): the composition root builds it.
        QMetaObject::invokeMethod(switchContext.data(), [switcher, mode = config.mode] { switcher(mode); },
                                  Qt::QueuedConnection);
        return {};
    }
    if (m_engine)
        QMetaObject::invokeMethod(m_engine.data(), [e = m_engine, config] { if (e) e->guarded("applyConfig", [&] { e->applyConfig(config); }); },
                                  Qt::QueuedConnection);
    return {};
}

QList<ModeAvailability> BotApiImpl::availableModes() const
{
    QMutexLocker lock(&m_mutex);
    return modesFor(m_venues, m_presentSecrets);
}

QList<Instrument> BotApiImpl::instruments() const
{
    QMutexLocker lock(&m_mutex);
    return m_snapshot.instruments;
}

QList<Position> BotApiImpl::positions() const
{
    QMutexLocker lock(&m_mutex);
    return m_snapshot.positions;
}

template<typename T> QList<T> BotApiImpl::newest(const std::deque<T> &items, int limit)
{
    QList<T> out;
    const int n = std::min<int>(limit < 0 ? int(items.size()) : limit, int(items.size()));
    out.reserve(n);
    for (auto it = items.crbegin(); it != items.crend() && out.size() < n; ++it)
        out << *it;
    return out;
}

QList<Order> BotApiImpl::recentOrders(int limit) const
{
    QMutexLocker lock(&m_mutex);
    return newest(m_orders, limit);
}

QList<Fill> BotApiImpl::recentFills(int limit) const
{
    QMutexLocker lock(&m_mutex);
    return newest(m_fills, limit);
}

QList<Signal> BotApiImpl::recentSignals(int limit) const
{
    QMutexLocker lock(&m_mutex);
    return newest(m_signals, limit);
}

QList<LogEntry> BotApiImpl::recentLogs(int limit) const
{
    QMutexLocker lock(&m_mutex);
    return newest(m_logs, limit);
}

QList<EquityPoint> BotApiImpl::equityHistory() const
{
    QMutexLocker lock(&m_mutex);
    return m_equity;
}

QList<Candle> BotApiImpl::candles(const QString &symbol) const
{
    QMutexLocker lock(&m_mutex);
    return m_snapshot.candles.value(symbol);
}

std::optional<Ticker24h> BotApiImpl::ticker(const QString &symbol) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_snapshot.tickers.constFind(symbol);
    if (it == m_snapshot.tickers.constEnd())
        return std::nullopt;
    return *it;
}

void BotApiImpl::runBacktest(const BacktestRequest &request, QObject *context, std::function<void(double)> progress,
                             std::function<void(const Result<BacktestRunPtr> &)> done)
{
    m_backtests.run(request, context, std::move(progress), std::move(done));
}

void BotApiImpl::cancelBacktest() { m_backtests.cancel(); }

QMap<QString, QMap<QString, double>> backtestStrategies()
{
    QMap<QString, QMap<QString, double>> out;
    for (const QString &name : barStrategyNames())
        out.insert(name, barStrategyDefaults(name));
    return out;
}

QList<BacktestRunPtr> BotApiImpl::backtestRuns() const { return m_backtests.runs(); }

void BotApiImpl::runEvaluation(const EvaluationRequest &request, QObject *context, std::function<void(double)> progress,
                               std::function<void(const Result<QJsonObject> &)> done)
{
    if (!m_evaluator) {
        const Result<QJsonObject> none = Error{QStringLiteral("EVALUATION_UNAVAILABLE"),
                                               QStringLiteral("this build has no strategy evaluator")};
        deliver(context, [done, none] { done(none); });
        return;
    }
    m_evaluator->run(request, context, std::move(progress), std::move(done));
}

void BotApiImpl::cancelEvaluation()
{
    if (m_evaluator)
        m_evaluator->cancel();
}

void BotApiImpl::queryHistory(const HistoryQuery &query, QObject *context, std::function<void(const HistoryPage &)> done)
{
    QPointer<QObject> ctx(context);
    m_store.queryHistory(query, [ctx, done](HistoryPage page) {
        deliver(ctx.data(), [ctx, done, page] { if (ctx) done(page); });
    });
}

void BotApiImpl::storeSecret(const QString &name, const QString &value, QObject *context,
                             std::function<void(const QString &)> done)
{
    QPointer<QObject> ctx(context);
    m_secrets.writeSecret(name, value, [this, ctx, done, name](const Result<void> &r) {
        if (r.ok())
            setSecretPresent(name, true);
        const QString error = r.ok() ? QString() : r.error().message;
        deliver(ctx.data(), [ctx, done, error] { if (ctx) done(error); });
    });
}

void BotApiImpl::secretPresent(const QString &name, QObject *context, std::function<void(bool, const QString &)> done)
{
    QPointer<QObject> ctx(context);
    m_secrets.readSecret(name, [this, ctx, done, name](const Result<QString> &r) {
        // An absent entry is an answer ("not set"), not an error.
        const bool answered = r.ok() || r.error().is(errors::kSecretNotFound);
        const bool present = r.ok() && !r.value().isEmpty();
        if (answered)
            setSecretPresent(name, present);
        const QString err = answered ? QString() : r.error().message;
        deliver(ctx.data(), [ctx, done, present, err] { if (ctx) done(present, err); });
    });
}

void BotApiImpl::deleteSecret(const QString &name, QObject *context, std::function<void(const QString &)> done)
{
    QPointer<QObject> ctx(context);
    m_secrets.deleteSecret(name, [this, ctx, done, name](const Result<void> &r) {
        // Deleting what is not there leaves the keychain as asked.
        const bool done_ = r.ok() || r.error().is(errors::kSecretNotFound);
        if (done_)
            setSecretPresent(name, false);
        const QString error = done_ ? QString() : r.error().message;
        deliver(ctx.data(), [ctx, done, error] { if (ctx) done(error); });
    });
}

std::unique_ptr<Handler> BotApiImpl::handleEvents(QObject *context, std::function<void(const BotEvent &)> fn)
{
    auto alive = std::make_shared<std::atomic<bool>>(true);
    QMutexLocker lock(&m_mutex);
    m_subscribers.push_back({QPointer<QObject>(context), std::move(fn), alive});
    return std::make_unique<SubscriptionHandler>(alive);
}

void BotApiImpl::record(const BotEvent &event)
{
    if (const auto *o = std::get_if<Order>(&event)) {
        pushCapped(m_orders, *o, kKeepOrders);
    } else if (const auto *f = std::get_if<Fill>(&event)) {
        pushCapped(m_fills, *f, kKeepFills);
    } else if (const auto *s = std::get_if<Signal>(&event)) {
        pushCapped(m_signals, *s, kKeepSignals);
    } else if (const auto *l = std::get_if<LogEntry>(&event)) {
        pushCapped(m_logs, *l, kKeepLogs);
    } else if (const auto *e = std::get_if<EquityPoint>(&event)) {
        m_equity.append(*e);
        if (m_equity.size() > kKeepEquity)
            m_equity.remove(0, m_equity.size() - kKeepEquity);
    } else if (const auto *st = std::get_if<BotStatus>(&event)) {
        m_snapshot.status = *st;
    }
}

void BotApiImpl::onEngineEvent(const BotEvent &event)
{
    std::vector<Subscriber> subs;
    {
        QMutexLocker lock(&m_mutex);
        record(event);
        std::erase_if(m_subscribers, [](const Subscriber &s) { return !s.alive->load() || !s.context; });
        subs = m_subscribers;
    }
    for (const Subscriber &s : subs) {
        deliver(s.context.data(), [s, event] {
            if (s.alive->load() && s.context)
                s.fn(event);
        });
    }
}

void BotApiImpl::onSnapshot(const EngineSnapshot &snapshot)
{
    QMutexLocker lock(&m_mutex);
    m_snapshot = snapshot;
}

} // namespace engine
