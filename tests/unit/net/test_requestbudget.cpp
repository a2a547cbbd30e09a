// RequestBudget on an injected clock: windows fill, free up as spends age out, several windows
// combine, weights count, and server-reported usage is only ever added.
#include "adapters/net/requestbudget.h"

#include <QTest>

using adapters::net::RequestBudget;

class TestRequestBudget : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void spendsUpToTheLimitThenWaitsForTheOldestToAgeOut()
    {
        RequestBudget b({{3, 1000}});
        qint64 now = 10'000;
        for (int i = 0; i < 3; ++i) {
            QVERIFY(b.canSpend(1, now));
            b.spend(1, now);
            now += 100; // spends at 10000, 10100, 10200
        }
        QVERIFY(!b.canSpend(1, now));                  // 10300
        QCOMPARE(b.delayUntilAvailable(1, now), 700);  // the 10000 spend leaves at 11000
        QCOMPARE(b.delayUntilAvailable(2, now), 800);  // two must leave: 11100
        QVERIFY(b.canSpend(1, 11'000));
        QCOMPARE(b.used(1000, 11'000), 2);
    }

    void weightsCountAndAWeightAboveTheLimitNeverFits()
    {
        RequestBudget b({{6000, 60'000}});
        b.spend(5990, 0);
        QVERIFY(b.canSpend(10, 1));
        QVERIFY(!b.canSpend(11, 1));
        QCOMPARE(b.delayUntilAvailable(11, 1), 59'999);
        QCOMPARE(b.delayUntilAvailable(6001, 1), -1);
        QVERIFY(!b.fitsAtAll(6001));
        QVERIFY(b.fitsAtAll(6000));
    }

    void everyWindowMustAllow()
    {
        // Binance-like: 50 per 10 s and 160 per day (scaled down: 2 per 100 ms, 3 per 1000 ms).
        RequestBudget b({{2, 100}, {3, 1000}});
        b.spend(1, 0);
        b.spend(1, 10);
        QCOMPARE(b.delayUntilAvailable(1, 20), 80); // short window full until 100
        QVERIFY(b.canSpend(1, 100));
        b.spend(1, 100);
        QCOMPARE(b.delayUntilAvailable(1, 200), 800); // long window full until 1000
        QVERIFY(b.canSpend(1, 1000));
    }

    void syncUsedRaisesLocalUsageOnly()
    {
        RequestBudget b({{10, 60'000}});
        b.spend(2, 0);
        QVERIFY(b.syncUsed(60'000, 9, 100)); // the server counted 7 more than we did (other processes)
        QCOMPARE(b.used(60'000, 100), 9);
        QVERIFY(b.canSpend(1, 100));
        QVERIFY(!b.canSpend(2, 100));
        QVERIFY(b.syncUsed(60'000, 1, 200)); // lower than ours: requests in flight, keep ours
        QCOMPARE(b.used(60'000, 200), 9);
        QVERIFY(!b.syncUsed(1000, 5, 200)); // no such window
        // The synced part ages out one window after it was reported.
        QCOMPARE(b.delayUntilAvailable(4, 200), 59'900);
    }

    void syncAboveTheLimitBlocksTheWholeWindow()
    {
        RequestBudget b({{10, 1000}});
        QVERIFY(b.syncUsed(1000, 25, 0));
        QCOMPARE(b.used(1000, 0), 10);
        QCOMPARE(b.delayUntilAvailable(1, 500), 500);
    }

    void emptyBudgetAllowsEverything()
    {
        RequestBudget b;
        QVERIFY(b.isEmpty());
        b.spend(1'000'000, 0);
        QVERIFY(b.canSpend(1'000'000, 0));
        QVERIFY(b.fitsAtAll(1'000'000));
        RequestBudget invalid({{0, 1000}, {5, 0}});
        QVERIFY(invalid.isEmpty());
    }

    void zeroAndNegativeWeightsCostNothing()
    {
        RequestBudget b({{1, 1000}});
        b.spend(1, 0);
        QVERIFY(b.canSpend(0, 1));
        QVERIFY(b.canSpend(-3, 1));
        b.spend(-3, 1);
        QCOMPARE(b.used(1000, 1), 1);
    }
};

QTEST_GUILESS_MAIN(TestRequestBudget)
#include "test_requestbudget.moc"
