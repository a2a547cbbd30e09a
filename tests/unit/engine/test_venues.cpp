// Which trading modes the registered venues allow, and why not: the mode picker, BotApi and the
// command line all read this.
#include "engine/api/venues.h"

#include <QTest>

using namespace engine;

namespace {
VenueInfo demo()
{
    VenueInfo v;
    v.id = QStringLiteral("demo");
    v.displayName = QStringLiteral("Demo market");
    v.simulated = true;
    v.marketData = true;
    return v;
}

VenueInfo exchange()
{
    VenueInfo v;
    v.id = QStringLiteral("binance");
    v.displayName = QStringLiteral("Binance Spot");
    v.marketData = true;
    v.execution = true;
    v.secrets = {QStringLiteral("binance.api_key"), QStringLiteral("binance.api_secret")};
    return v;
}
} // namespace

class TestVenues : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void demoOnlyBuild()
    {
        const auto modes = modesFor({demo()}, {});
        QCOMPARE(modes.size(), 3);
        QVERIFY(modes.at(0).available);
        QCOMPARE(modes.at(0).venue, QStringLiteral("demo"));
        QVERIFY(!modes.at(1).available);
        QCOMPARE(modes.at(1).reason, QStringLiteral("no venue for dry-run in this build"));
        QVERIFY(modes.at(1).venue.isEmpty());
        QVERIFY(!modes.at(2).available);
        QCOMPARE(modes.at(2).reason, QStringLiteral("no venue for live in this build"));
    }

    void aVenueWithMarketDataEnablesDryRun()
    {
        const auto m = modeFor(TradingMode::DryRun, {demo(), exchange()}, {});
        QVERIFY(m.available);
        QCOMPARE(m.venue, QStringLiteral("binance"));
    }

    void liveNeedsEverySecret()
    {
        auto m = modeFor(TradingMode::Live, {demo(), exchange()}, {QStringLiteral("binance.api_key")});
        QVERIFY(!m.available);
        QCOMPARE(m.venue, QStringLiteral("binance"));
        QVERIFY2(m.reason.contains(QLatin1String("binance.api_secret")) && !m.reason.contains(QLatin1String("api_key,")),
                 qPrintable(m.reason));
        m = modeFor(TradingMode::Live, {demo(), exchange()},
                    {QStringLiteral("binance.api_key"), QStringLiteral("binance.api_secret")});
        QVERIFY(m.available);
    }

    void marketDataWithoutExecutionIsNoLiveVenue()
    {
        VenueInfo feedOnly = exchange();
        feedOnly.execution = false;
        QVERIFY(modeFor(TradingMode::DryRun, {feedOnly}, {}).available);
        QVERIFY(!modeFor(TradingMode::Live, {feedOnly}, {}).available);
        QVERIFY(!modeFor(TradingMode::Demo, {feedOnly}, {}).available);
    }
};

QTEST_GUILESS_MAIN(TestVenues)
#include "test_venues.moc"
