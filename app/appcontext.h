#pragma once

#include "app/appoptions.h"
#include "app/marketfeed.h"
#include "app/venueregistry.h"

#include "engine/api/botconfig.h"
#include "engine/core/result.h"
#include "engine/ports/tradestore.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

namespace engine {
class BotApi;
class BotApiImpl;
class EngineThread;
class EventClock;
class Handler;
class TradingEngine;
class VenueAdmin;
} // namespace engine
namespace adapters::paper {
class PaperExecutionClient;
}
namespace adapters::storage {
class SqliteTradeStore;
}
namespace adapters::keychain {
class QtKeychainSecretStore;
}
namespace adapters::demo::evaluation {
class EvaluationService;
}

namespace app {

class RemoteApi;
class DataDirLock;
class Session;

//! The composition root: builds the store, keychain, demo market, paper venue,
//! engine thread and BotApi, wires them together, restores the journal and
//! starts the market. The only place that knows every concrete adapter.
class AppContext final : public QObject {
    Q_OBJECT
public:
    //! `venues` replaces the build's registry (tests); empty = registeredVenues().
    explicit AppContext(AppOptions options, QObject *parent = nullptr, QList<VenueRegistration> venues = {});
    ~AppContext() override;

    //! Locks the data folder, opens and checks the journal, restores state. The error's code says
    //! what happened: DATA_DIR_IN_USE (another Memedesk has the folder), JOURNAL_DAMAGED (the
    //! message names the backup to restore and the command), MODE_UNAVAILABLE, …
    engine::Result<void> initialize();
    //! The process holding the data folder after DATA_DIR_IN_USE (0 when unknown).
    [[nodiscard]] qint64 lockOwnerPid() const { return m_lockOwnerPid; }
    //! Starts market data, and trading too when autostart is on; and the remote API when Trading
    //! Config saved it on (unless the command line's --api decided already).
    void run();
    //! Starts the remote API as the options say (after initialize()); answers its address.
    //! The API stops first at shutdown, so no client calls into a stopping engine.
    engine::Result<QString> startApi(const adapters::rest::ApiOptions &options);
    //! "http://127.0.0.1:8787" while the API runs, else empty.
    [[nodiscard]] QString apiUrl() const;
    //! Stops trading and the market, flushes the journal.
    void shutdown();
    //! Ends the running session and starts `mode` on the venue that provides it, restored from the
    //! journal (BotApi::setConfig with another mode asks for this). Logged; refused when the mode
    //! is not available. The new session reconciles with its venue when trading starts.
    void switchMode(engine::TradingMode mode);
    [[nodiscard]] engine::TradingMode mode() const;

    [[nodiscard]] engine::BotApi &api();
    [[nodiscard]] const AppOptions &options() const { return m_options; }
    [[nodiscard]] QString dataDir() const { return m_dataDir; }
    [[nodiscard]] QString databasePath() const;
    //! Crash reports left by earlier runs that nobody was shown yet (shown once, by main()).
    [[nodiscard]] QStringList unseenCrashReports() const { return m_crashReports; }

private:
    engine::BotConfig loadConfig(const QHash<QString, QString> &settings);
    engine::Result<engine::JournalSnapshot> openJournal();
    engine::Result<void> chooseVenue();
    [[nodiscard]] engine::Error unusable(const QString &problem) const;
    [[nodiscard]] QString availableModeNames() const;
    [[nodiscard]] QList<engine::VenueInfo> infos() const;
    [[nodiscard]] const VenueRegistration *find(const QString &id) const;
    //! Reads every venue key from the keychain (live trading needs them in memory; never logged).
    void readVenueSecrets();
    [[nodiscard]] QSet<QString> presentSecretNames() const;
    [[nodiscard]] QHash<QString, QByteArray> secretsOf(const VenueRegistration &venue) const;
    //! The venue settings: saved ones (journal) overridden by the command line.
    [[nodiscard]] QHash<QString, QString> venueSettings(const QHash<QString, QString> &saved) const;

    AppOptions m_options;
    QString m_dataDir;
    std::unique_ptr<DataDirLock> m_lock;
    qint64 m_lockOwnerPid = 0;
    QStringList m_startupWarnings;
    QStringList m_crashReports;
    QList<VenueRegistration> m_venues;
    std::unique_ptr<adapters::storage::SqliteTradeStore> m_store;
    std::unique_ptr<adapters::keychain::QtKeychainSecretStore> m_secrets;
    std::unique_ptr<engine::VenueAdmin> m_venueAdmin;
    std::unique_ptr<adapters::demo::evaluation::EvaluationService> m_evaluator; // before m_api: outlives it
    const VenueRegistration *m_venue = nullptr;
    FeedOptions m_feedOptions;
    QHash<QString, QByteArray> m_secretValues;
    std::unique_ptr<engine::BotApiImpl> m_api;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<engine::Handler> m_logHandler;
    std::unique_ptr<RemoteApi> m_remoteApi; // after m_api: stops before it
    bool m_shutDown = false;
};

} // namespace app
