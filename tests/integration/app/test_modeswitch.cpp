// Switching the trading mode at run time: the running session ends cleanly, the new one is built
// on the venue that provides the mode, restored from the journal, reconciles when started, and
// every order it makes is journaled with its mode. A second venue is registered for the test: the
// demo market's feed standing in for a real venue's market data (dry run = real data, paper fills).
#include "app/appcontext.h"
#include "app/venueregistry.h"
#include "tests/support/apprunner.h"
#include "tests/support/journalcheck.h"
#include "tests/support/testsupport.h"

#include "engine/api/botapi.h"

#include <QTest>

namespace {
app::VenueRegistration standInVenue()
{
    app::VenueRegistration v = app::demoVenue(); // its feed: a simulated market with another seed
    v.info.id = QStringLiteral("stand-in");
    v.info.displayName = QStringLiteral("Stand-in venue (test)");
    v.info.simulated = false; // counts as a real venue's market data: dry run becomes available
    const auto makeDemoFeed = v.makeFeed;
    v.makeFeed = [makeDemoFeed](const app::FeedOptions &o) {
        app::FeedOptions other = o;
        other.seed = o.seed + 1;
        return makeDemoFeed(other);
    };
    return v;
}
} // namespace

class TestModeSwitch : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void demoToDryRunAtRunTime()
    {
        const QString dir = testsupport::makeTempDir(QStringLiteral("memedesk-modeswitch"));
        app::AppOptions options;
        options.dataDir = dir;
        options.speed = 100;
        options.keychainService = QStringLiteral("memedesk-test-modeswitch");
        auto context = std::make_unique<app::AppContext>(options, nullptr,
                                                         QList<app::VenueRegistration>{app::demoVenue(), standInVenue()});
        const engine::Result<void> started = context->initialize();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
        engine::BotApi &api = context->api();
        const auto modes = api.availableModes();
        QVERIFY(modes.at(1).available); // dry run, on the stand-in venue
        QCOMPARE(modes.at(1).venue, QStringLiteral("stand-in"));
        context->run();
        QTRY_COMPARE_WITH_TIMEOUT(engine::toString(api.status().engineState), engine::toString(engine::EngineState::Running), 30000);

        // not while trading: the engine must be stopped first
        engine::BotConfig config = api.config();
        config.mode = engine::TradingMode::DryRun;
        const auto refused = api.setConfig(config);
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().message.contains(QLatin1String("stop the engine")));

        api.stop();
        QTRY_COMPARE_WITH_TIMEOUT(engine::toString(api.status().engineState), engine::toString(engine::EngineState::Stopped), 10000);
        QVERIFY2(api.setConfig(config).ok(), "switching a stopped engine to dry run");
        QTRY_COMPARE_WITH_TIMEOUT(engine::toString(context->mode()), engine::toString(engine::TradingMode::DryRun), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(engine::toString(api.status().mode), engine::toString(engine::TradingMode::DryRun), 10000);

        // the new session reconciles and trades; its orders are dry-run orders
        api.start();
        QTRY_COMPARE_WITH_TIMEOUT(engine::toString(api.status().engineState), engine::toString(engine::EngineState::Running), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!api.recentOrders(50).isEmpty()
                                     && api.recentOrders(1).first().mode == engine::TradingMode::DryRun,
                                 120000);
        context->shutdown();
        context.reset();

        const QString db = dir + QStringLiteral("/memedesk.sqlite");
        const int dryRunOrders = testsupport::querySql(db, QStringLiteral("SELECT COUNT(*) FROM orders WHERE mode = 'dry-run'")).toInt();
        const int demoOrders = testsupport::querySql(db, QStringLiteral("SELECT COUNT(*) FROM orders WHERE mode = 'demo'")).toInt();
        qInfo("orders journaled: %d in demo, then %d in dry run", demoOrders, dryRunOrders);
        QVERIFY(dryRunOrders > 0);
        QCOMPARE(testsupport::auditJournalFile(db), QStringList()); // money still adds up across sessions
    }
};

QTEST_GUILESS_MAIN(TestModeSwitch)
#include "test_modeswitch.moc"
