#include "app/appcontext.h"

#include "app/crashreport.h"
#include "app/datadir.h"
#include "app/journaladvice.h"
#include "app/logging.h"
#include "app/remoteapi.h"
#include "app/secretreader.h"
#include "app/session.h"
#include "app/venueregistry.h"

#include "engine/api/botapiimpl.h"
#include "engine/core/version.h"
#include "engine/kernel/engineinbox.h"
#include "engine/kernel/enginethread.h"
#include "engine/execution/journalaudit.h"
#include "engine/kernel/tradingengine.h"
#include "engine/ports/clock.h"

#include "adapters/binance/binanceadmin.h"
#include "adapters/demo/evaluation/evaluationservice.h"
#include "adapters/keychain/qtkeychainsecretstore.h"
#include "adapters/paper/paperexecutionclient.h"
#include "adapters/storage/sqlitetradestore.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QDateTime>
#include <QTimeZone>

namespace app {

namespace {
// The demo market's calendar: a fixed start keeps runs reproducible by seed.
constexpr qint64 kDemoEpochMs = 1767225600000LL; // 2026-01-01T00:00:00Z
constexpr int kDemoWarmUpMinutes = 60;
} // namespace

AppContext::AppContext(AppOptions options, QObject *parent, QList<VenueRegistration> venues)
    : QObject(parent)
    , m_options(std::move(options))
    , m_venues(venues.isEmpty() ? registeredVenues() : std::move(venues))
{
}

QList<engine::VenueInfo> AppContext::infos() const
{
    QList<engine::VenueInfo> list;
    for (const VenueRegistration &v : m_venues)
        list << v.info;
    return list;
}

const VenueRegistration *AppContext::find(const QString &id) const
{
    for (const VenueRegistration &v : m_venues) {
        if (v.info.id == id)
            return &v;
    }
    return nullptr;
}

AppContext::~AppContext() { shutdown(); }

QString AppContext::databasePath() const { return journalPath(m_dataDir); }

engine::BotApi &AppContext::api() { return *m_api; }

engine::BotConfig AppContext::loadConfig(const QHash<QString, QString> &settings)
{
    engine::BotConfig defaults;
    defaults.mode = m_options.mode;
    const QString saved = settings.value(QStringLiteral("config"));
    if (saved.isEmpty())
        return defaults;
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(saved.toUtf8(), &perr);
    QStringList errors;
    engine::BotConfig cfg = doc.isObject() ? engine::BotConfig::fromJson(doc.object(), defaults, &errors) : defaults;
    if (!doc.isObject())
        errors << perr.errorString();
    errors << cfg.validate();
    if (!errors.isEmpty()) {
        // The defaults are the conservative limits; the user sees why in the log panel and the log file.
        m_startupWarnings << QStringLiteral("saved configuration ignored (%1); using the defaults")
                                 .arg(errors.join(QStringLiteral("; ")));
        return defaults;
    }
    cfg.mode = m_options.mode; // the session's mode: from the command line; the UI switches it at run time
    return cfg;
}

engine::Error AppContext::unusable(const QString &problem) const
{
    // Whatever made it unusable, the advice is the same: nothing was written, here is the backup.
    return {QLatin1String(engine::errors::kJournalDamaged), unusableJournalMessage(m_dataDir, problem)};
}

engine::Result<engine::JournalSnapshot> AppContext::openJournal()
{
    m_store = std::make_unique<adapters::storage::SqliteTradeStore>(databasePath());
    if (const engine::Result<void> opened = m_store->open(); !opened) {
        m_store.reset();
        const engine::Error &e = opened.error();
        if (e.is(engine::errors::kJournalDamaged))
            return unusable(e.message);
        return e;
    }
    auto loaded = m_store->loadSnapshot();
    if (!loaded) {
        m_store.reset();
        return unusable(loaded.error().message);
    }
    // Balances, positions and fills must tell the same story before anything trades on them.
    if (const engine::Result<void> audit = engine::JournalAudit::run(*m_store, loaded.value(), QStringLiteral("USDT")); !audit) {
        m_store.reset();
        const QStringList problems = audit.error().details.isEmpty() ? QStringList{audit.error().message} : audit.error().details;
        return unusable(QStringLiteral("The journal %1 does not add up:\n  - %2")
                            .arg(QDir::toNativeSeparators(databasePath()), problems.join(QStringLiteral("\n  - "))));
    }
    return loaded;
}

engine::Result<void> AppContext::chooseVenue()
{
    // The registry decides what this build can run; nothing here is specific to a venue.
    const engine::ModeAvailability mode = engine::modeFor(m_options.mode, infos(), presentSecretNames());
    m_venue = find(mode.venue);
    if (!mode.available || !m_venue) {
        m_venue = nullptr;
        const QString why = mode.venue.isEmpty() ? QStringLiteral("no venue for this mode in this build")
                                                 : mode.reason;
        return engine::Error{QLatin1String(engine::errors::kModeUnavailable),
                             QStringLiteral("--mode %1: %2. Available: %3.")
                                 .arg(engine::toString(m_options.mode), why, availableModeNames())};
    }
    if (m_options.mode == engine::TradingMode::Live && m_options.headless && !m_options.confirmLive)
        return engine::Error{QLatin1String(engine::errors::kModeUnavailable),
                             QStringLiteral("--mode live trades real money: add --confirm-live to start it without a window")};
    return {};
}

QString AppContext::availableModeNames() const
{
    QStringList names;
    for (const engine::ModeAvailability &m : engine::modesFor(infos(), presentSecretNames())) {
        if (m.available)
            names << engine::toString(m.mode);
    }
    return names.join(QStringLiteral(", "));
}

void AppContext::readVenueSecrets()
{
    const SecretsRead read = readSecretsNow(*m_secrets, knownSecretNames());
    m_secretValues = read.values;
    for (const QString &problem : read.problems)
        m_startupWarnings << QStringLiteral("the OS keychain could not be read (%1); live trading stays unavailable").arg(problem);
}

QSet<QString> AppContext::presentSecretNames() const
{
    QSet<QString> names;
    for (auto it = m_secretValues.cbegin(); it != m_secretValues.cend(); ++it)
        names.insert(it.key());
    return names;
}

QHash<QString, QByteArray> AppContext::secretsOf(const VenueRegistration &venue) const
{
    QHash<QString, QByteArray> values;
    for (const QString &name : venue.info.secrets)
        values.insert(name, m_secretValues.value(name));
    return values;
}

QHash<QString, QString> AppContext::venueSettings(const QHash<QString, QString> &saved) const
{
    QHash<QString, QString> settings;
    for (auto it = saved.cbegin(); it != saved.cend(); ++it) {
        if (it.key().startsWith(QLatin1String("binance.")) || it.key() == QLatin1String("symbols"))
            settings.insert(it.key(), it.value());
    }
    for (auto it = m_options.venueSettings.cbegin(); it != m_options.venueSettings.cend(); ++it)
        settings.insert(it.key(), it.value());
    return settings;
}

engine::Result<void> AppContext::initialize()
{
    m_secrets = std::make_unique<adapters::keychain::QtKeychainSecretStore>(m_options.keychainService);
    if (m_options.mode == engine::TradingMode::Live)
        readVenueSecrets();
    if (engine::Result<void> venue = chooseVenue(); !venue)
        return venue;
    m_dataDir = resolveDataDir(m_options.dataDir);
    if (!QDir().mkpath(m_dataDir))
        return engine::Error{QLatin1String(engine::errors::kDataDirUnavailable),
                             QStringLiteral("cannot create the data folder %1").arg(m_dataDir)};
    // One owner per data folder, before anything in it is opened or written.
    m_lock = std::make_unique<DataDirLock>(m_dataDir);
    if (engine::Result<void> locked = m_lock->acquire(); !locked) {
        m_lockOwnerPid = m_lock->ownerPid();
        m_lock.reset();
        return locked;
    }
    setupLogging(m_dataDir, false);
    crash::install(m_dataDir);
    m_crashReports = crash::takeUnseenReports(m_dataDir);

    auto opened = openJournal();
    if (!opened) {
        writeLog({0, engine::LogEntry::Level::Error, QStringLiteral("app"),
                  QStringLiteral("start refused, the journal cannot be used: %1")
                      .arg(opened.error().message.section(QLatin1Char('\n'), 0, 0))});
        return opened.error();
    }
    const engine::JournalSnapshot journal = std::move(opened.value());
    const engine::BotConfig config = loadConfig(journal.settings);

    // Continue the same simulated market after a restart: same seed, same clock. A value that
    // cannot be read stops the start: guessing would silently switch the account to another market.
    quint64 seed = m_options.demoSeed;
    const QString savedSeed = journal.settings.value(QStringLiteral("demo.seed"));
    const QString savedClock = journal.settings.value(QStringLiteral("engine.clock_ms"));
    bool seedOk = true;
    bool clockOk = true;
    const quint64 journalSeed = savedSeed.isEmpty() ? 0 : savedSeed.toULongLong(&seedOk);
    const qint64 journalClock = savedClock.isEmpty() ? 0 : savedClock.toLongLong(&clockOk);
    if (!seedOk || !clockOk)
        return unusable(QStringLiteral("The journal's setting %1 ('%2') is not a whole number")
                            .arg(seedOk ? QStringLiteral("engine.clock_ms") : QStringLiteral("demo.seed"),
                                 (seedOk ? savedClock : savedSeed).left(64)));
    if (!m_options.seedGiven && !savedSeed.isEmpty())
        seed = journalSeed;
    const qint64 resumeAtMs = !savedSeed.isEmpty() && journalSeed == seed ? journalClock : 0;
    if (m_venue->info.simulated)
        m_store->saveSetting(QStringLiteral("demo.seed"), QString::number(seed));

    m_api = std::make_unique<engine::BotApiImpl>(*m_store, *m_secrets, config);
    m_venueAdmin = std::make_unique<adapters::binance::BinanceAdmin>(*m_secrets);
    m_api->setVenueAdmin(m_venueAdmin.get());
    m_evaluator = std::make_unique<adapters::demo::evaluation::EvaluationService>();
    m_api->setEvaluator(m_evaluator.get());
    m_remoteApi = std::make_unique<RemoteApi>(*m_api, *m_secrets, m_dataDir);
    m_api->setRemoteApiControl(m_remoteApi.get());
    for (const QString &skipped : m_api->setBacktestDir(m_dataDir + QStringLiteral("/backtests")))
        qWarning("a kept backtest could not be read and is skipped: %s", qPrintable(skipped));
    m_api->setVenues(infos());
    m_api->setAppInfo({QString::fromLatin1(engine::version()), QString::fromLatin1(engine::buildDate()), m_dataDir, databasePath(),
                       logFilePath(m_dataDir)});
    m_api->seed(journal);
    m_api->setSessionSwitcher(this, [this](engine::TradingMode mode) { switchMode(mode); });
    m_api->setVenueSettingsListener(this, [this](const QHash<QString, QString> &saved) {
        m_feedOptions.settings = venueSettings(saved);
        if (!m_session || !m_session->running() || m_venue->info.simulated)
            return;
        const bool all = m_session->applySettings(m_feedOptions.settings);
        writeLog({0, engine::LogEntry::Level::Info, QStringLiteral("app"),
                  all ? QStringLiteral("venue settings applied: watching %1").arg(m_feedOptions.settings.value(QStringLiteral("symbols")))
                      : QStringLiteral("watchlist applied; the new addresses take effect when the next session starts")});
    });
    // Engine log entries go to the rotating log file too (redacted); subscribed before the engine
    // restores, so the "restored journal" line is in the log.
    m_logHandler = m_api->handleEvents(this, [](const engine::BotEvent &ev) {
        if (const auto *entry = std::get_if<engine::LogEntry>(&ev))
            writeLog(*entry);
    });
    for (const QString &warning : std::as_const(m_startupWarnings))
        writeLog({0, engine::LogEntry::Level::Warning, QStringLiteral("config"), warning});

    m_feedOptions.seed = seed;
    m_feedOptions.speed = m_options.speed;
    m_feedOptions.epochMs = kDemoEpochMs;
    m_feedOptions.warmUpMinutes = kDemoWarmUpMinutes;
    m_feedOptions.resumeAtMs = resumeAtMs;
    m_feedOptions.settings = venueSettings(journal.settings);
    if (config.mode == engine::TradingMode::Live)
        m_feedOptions.secrets = secretsOf(*m_venue);
    for (const QString &name : m_secretValues.keys())
        m_api->setSecretPresent(name, true);
    m_session = std::make_unique<Session>();
    if (const engine::Result<void> started = m_session->start({m_venue, config, m_feedOptions, m_store.get(), m_api.get()}, journal);
        !started) {
        m_logHandler.reset();
        return unusable(QStringLiteral("Cannot restore the journal: ") + started.error().message);
    }

    // Whether live keys exist decides what the mode picker offers; a keychain that cannot be asked
    // is worth a line in the log (live trading stays unavailable then).
    m_api->secretPresent(QString::fromLatin1(engine::secrets::kBinanceApiKey), this,
                         [this](bool present, const QString &problem) {
                             if (!problem.isEmpty())
                                 writeLog({0, engine::LogEntry::Level::Warning, QStringLiteral("keychain"),
                                           QStringLiteral("the OS keychain could not be asked for the Binance key: %1")
                                               .arg(problem)});
                             if (problem.isEmpty())
                                 m_api->setSecretPresent(QString::fromLatin1(engine::secrets::kBinanceApiKey), present);
                         });
    writeLog({0, engine::LogEntry::Level::Info, QStringLiteral("app"),
              QStringLiteral("memedesk %1 started in %2 mode: data %3, %4")
                  .arg(QString::fromLatin1(engine::version()), engine::toString(config.mode), m_dataDir, m_session->describe())});
    return {};
}

void AppContext::run()
{
    m_session->startFeed();
    if (m_options.autostart)
        m_api->start();
    if (const engine::RemoteApiSettings saved = m_api->remoteApiSettings(); saved.enabled && !m_remoteApi->state().running &&
                                                                             !m_options.api.enabled) {
        if (const engine::Result<void> started = m_remoteApi->apply(saved); !started)
            writeLog({0, engine::LogEntry::Level::Warning, QStringLiteral("api"),
                      QStringLiteral("the remote API (on in Trading Config) did not start: %1").arg(started.error().message)});
    }
}

engine::TradingMode AppContext::mode() const
{
    return m_session ? m_session->mode() : m_options.mode;
}

void AppContext::switchMode(engine::TradingMode mode)
{
    if (!m_session || m_shutDown || (mode == m_session->mode() && m_session->running()))
        return;
    if (mode == engine::TradingMode::Live) {
        readVenueSecrets(); // the keys may have been stored since the start
        for (const QString &name : m_secretValues.keys())
            m_api->setSecretPresent(name, true);
    }
    const engine::ModeAvailability availability = engine::modeFor(mode, infos(), m_api->presentSecrets());
    const VenueRegistration *venue = find(availability.venue);
    if (!availability.available || !venue) {
        writeLog({0, engine::LogEntry::Level::Error, QStringLiteral("app"),
                  QStringLiteral("cannot switch to %1 mode: %2").arg(engine::toString(mode), availability.reason)});
        return;
    }
    const engine::TradingMode from = m_session->mode();
    // If anything below fails the session stays stopped (logged); picking any mode tries again.
    // The old session ends cleanly (working orders cancelled, journal complete); the new one is
    // restored from the journal as it now stands and reconciles with its venue when started.
    m_session->stop();
    const auto journal = m_store->loadSnapshot();
    const engine::Result<void> audit =
        journal ? engine::JournalAudit::run(*m_store, journal.value(), QStringLiteral("USDT")) : engine::Result<void>(journal.error());
    if (!audit) {
        writeLog({0, engine::LogEntry::Level::Error, QStringLiteral("app"),
                  QStringLiteral("cannot switch to %1 mode: the journal cannot be used (%2)")
                      .arg(engine::toString(mode), audit.error().message)});
        return;
    }
    engine::BotConfig config = m_api->config();
    config.mode = mode;
    m_venue = venue;
    m_feedOptions.secrets = mode == engine::TradingMode::Live ? secretsOf(*venue) : QHash<QString, QByteArray>();
    m_feedOptions.settings = venueSettings(m_api->venueSettings()); // what Trading Config saved since
    if (const auto started = m_session->start({m_venue, config, m_feedOptions, m_store.get(), m_api.get()}, journal.value());
        !started) {
        writeLog({0, engine::LogEntry::Level::Error, QStringLiteral("app"),
                  QStringLiteral("cannot start %1 mode: %2").arg(engine::toString(mode), started.error().message)});
        return;
    }
    m_session->startFeed();
    writeLog({0, engine::LogEntry::Level::Info, QStringLiteral("app"),
              QStringLiteral("switched from %1 to %2 mode (%3); press Start to reconcile and trade")
                  .arg(engine::toString(from), engine::toString(mode), m_session->describe())});
}

QString AppContext::apiUrl() const
{
    return m_remoteApi ? m_remoteApi->state().url : QString();
}

engine::Result<QString> AppContext::startApi(const adapters::rest::ApiOptions &options)
{
    if (!m_remoteApi)
        return engine::Error(QStringLiteral("API_UNAVAILABLE"), QStringLiteral("the engine is not running"));
    return m_remoteApi->startFromCommandLine(options);
}

void AppContext::shutdown()
{
    if (m_shutDown || !m_session) {
        m_shutDown = true;
        return;
    }
    m_shutDown = true;
    if (m_remoteApi)
        m_remoteApi->stop();
    m_session->stop();
    m_logHandler.reset();
    m_session.reset();
    m_api.reset();
    m_venueAdmin.reset();
    m_store.reset();
    shutdownLogging();
    m_lock.reset(); // last: the folder is free only once the journal is closed
}

} // namespace app
