// The parameter search: the grid's order and parsing, the same ranking whatever the number of
// threads, random draws fixed by the seed without repeats, walk-forward folds that follow each
// other, the out-of-sample run of the best, a cancel that stops it, and refusals before any run.
#include "engine/backtest/optimizer.h"

#include <QTest>

#include <atomic>
#include <cmath>

using namespace engine;

namespace {

//! A year of hourly bars: a sine-shaped trend with noise, fixed (the same on every machine).
QList<Candle> bars(int count = 24 * 365)
{
    QList<Candle> out;
    quint64 s = 42;
    double price = 1.0;
    for (int i = 0; i < count; ++i) {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        const double noise = double(s >> 40) / double(1ull << 24) - 0.5;
        const double open = price;
        price = std::max(0.01, price * (1.0 + 0.004 * std::sin(i / 150.0) + 0.01 * noise));
        Candle c;
        c.symbol = QStringLiteral("SYNUSDT");
        c.openTimeMs = 1'600'000'000'000 + qint64(i) * 3'600'000;
        c.open = Decimal::fromDouble(open, 8);
        c.close = Decimal::fromDouble(price, 8);
        c.high = Decimal::max(c.open, c.close);
        c.low = Decimal::min(c.open, c.close);
        c.volume = Decimal::fromInt(100);
        out << c;
    }
    return out;
}

OptimizeConfig emaGrid()
{
    OptimizeConfig c;
    c.strategy = QStringLiteral("ema_cross");
    (void)c.space.add(QStringLiteral("fast=4:12:2"));
    (void)c.space.add(QStringLiteral("slow=20:40:10"));
    c.keep = 5;
    return c;
}

QString fingerprint(const OptimizeResult &r)
{
    QStringList lines;
    for (const OptimizeEntry &e : r.best)
        lines << QStringLiteral("%1/%2 %3 %4 %5")
                     .arg(e.params.value(QStringLiteral("fast")))
                     .arg(e.params.value(QStringLiteral("slow")))
                     .arg(e.inSample.finalEquity.toString(), e.outOfSample ? e.outOfSample->finalEquity.toString() : QString())
                     .arg(e.score, 0, 'g', 17);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestOptimizer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void theGridIsEveryCombinationInOrder()
    {
        SearchSpace s;
        QVERIFY(s.add(QStringLiteral("fast=5:7:1")).ok());
        QVERIFY(s.add(QStringLiteral("slow=0.1:0.3:0.1")).ok());
        QVERIFY(s.add(QStringLiteral("fixed=3")).ok());
        QCOMPARE(s.size(), 9);
        QCOMPARE(s.at(0).value(QStringLiteral("fast")), 5.0);
        QCOMPARE(s.at(1).value(QStringLiteral("slow")), 0.2);
        QCOMPARE(s.at(2).value(QStringLiteral("slow")), 0.3); // not 0.30000000000000004
        QCOMPARE(s.at(8).value(QStringLiteral("fast")), 7.0);
        QCOMPARE(s.at(8).value(QStringLiteral("fixed")), 3.0);
        for (const char *bad : {"fast", "fast=a:b:c", "fast=5:1:1", "fast=1:5:0", "fast=1:2", "fast=5:7:1"})
            QVERIFY2(!s.add(QLatin1String(bad)).ok(), bad);
    }

    void theRankingDoesNotDependOnTheThreads()
    {
        const QList<Candle> data = bars();
        OptimizeConfig one = emaGrid();
        one.threads = 1;
        OptimizeConfig two = emaGrid();
        two.threads = 2;
        const auto a = Optimizer(one).run(data);
        const auto b = Optimizer(two).run(data);
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(a->evaluated, 15);
        QCOMPARE(b->threads, 2);
        QCOMPARE(fingerprint(a.value()), fingerprint(b.value()));
        QCOMPARE(a->best.size(), 5);
        for (qsizetype i = 1; i < a->best.size(); ++i)
            QVERIFY(a->best.at(i - 1).score >= a->best.at(i).score);
        // The best are run on the held-out last 30 % as well, next to their in-sample figures.
        QVERIFY(a->best.first().outOfSample.has_value());
        QVERIFY(a->outFromMs > a->inToMs);
        QCOMPARE(a->outToMs, data.last().openTimeMs);
        QVERIFY(std::abs(double(a->outFromMs - data.first().openTimeMs) / double(data.last().openTimeMs - data.first().openTimeMs) - 0.7) < 0.001);
    }

    void randomDrawsAreFixedByTheSeedWithoutRepeats()
    {
        const QList<Candle> data = bars(24 * 60);
        OptimizeConfig c = emaGrid();
        c.method = OptimizeConfig::Method::Random;
        c.samples = 7;
        c.keep = 100;
        c.outOfSample = 0;
        const auto a = Optimizer(c).run(data);
        const auto b = Optimizer(c).run(data);
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(a->evaluated, 7);
        QCOMPARE(fingerprint(a.value()), fingerprint(b.value()));
        QSet<QString> seen;
        for (const OptimizeEntry &e : a->best)
            seen.insert(QStringLiteral("%1/%2").arg(e.params.value(QStringLiteral("fast"))).arg(e.params.value(QStringLiteral("slow"))));
        QCOMPARE(seen.size(), 7);
        QVERIFY(!a->best.first().outOfSample); // nothing held out
    }

    void walkForwardFoldsFollowEachOther()
    {
        const QList<Candle> data = bars();
        OptimizeConfig c = emaGrid();
        c.walkForward = 3;
        const auto r = Optimizer(c).run(data);
        QVERIFY(r.ok());
        QCOMPARE(r->folds.size(), 3);
        QCOMPARE(r->evaluated, 45);
        QCOMPARE(r->folds.first().inFromMs, data.first().openTimeMs);
        QCOMPARE(r->folds.last().outToMs, data.last().openTimeMs);
        for (qsizetype k = 0; k < r->folds.size(); ++k) {
            const WalkForwardFold &f = r->folds.at(k);
            QCOMPARE(f.outFromMs, f.inToMs + 3'600'000);                        // tested right after it searched
            if (k > 0)
                QCOMPARE(f.inFromMs, r->folds.at(k - 1).outFromMs);          // and the next fold searches there
            QVERIFY(f.outOfSample.bars > 0);
        }
    }

    void aCancelStopsTheSearch()
    {
        const QList<Candle> data = bars();
        OptimizeConfig c = emaGrid();
        (void)c.space.add(QStringLiteral("unused=1:50:1")); // would be 750 runs: rejected by the strategy
        const auto refused = Optimizer(c).run(data);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("STRATEGY_PARAM_INVALID"));
        OptimizeConfig big = emaGrid();
        big.space = SearchSpace();
        (void)big.space.add(QStringLiteral("fast=2:40:1"));
        (void)big.space.add(QStringLiteral("slow=41:140:1"));
        std::atomic<bool> cancel{true};
        const auto r = Optimizer(big).run(data, {}, &cancel);
        QVERIFY(r.ok());
        QVERIFY(r->cancelled);
        QVERIFY(r->evaluated < 3900);
        QVERIFY(r->best.isEmpty());
        OptimizeConfig wrong = emaGrid();
        wrong.objective = QStringLiteral("luck");
        QCOMPARE(Optimizer(wrong).run(data).error().code, QStringLiteral("OBJECTIVE_UNKNOWN"));
    }
};

QTEST_GUILESS_MAIN(TestOptimizer)
#include "test_optimizer.moc"
