// The demo session steps in lock step with the engine, so a seed trades the same whatever the
// speed: the same orders, at the same prices and simulated times, at 25x and at 100x (real demo
// market, engine thread, paper venue and SQLite journal).
#include "app/appcontext.h"
#include "tests/support/testsupport.h"

#include "engine/api/botapi.h"

#include <QTest>

using namespace engine;

namespace {

struct Trade {
    QString symbol;
    QString side;
    QString price;
    QString qty;
    qint64 tsMs = 0;
    bool operator==(const Trade &o) const
    {
        return symbol == o.symbol && side == o.side && price == o.price && qty == o.qty && tsMs == o.tsMs;
    }
};

//! The fills of the first `minutes` simulated minutes of a fresh demo session at `speed`.
QList<Trade> session(double speed, int minutes, qint64 *startMs)
{
    const QString dir = testsupport::makeTempDir(QStringLiteral("memedesk-determinism"));
    app::AppOptions o;
    o.headless = true;
    o.dataDir = dir;
    o.demoSeed = 7;
    o.seedGiven = true;
    o.speed = speed;
    o.autostart = true;
    o.keychainService = QStringLiteral("memedesk-test-integration");
    app::AppContext ctx(o);
    if (const Result<void> started = ctx.initialize(); !started)
        qFatal("%s", qPrintable(started.error().message));
    ctx.run();
    if (!QTest::qWaitFor([&] { return ctx.api().status().engineState == EngineState::Running; }, 20000))
        qFatal("the engine did not start");
    const qint64 start = ctx.api().status().clockMs;
    const qint64 until = start + qint64(minutes) * 60'000;
    if (!QTest::qWaitFor([&] { return ctx.api().status().clockMs > until + 60'000; }, 600'000))
        qFatal("the demo market did not advance");
    QList<Trade> trades;
    const QList<Fill> fills = ctx.api().recentFills(1000);
    for (auto it = fills.crbegin(); it != fills.crend(); ++it) {
        if (it->tsMs <= until)
            trades.append({it->symbol, toString(it->side), it->price.toString(), it->qty.toString(), it->tsMs});
    }
    ctx.shutdown();
    *startMs = start;
    return trades;
}

} // namespace

class TestDemoDeterminism : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theSameSeedTradesTheSameAtAnySpeed()
    {
        qint64 slowStart = 0, fastStart = 0;
        const QList<Trade> slow = session(25, 6, &slowStart);
        const QList<Trade> fast = session(100, 6, &fastStart);
        QCOMPARE(slowStart, fastStart);
        QVERIFY2(!slow.isEmpty(), "the strategy did not trade in the first simulated minutes");
        QCOMPARE(fast.size(), slow.size());
        for (qsizetype i = 0; i < slow.size(); ++i) {
            QVERIFY2(fast[i] == slow[i], qPrintable(QStringLiteral("fill %1: %2 %3 %4 @ %5 at %6 vs %7 %8 %9 @ %10 at %11")
                                                        .arg(i)
                                                        .arg(slow[i].side, slow[i].qty, slow[i].symbol, slow[i].price)
                                                        .arg(slow[i].tsMs)
                                                        .arg(fast[i].side, fast[i].qty, fast[i].symbol, fast[i].price)
                                                        .arg(fast[i].tsMs)));
        }
    }
};

QTEST_GUILESS_MAIN(TestDemoDeterminism)
#include "test_demodeterminism.moc"
