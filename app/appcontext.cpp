#include "appcontext.h"

#include "logging.h"

#include "api/botapiimpl.h"
#include "kernel/engineinbox.h"
#include "kernel/enginethread.h"
#include "kernel/tradingengine.h"
#include "ports/clock.h"

#include "demo/demomarket.h"
#include "keychain/qtkeychainsecretstore.h"
#include "paper/paperexecutionclient.h"
#include "storage/sqlitetradestore.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

namespace app {

namespace {
// The demo market's calendar: a fixed start keeps runs reproducible by seed.
constexpr qint64 kDemoEpochMs = 1767225600000LL; // 2026-01-01T00:00:00Z
constexpr int kDemoWarmUpMinutes = 60;
} // namespace

AppContext::AppContext(AppOptions options, QObject *parent) : QObject(parent), m_options(std::move(options)) {}

AppContext::~AppContext() { shutdown(); }

QString AppContext::databasePath() const { return QDir(m_dataDir).filePath(QStringLiteral("memedesk.sqlite")); }

engine::BotApi &AppContext::api() { return *m_api; }

engine::BotConfig AppContext::loadConfig(const QHash<QString, QString> &settings)
{
    engine::BotConfig defaults;
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
        writeLog({0, engine::LogEntry::Level::Warning, QStringLiteral("config"),
                  QStringLiteral("saved configuration ignored (%1); using defaults").arg(errors.join(QStringLiteral("; ")))});
        return defaults;
    }
    cfg.mode = engine::TradingMode::Demo; // only demo is available in this build
    return cfg;
}

bool AppContext::initialize(QString *error)
{
    m_dataDir = m_options.dataDir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                                            : QDir(m_options.dataDir).absolutePath();
    if (!QDir().mkpath(m_dataDir)) {
        *error = QStringLiteral("cannot create the data folder %1").arg(m_dataDir);
        return false;
    }
    setupLogging(m_dataDir, false);

    m_store = std::make_unique<adapters::storage::SqliteTradeStore>(databasePath());
    if (!m_store->open(error))
        return false;
    const engine::JournalSnapshot journal = m_store->loadSnapshot();
    const engine::BotConfig config = loadConfig(journal.settings);

    // Continue the same simulated market after a restart: same seed, same clock.
    quint64 seed = m_options.demoSeed;
    const QString savedSeed = journal.settings.value(QStringLiteral("demo.seed"));
    if (!m_options.seedGiven && !savedSeed.isEmpty())
        seed = savedSeed.toULongLong();
    const qint64 resumeAtMs = savedSeed == QString::number(seed)
                                  ? journal.settings.value(QStringLiteral("engine.clock_ms")).toLongLong()
                                  : 0;
    m_store->saveSetting(QStringLiteral("demo.seed"), QString::number(seed));

    m_clock = std::make_unique<engine::EventClock>(kDemoEpochMs);
    m_secrets = std::make_unique<adapters::keychain::QtKeychainSecretStore>(m_options.keychainService);

    adapters::paper::PaperConfig paperConfig;
    paperConfig.initialBalances.insert(QStringLiteral("USDT"), config.startingCash);
    m_paper = std::make_unique<adapters::paper::PaperExecutionClient>(paperConfig, m_clock.get());
    if (!journal.balances.isEmpty())
        m_paper->restoreBalances(journal.balances);

    m_demo = std::make_unique<adapters::demo::DemoMarket>(seed, m_options.speed, kDemoWarmUpMinutes, kDemoEpochMs);
    if (resumeAtMs > kDemoEpochMs)
        m_demo->resumeAt(resumeAtMs);

    m_api = std::make_unique<engine::BotApiImpl>(*m_store, *m_secrets, config);
    m_api->seed(journal);

    engine::TradingEngine::Deps deps;
    deps.clock = m_clock.get();
    deps.eventClock = m_clock.get();
    deps.execution = m_paper.get();
    deps.store = m_store.get();
    deps.observer = m_api.get();
    auto *engine = new engine::TradingEngine(deps, config);
    engine->restore(journal);
    m_api->attachEngine(engine);

    m_store->setStoreSink(&engine->inbox());
    m_paper->setExecutionSink(&engine->inbox());
    m_demo->addMarketSink(m_paper.get()); // paper fills against the same books
    m_demo->addMarketSink(&engine->inbox());
    m_demo->addSocialSink(&engine->inbox());
    m_demo->addChainSink(&engine->inbox());

    // Engine log entries go to the rotating log file too (redacted).
    m_logHandler = m_api->handleEvents(this, [](const engine::BotEvent &ev) {
        if (const auto *entry = std::get_if<engine::LogEntry>(&ev))
            writeLog(*entry);
    });

    m_engineThread = std::make_unique<engine::EngineThread>(engine);
    m_engineThread->start();

    // Whether live keys exist decides what the mode picker offers.
    m_api->secretPresent(QString::fromLatin1(engine::secrets::kBinanceApiKey), this,
                         [this](bool present, const QString &) { m_api->setLiveKeysPresent(present); });
    writeLog({0, engine::LogEntry::Level::Info, QStringLiteral("app"),
              QStringLiteral("memedesk %1 started: data %2, demo seed %3 at %4x")
                  .arg(QStringLiteral(MEMEDESK_VERSION), m_dataDir)
                  .arg(seed)
                  .arg(m_options.speed)});
    return true;
}

void AppContext::run()
{
    m_demo->startMarketData();
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
    m_demo.reset();
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
}

} // namespace app
