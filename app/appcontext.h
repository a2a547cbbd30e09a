#pragma once

#include "app/appoptions.h"
#include "app/marketfeed.h"
#include "app/venueregistry.h"

#include "engine/api/botconfig.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace engine {
class BotApi;
class BotApiImpl;
struct JournalSnapshot;
class EngineThread;
class EventClock;
class Handler;
class TradingEngine;
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

namespace app {

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

    //! Why initialize() failed, so main() can answer the right way.
    enum class Failure { None, InUse, JournalUnusable, Other };

    //! Locks the data folder, opens and checks the journal, restores state; false + a readable
    //! error (for a damaged journal: the backup to restore and the command) on failure.
    bool initialize(QString *error);
    [[nodiscard]] Failure failure() const { return m_failure; }
    //! The process holding the data folder when failure() is InUse (0 when unknown).
    [[nodiscard]] qint64 lockOwnerPid() const { return m_lockOwnerPid; }
    //! Starts market data, and trading too when autostart is on.
    void run();
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

private:
    engine::BotConfig loadConfig(const QHash<QString, QString> &settings);
    bool openJournal(engine::JournalSnapshot *journal, QString *error);
    bool chooseVenue(QString *error);
    [[nodiscard]] QString availableModeNames() const;
    [[nodiscard]] QList<engine::VenueInfo> infos() const;
    [[nodiscard]] const VenueRegistration *find(const QString &id) const;
    bool failWith(Failure failure, const QString &message, QString *error);

    AppOptions m_options;
    QString m_dataDir;
    std::unique_ptr<DataDirLock> m_lock;
    Failure m_failure = Failure::None;
    qint64 m_lockOwnerPid = 0;
    QStringList m_startupWarnings;
    QList<VenueRegistration> m_venues;
    std::unique_ptr<adapters::storage::SqliteTradeStore> m_store;
    std::unique_ptr<adapters::keychain::QtKeychainSecretStore> m_secrets;
    const VenueRegistration *m_venue = nullptr;
    FeedOptions m_feedOptions;
    std::unique_ptr<engine::BotApiImpl> m_api;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<engine::Handler> m_logHandler;
    bool m_shutDown = false;
};

} // namespace app
