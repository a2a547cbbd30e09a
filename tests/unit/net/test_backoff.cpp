// Backoff: exponential caps, full jitter drawn from the injected random source, reset.
#include "adapters/net/backoff.h"

#include <QTest>

using adapters::net::Backoff;
using adapters::net::BackoffPolicy;

class TestBackoff : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void capsGrowExponentiallyUpToTheMaximum()
    {
        Backoff b(BackoffPolicy{100, 2.0, 1000, false});
        QList<int> delays;
        for (int i = 0; i < 6; ++i)
            delays << b.nextDelayMs();
        QCOMPARE(delays, (QList<int>{100, 200, 400, 800, 1000, 1000}));
        QCOMPARE(b.attempts(), 6);
    }

    void fullJitterDrawsBetweenZeroAndTheCap()
    {
        QList<double> draws{0.0, 0.5, 0.999, 0.25};
        int next = 0;
        Backoff b(BackoffPolicy{100, 2.0, 10'000, true}, [&] { return draws[next++]; });
        QCOMPARE(b.nextDelayMs(), 0);   // 0.0 * 100
        QCOMPARE(b.nextDelayMs(), 100); // 0.5 * 200
        QCOMPARE(b.nextDelayMs(), 399); // 0.999 * 400
        QCOMPARE(b.nextDelayMs(), 200); // 0.25 * 800
    }

    void jitterStaysWithinTheCapWhateverTheSource()
    {
        double value = 7.5; // a broken source outside [0, 1)
        Backoff b(BackoffPolicy{100, 2.0, 1000, true}, [&] { return value; });
        for (int i = 0; i < 10; ++i) {
            const int cap = b.currentCapMs();
            const int d = b.nextDelayMs();
            QVERIFY(d >= 0 && d <= cap);
            value = -value;
        }
    }

    void resetStartsOverFromTheBase()
    {
        Backoff b(BackoffPolicy{50, 3.0, 10'000, false});
        (void)b.nextDelayMs();
        (void)b.nextDelayMs();
        QCOMPARE(b.currentCapMs(), 450);
        b.reset();
        QCOMPARE(b.attempts(), 0);
        QCOMPARE(b.nextDelayMs(), 50);
    }

    void manyAttemptsNeverOverflow()
    {
        Backoff b(BackoffPolicy{1000, 10.0, 60'000, false});
        int last = 0;
        for (int i = 0; i < 5000; ++i)
            last = b.nextDelayMs();
        QCOMPARE(last, 60'000);
    }

    void nonsensePoliciesAreClamped()
    {
        Backoff b(BackoffPolicy{-5, 0.5, -10, false});
        QCOMPARE(b.nextDelayMs(), 0);
        QCOMPARE(b.nextDelayMs(), 0);
        Backoff shrinking(BackoffPolicy{100, 0.5, 1000, false});
        (void)shrinking.nextDelayMs();
        QCOMPARE(shrinking.nextDelayMs(), 100); // factor below 1 treated as 1: never shrinks
    }

    void defaultRandomSourceStaysWithinTheCap()
    {
        Backoff b(BackoffPolicy{100, 2.0, 1000, true});
        for (int i = 0; i < 50; ++i) {
            const int cap = b.currentCapMs();
            const int d = b.nextDelayMs();
            QVERIFY(d >= 0 && d <= cap);
        }
    }
};

QTEST_GUILESS_MAIN(TestBackoff)
#include "test_backoff.moc"
