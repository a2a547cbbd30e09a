#include "app/appcontext.h"

#include "app/datadir.h"
#include "app/journaladvice.h"
#include "app/logging.h"
#include "app/venueregistry.h"

#include "engine/api/botapiimpl.h"
#include "engine/kernel/engineinbox.h"
#include "engine/kernel/enginethread.h"
#include "engine/execution/journalaudit.h"
#include "engine/kernel/tradingengine.h"
#include "engine/ports/clock.h"

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

AppContext::AppContext(AppOptions options, QObject *parent) : QObject(parent), m_options(std::move(options)) {}

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
    cfg.mode = m_options.mode; // the session's mode, chosen on the command line (switching needs a restart)
    return cfg;
}

bool AppContext::failWith(Failure failure, const QString &message, QString *error)
{
    m_failure = failure;
    *error = message;
    return false;
}

bool AppContext::openJournal(engine::JournalSnapshot *journal, QString *error)
{
    m_store = std::make_unique<adapters::storage::SqliteTradeStore>(databasePath());
    if (const engine::Result<void> opened = m_store->open(); !opened) {
        m_store.reset();
        const engine::Error &e = opened.error();
        if (e.is(engine::errors::kJournalDamaged))
            return failWith(Failure::JournalUnusable, unusableJournalMessage(m_dataDir, e.message), error);
        return failWith(e.is(engine::errors::kJournalInUse) ? Failure::InUse : Failure::Other, e.message, error);
    }
    auto loaded = m_store->loadSnapshot();
    if (!loaded) {
        m_store.reset();
        return failWith(Failure::JournalUnusable, unusableJournalMessage(m_dataDir, loaded.error().message), error);
    }
    *journal = std::move(loaded.value());
    // Balances, positions and fills must tell the same story before anything trades on them.
    QStringList problems;
    if (!engine::JournalAudit::run(*m_store, *journal, QStringLiteral("USDT"), &problems)) {
        m_store.reset();
        return failWith(Failure::JournalUnusable,
                        unusableJournalMessage(m_dataDir, QStringLiteral("The journal %1 does not add up:\n  - %2")
                                                              .arg(QDir::toNativeSeparators(databasePath()),
                                                                   problems.join(QStringLiteral("\n  - ")))),
                        error);
    }
    return true;
}

bool AppContext::chooseVenue(QString *error)
{
    // The registry decides what this build can run; nothing here is specific to a venue.
    const engine::ModeAvailability mode = engine::modeFor(m_options.mode, venueInfos(), {});
    m_venue = findVenue(mode.venue);
    if (!mode.available || !m_venue) {
        m_venue = nullptr;
        const QString why = mode.venue.isEmpty() ? QStringLiteral("no venue for this mode in this build")
                                                 : mode.reason;
        return failWith(Failure::Other,
                        QStringLiteral("--mode %1: %2. Available: %3.")
                            .arg(engine::toString(m_options.mode), why, availableModeNames()),
                        error);
    }
    if (m_options.mode == engine::TradingMode::Live && m_options.headless && !m_options.confirmLive)
        return failWith(Failure::Other,
                        QStringLiteral("--mode live trades real money: add --confirm-live to start it without a window"),
                        error);
    return true;
}

QString AppContext::availableModeNames()
{
    QStringList names;
    for (const engine::ModeAvailability &m : engine::modesFor(venueInfos(), {})) {
        if (m.available)
            names << engine::toString(m.mode);
    }
    return names.join(QStringLiteral(", "));
}

bool AppContext::initialize(QString *error)
{
    if (!chooseVenue(error))
        return false;
    m_dataDir = resolveDataDir(m_options.dataDir);
    if (!QDir().mkpath(m_dataDir))
        return failWith(Failure::Other, QStringLiteral("cannot create the data folder %1").arg(m_dataDir), error);
    // One owner per data folder, before anything in it is opened or written.
    m_lock = std::make_unique<DataDirLock>(m_dataDir);
    if (!m_lock->acquire(error)) {
        m_failure = Failure::InUse;
        m_lockOwnerPid = m_lock->ownerPid();
        m_lock.reset();
        return false;
    }
    setupLogging(m_dataDir, false);

    engine::JournalSnapshot journal;
    if (!openJournal(&journal, error)) {
        writeLog({0, engine::LogEntry::Level::Error, QStringLiteral("app"),
                  QStringLiteral("start refused, the journal cannot be used: %1").arg(error->section(QLatin1Char('\n'), 0, 0))});
        return false;
    }
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
    if (!seedOk || !clockOk) {
        return failWith(Failure::JournalUnusable,
                        unusableJournalMessage(m_dataDir, QStringLiteral("The journal's setting %1 ('%2') is not a whole number")
                                                              .arg(seedOk ? QStringLiteral("engine.clock_ms")
                                                                          : QStringLiteral("demo.seed"),
                                                                   (seedOk ? savedClock : savedSeed).left(64))),
                        error);
    }
    if (!m_options.seedGiven && !savedSeed.isEmpty())
        seed = journalSeed;
    const qint64 resumeAtMs = !savedSeed.isEmpty() && journalSeed == seed ? journalClock : 0;
    if (m_venue->info.simulated)
        m_store->saveSetting(QStringLiteral("demo.seed"), QString::number(seed));

    m_clock = std::make_unique<engine::EventClock>(kDemoEpochMs);
    m_secrets = std::make_unique<adapters::keychain::QtKeychainSecretStore>(m_options.keychainService);

    adapters::paper::PaperConfig paperConfig;
    paperConfig.initialBalances.insert(QStringLiteral("USDT"), config.startingCash);
    m_paper = std::make_unique<adapters::paper::PaperExecutionClient>(paperConfig, m_clock.get());
    if (!journal.balances.isEmpty())
        m_paper->restoreBalances(journal.balances);

    FeedOptions feed;
    feed.seed = seed;
    feed.speed = m_options.speed;
    feed.epochMs = kDemoEpochMs;
    feed.warmUpMinutes = kDemoWarmUpMinutes;
    feed.resumeAtMs = resumeAtMs;
    m_feed = m_venue->makeFeed(feed);

    m_api = std::make_unique<engine::BotApiImpl>(*m_store, *m_secrets, config);
    m_api->setVenues(venueInfos());
    m_api->seed(journal);
    // Engine log entries go to the rotating log file too (redacted); subscribed before the engine
    // restores, so the "restored journal" line is in the log.
    m_logHandler = m_api->handleEvents(this, [](const engine::BotEvent &ev) {
        if (const auto *entry = std::get_if<engine::LogEntry>(&ev))
            writeLog(*entry);
    });

    engine::TradingEngine::Deps deps;
    deps.clock = m_clock.get();
    deps.eventClock = m_clock.get();
    deps.execution = m_paper.get();
    deps.store = m_store.get();
    deps.observer = m_api.get();
    auto engine = std::make_unique<engine::TradingEngine>(deps, config);
    for (const QString &warning : std::as_const(m_startupWarnings))
        writeLog({0, engine::LogEntry::Level::Warning, QStringLiteral("config"), warning});
    if (const engine::Result<void> restored = engine->restore(journal); !restored) {
        m_logHandler.reset();
        return failWith(Failure::JournalUnusable,
                        unusableJournalMessage(m_dataDir, QStringLiteral("Cannot restore the journal: ") + restored.error().message),
                        error);
    }
    m_api->attachEngine(engine.get());

    m_store->setStoreSink(&engine->inbox());
    m_paper->setExecutionSink(&engine->inbox());
    m_feed->connectTo(engine->inbox(), m_paper.get());

    m_engineThread = std::make_unique<engine::EngineThread>(engine.release());
    m_engineThread->start();

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
                  .arg(QStringLiteral(MEMEDESK_VERSION), engine::toString(config.mode), m_dataDir, m_feed->describe())});
    return true;
}

void AppContext::run()
{
    m_feed->start();
    if (m_options.autostart)
        m_api->start();
}

void AppContext::shutdown()
{
    if (m_shutDown || !m_engineThread) {
        m_shutDown = true;
        return;
    }
    m_shutDown = true;
    // Order matters: silence the producers first, then make the journal complete,
    // then detach every sink before the engine (which owns the inbox) goes away.
    m_feed.reset();
    engine::TradingEngine *engine = m_engineThread->engine();
    m_engineThread->runBlocking([engine] { engine->stop(); });
    m_store->flush();
    m_store->setStoreSink(nullptr);
    m_paper->setExecutionSink(nullptr);
    m_logHandler.reset();
    m_engineThread.reset();
    m_api.reset();
    m_paper.reset();
    m_store.reset();
    shutdownLogging();
    m_lock.reset(); // last: the folder is free only once the journal is closed
}

} // namespace app
