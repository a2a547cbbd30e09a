#include "app/session.h"

#include "engine/api/botapiimpl.h"
#include "engine/kernel/engineinbox.h"
#include "engine/kernel/enginethread.h"
#include "engine/kernel/tradingengine.h"
#include "engine/ports/clock.h"

#include "adapters/paper/paperexecutionclient.h"
#include "adapters/storage/sqlitetradestore.h"

namespace app {

Session::Session() = default;

Session::~Session() { stop(); }

engine::Result<void> Session::start(const Parts &parts, const engine::JournalSnapshot &journal)
{
    stop();
    m_mode = parts.config.mode;
    m_store = parts.store;
    // Simulated venues run on the time of their own events; real ones on the wall clock (the
    // event clock then simply follows the venue's timestamps).
    m_clock = std::make_unique<engine::EventClock>(parts.feed.epochMs);

    adapters::paper::PaperConfig paperConfig;
    paperConfig.initialBalances.insert(QStringLiteral("USDT"), parts.config.startingCash);
    m_paper = std::make_unique<adapters::paper::PaperExecutionClient>(paperConfig, m_clock.get());
    if (!journal.balances.isEmpty())
        m_paper->restoreBalances(journal.balances);

    m_feed = parts.venue->makeFeed(parts.feed);
    m_execution = m_paper.get();
    const auto fail = [this](engine::Error error) {
        m_feed.reset();
        m_paper.reset();
        m_clock.reset();
        m_execution = nullptr;
        return engine::Result<void>(std::move(error));
    };
    if (const QString problem = m_feed->problem(); !problem.isEmpty())
        return fail({QStringLiteral("VENUE_SETUP"), problem});
    if (m_mode == engine::TradingMode::Live) {
        m_execution = m_feed->liveExecution();
        if (!m_execution)
            return fail({QLatin1String(engine::errors::kModeUnavailable),
                         QStringLiteral("%1 cannot place orders: its API keys are not in the keychain")
                             .arg(parts.venue->info.displayName)});
    }

    engine::TradingEngine::Deps deps;
    deps.clock = m_clock.get();
    deps.eventClock = m_clock.get();
    deps.execution = m_execution;
    deps.store = m_store;
    deps.observer = parts.api;
    auto engine = std::make_unique<engine::TradingEngine>(deps, parts.config);
    if (engine::Result<void> restored = engine->restore(journal); !restored)
        return fail(restored.error());
    parts.api->attachEngine(engine.get());
    m_store->setStoreSink(&engine->inbox());
    m_execution->setExecutionSink(&engine->inbox());
    // Paper fills need the venue's books; live orders are filled by the venue itself.
    m_feed->connectTo(engine->inbox(), m_execution == m_paper.get() ? m_paper.get() : nullptr);
    m_thread = std::make_unique<engine::EngineThread>(engine.release());
    m_thread->start();
    return {};
}

void Session::startFeed()
{
    if (m_feed)
        m_feed->start();
}

void Session::stop()
{
    if (!m_thread)
        return;
    // Order matters: silence the producers first, then make the journal complete,
    // then detach every sink before the engine (which owns the inbox) goes away. A live venue's
    // feed also carries its orders: it stays until the engine has sent its cancels.
    const bool live = m_execution != m_paper.get();
    if (!live)
        m_feed.reset();
    engine::TradingEngine *engine = m_thread->engine();
    m_thread->runBlocking([engine] { engine->stop(); });
    // The venue's answers to those cancels are queued to the engine thread: let it handle them (and
    // journal the orders) before the journal is flushed and the engine goes.
    m_thread->runBlocking([] {});
    m_store->flush();
    m_store->setStoreSink(nullptr);
    m_execution->setExecutionSink(nullptr);
    m_paper->setExecutionSink(nullptr);
    m_feed.reset();
    m_execution = nullptr;
    m_thread.reset();
    m_paper.reset();
    m_clock.reset();
}

QString Session::describe() const
{
    return m_feed ? m_feed->describe() : QString();
}

} // namespace app
