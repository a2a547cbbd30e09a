// The whole pipeline on real parts: demo market → engine thread → paper venue →
// SQLite journal, 30 simulated minutes at 100x. Then a restart on the same data
// dir must restore exactly what the journal says.
#include "app/appcontext.h"
#include "tests/support/enumprinters.h"
#include "tests/support/journalcheck.h"
#include "tests/support/testsupport.h"

#include "engine/api/botapi.h"

#include <QCoreApplication>
#include <QProcess>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace engine;

namespace {
app::AppOptions optionsFor(const QString &dir)
{
    app::AppOptions o;
    o.headless = true;
    o.dataDir = dir;
    o.demoSeed = 42;
    o.seedGiven = true;
    o.speed = 100;
    o.autostart = true;
    o.keychainService = QStringLiteral("memedesk-test-integration");
    return o;
}

// Waits (processing events) until the engine clock has moved `simMinutes` past `fromMs`.
bool runFor(BotApi &api, qint64 fromMs, int simMinutes, int wallTimeoutMs)
{
    return QTest::qWaitFor([&] { return api.status().clockMs - fromMs >= qint64(simMinutes) * 60'000; }, wallTimeoutMs);
}
} // namespace

class TestDemoSession : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tradesAndJournalMatchesPortfolioAndRestartRestores()
    {
        const QString dir = testsupport::makeTempDir(QStringLiteral("memedesk-session"));
        BotStatus before;
        QList<Position> positionsBefore;
        qint64 clockBefore = 0;
        {
            app::AppContext ctx(optionsFor(dir));
            const engine::Result<void> started = ctx.initialize();
            QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
            ctx.run();
            QTRY_VERIFY_WITH_TIMEOUT(ctx.api().status().engineState == EngineState::Running, 20000);
            const qint64 start = ctx.api().status().clockMs;
            QVERIFY2(runFor(ctx.api(), start, 30, 120'000), "the demo market did not advance 30 simulated minutes");
            QTRY_VERIFY_WITH_TIMEOUT(ctx.api().status().fillCount > 0, 60000);
            ctx.api().stop();
            QTRY_COMPARE_WITH_TIMEOUT(engine::toString(ctx.api().status().engineState),
                                      engine::toString(EngineState::Stopped), 10000);
            QTest::qWait(600); // one more snapshot after the last fill
            before = ctx.api().status();
            positionsBefore = ctx.api().positions();
            clockBefore = before.clockMs;
            QVERIFY(!ctx.api().recentSignals(10).isEmpty());
            QVERIFY(!ctx.api().equityHistory().isEmpty());
            ctx.shutdown();
        }
        QVERIFY2(before.fillCount >= 1, "expected the strategy to trade in the first simulated hour");

        // The journal, replayed on its own, agrees with the engine's portfolio to the last digit.
        JournalSnapshot journal;
        const auto replay = testsupport::replayJournal(dir + QStringLiteral("/memedesk.sqlite"),
                                                       Decimal::fromInt(10000), &journal);
        QCOMPARE(replay.fills, before.fillCount);
        QCOMPARE(replay.cash.toString(), before.cash.toString());
        QCOMPARE(journal.balances.value(QStringLiteral("USDT")).toString(), before.cash.toString());
        for (const Position &p : positionsBefore)
            QCOMPARE(replay.qty.value(p.symbol).toString(), p.qty.toString());
        int openInReplay = 0;
        for (auto it = replay.qty.cbegin(); it != replay.qty.cend(); ++it)
            openInReplay += it.value().isPositive() ? 1 : 0;
        QCOMPARE(openInReplay, int(positionsBefore.size()));
        QCOMPARE(before.realizedPnl + before.unrealizedPnl, before.equity - before.startingEquity);

        // The session's market is in the journal too: it replays through a backtest.
        const QString symbol = positionsBefore.isEmpty() ? QStringLiteral("PEPEUSDT") : positionsBefore.first().symbol;
        QProcess backtest;
        backtest.start(qEnvironmentVariable("MEMEDESK_APP"),
                       {QStringLiteral("backtest"), QStringLiteral("--journal"), QStringLiteral("--data-dir"), dir, QStringLiteral("--symbol"),
                        symbol, QStringLiteral("--strategy"), QStringLiteral("ema_cross"), QStringLiteral("--param"), QStringLiteral("fast=3"),
                        QStringLiteral("--param"), QStringLiteral("slow=8"), QStringLiteral("--json")});
        QVERIFY(backtest.waitForFinished(30000));
        QVERIFY2(backtest.exitCode() == 0, backtest.readAllStandardError().constData());
        const QJsonObject replayed = QJsonDocument::fromJson(backtest.readAllStandardOutput()).object();
        const qint64 recordedBars = replayed[QStringLiteral("data")][QStringLiteral("bars")].toInteger();
        QVERIFY2(recordedBars >= 25, qPrintable(QString::number(recordedBars))); // 1-minute candles of 30 simulated minutes
        QCOMPARE(replayed[QStringLiteral("data")][QStringLiteral("interval_ms")].toInteger(), 60'000);

        // Restart on the same data dir: state comes back from the journal before trading.
        app::AppOptions again = optionsFor(dir);
        again.autostart = false;
        app::AppContext ctx(again);
        const engine::Result<void> started = ctx.initialize();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
        ctx.run();
        QTRY_VERIFY_WITH_TIMEOUT(ctx.api().status().clockMs >= clockBefore, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(ctx.api().status().fillCount, before.fillCount, 10000);
        const BotStatus after = ctx.api().status();
        QCOMPARE(after.cash.toString(), before.cash.toString());
        QCOMPARE(after.startingEquity.toString(), before.startingEquity.toString());
        QCOMPARE(after.realizedPnl.toString(), before.realizedPnl.toString());
        // Positions reach the API with the engine's next snapshot.
        QTRY_COMPARE_WITH_TIMEOUT(ctx.api().positions().size(), positionsBefore.size(), 10000);
        const QList<Position> positionsAfter = ctx.api().positions();
        for (const Position &p : positionsAfter) {
            const auto it = std::find_if(positionsBefore.cbegin(), positionsBefore.cend(),
                                         [&](const Position &b) { return b.symbol == p.symbol; });
            QVERIFY(it != positionsBefore.cend());
            QCOMPARE(p.qty.toString(), it->qty.toString());
            QCOMPARE(p.avgPrice.toString(), it->avgPrice.toString());
        }
        QVERIFY(ctx.api().recentFills(1000).size() >= qMin<qint64>(before.fillCount, 500));
        // and it trades on from there after reconciling
        ctx.api().start();
        QTRY_COMPARE_WITH_TIMEOUT(engine::toString(ctx.api().status().engineState),
                                  engine::toString(EngineState::Running), 20000);
        ctx.shutdown();
    }
};

QTEST_GUILESS_MAIN(TestDemoSession)
#include "test_demosession.moc"
