#pragma once

#include "app/marketfeed.h"
#include "app/venueregistry.h"

#include "engine/api/botconfig.h"
#include "engine/core/result.h"
#include "engine/ports/tradestore.h"

#include <memory>

namespace engine {
class BotApiImpl;
class ExecutionClient;
class EngineThread;
class EventClock;
} // namespace engine
namespace adapters::paper {
class PaperExecutionClient;
}
namespace adapters::storage {
class SqliteTradeStore;
}

namespace app {

//! One trading mode running on one venue: its clock, market feed, execution (the paper venue for
//! demo and dry run) and the engine on its thread, restored from the journal. The journal, the
//! keychain and BotApi outlive sessions; switching modes ends one session and starts another.
class Session {
public:
    struct Parts {
        const VenueRegistration *venue = nullptr;
        engine::BotConfig config;   // config.mode is the session's mode
        FeedOptions feed;
        adapters::storage::SqliteTradeStore *store = nullptr;
        engine::BotApiImpl *api = nullptr;
    };

    Session();
    //! Stops it as stop() does.
    ~Session();
    Session(const Session &) = delete;
    Session &operator=(const Session &) = delete;

    //! Builds the parts, restores the engine from `journal` and starts the engine thread (the
    //! market feed starts with startFeed()). An error leaves nothing running.
    engine::Result<void> start(const Parts &parts, const engine::JournalSnapshot &journal);
    void startFeed();
    //! Silences the feed, stops the engine (working orders are cancelled, positions stay), makes
    //! the journal complete and detaches every sink. Idempotent.
    void stop();

    [[nodiscard]] engine::TradingMode mode() const { return m_mode; }
    [[nodiscard]] QString describe() const;
    //! Hands changed venue settings to the running feed (see MarketFeed::applySettings).
    bool applySettings(const QHash<QString, QString> &settings) { return m_feed && m_feed->applySettings(settings); }
    [[nodiscard]] bool running() const { return m_thread != nullptr; }

private:
    engine::TradingMode m_mode = engine::TradingMode::Demo;
    adapters::storage::SqliteTradeStore *m_store = nullptr;
    std::unique_ptr<engine::EventClock> m_clock;
    std::unique_ptr<adapters::paper::PaperExecutionClient> m_paper;
    std::unique_ptr<MarketFeed> m_feed;
    engine::ExecutionClient *m_execution = nullptr; // the paper venue, or the live feed's venue
    std::unique_ptr<engine::EngineThread> m_thread;
};

} // namespace app
