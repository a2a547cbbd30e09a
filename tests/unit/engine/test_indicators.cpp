// Streaming indicators against values computed by hand and against a plain batch
// computation over real DOGE/USDT 1h klines from ../shared/data.
#include "engine/market/atr.h"
#include "engine/market/ema.h"
#include "engine/market/rsi.h"
#include "engine/market/volumezscore.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace engine;

namespace {
struct Bar {
    double high, low, close, volume;
};

std::vector<Bar> loadDoge(int maxBars)
{
    std::vector<Bar> bars;
    const QString dir = testsupport::sharedDataDir();
    if (dir.isEmpty())
        return bars;
    QFile f(dir + QStringLiteral("/memecoins_binance_spot_1h.csv"));
    if (!f.open(QIODevice::ReadOnly))
        return bars;
    f.readLine(); // header: symbol,open_time_ms,open_time_utc,open,high,low,close,volume
    while (!f.atEnd() && int(bars.size()) < maxBars) {
        const QList<QByteArray> cols = f.readLine().trimmed().split(',');
        if (cols.size() != 8 || !cols[0].startsWith("DOGE"))
            continue;
        bars.push_back({cols[4].toDouble(), cols[5].toDouble(), cols[6].toDouble(), cols[7].toDouble()});
    }
    return bars;
}

// Batch reference implementations, written the textbook way.
std::vector<double> batchEma(const std::vector<double> &x, int n)
{
    std::vector<double> out(x.size(), NAN);
    double sma = 0;
    for (int i = 0; i < n; ++i)
        sma += x[i];
    out[n - 1] = sma / n;
    const double k = 2.0 / (n + 1);
    for (size_t i = n; i < x.size(); ++i)
        out[i] = x[i] * k + out[i - 1] * (1 - k);
    return out;
}

double batchRsi(const std::vector<double> &c, int n)
{
    double g = 0, l = 0;
    for (int i = 1; i <= n; ++i) {
        const double d = c[i] - c[i - 1];
        (d > 0 ? g : l) += std::fabs(d);
    }
    g /= n;
    l /= n;
    for (size_t i = n + 1; i < c.size(); ++i) {
        const double d = c[i] - c[i - 1];
        g = (g * (n - 1) + (d > 0 ? d : 0)) / n;
        l = (l * (n - 1) + (d < 0 ? -d : 0)) / n;
    }
    return l == 0 ? 100 : 100 - 100 / (1 + g / l);
}
} // namespace

class TestIndicators : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void emaByHand()
    {
        Ema e(3); // alpha = 0.5, seeded by SMA(1,2,3) = 2
        for (double v : {1.0, 2.0, 3.0})
            e.update(v);
        QVERIFY(e.isReady());
        QCOMPARE(e.value(), 2.0);
        e.update(6.0); // 2 + 0.5 * (6 - 2) = 4
        QCOMPARE(e.value(), 4.0);
        e.update(0.0); // 4 + 0.5 * (0 - 4) = 2
        QCOMPARE(e.value(), 2.0);
    }

    void rsiByHand()
    {
        Rsi r(2);
        QCOMPARE(r.value(), 50.0); // not ready
        for (double c : {10.0, 12.0, 11.0}) // changes +2, -1 → avg gain 1, avg loss 0.5
            r.update(c);
        QVERIFY(r.isReady());
        QVERIFY(qFuzzyCompare(r.value(), 100.0 - 100.0 / 3.0)); // RS 2 → 66.67
        r.update(14.0); // +3: gain (1+3)/2 = 2, loss 0.25 → RS 8 → 88.89
        QVERIFY(qFuzzyCompare(r.value(), 100.0 - 100.0 / 9.0));
        Rsi flat(3);
        for (int i = 0; i < 5; ++i)
            flat.update(1.0);
        QCOMPARE(flat.value(), 50.0);
    }

    void atrByHand()
    {
        Atr a(2);
        a.update(10, 8, 9);   // TR 2
        a.update(12, 9, 11);  // TR max(3, |12-9|, |9-9|) = 3 → mean 2.5
        QVERIFY(a.isReady());
        QCOMPARE(a.value(), 2.5);
        a.update(11, 10, 10); // TR max(1, 0, 1) = 1 → (2.5 + 1) / 2 = 1.75
        QCOMPARE(a.value(), 1.75);
    }

    void volumeZScoreByHand()
    {
        VolumeZScore z(4);
        for (double v : {1.0, 2.0, 3.0, 4.0})
            z.update(v);
        QCOMPARE(z.value(), 0.0);
        z.update(2.5 + std::sqrt(1.25) * 2); // mean 2.5, population sd sqrt(1.25) → z = 2
        QVERIFY(qFuzzyCompare(z.value(), 2.0));
        VolumeZScore flat(3);
        for (int i = 0; i < 5; ++i)
            flat.update(7.0);
        QCOMPARE(flat.value(), 0.0); // flat volume is not unusual
    }

    void matchBatchOnRealDogeKlines()
    {
        const std::vector<Bar> bars = loadDoge(3000);
        if (bars.empty())
            QSKIP("../shared/data/memecoins_binance_spot_1h.csv not present; real-data check skipped");
        QVERIFY(bars.size() >= 1000);
        std::vector<double> closes;
        for (const Bar &b : bars)
            closes.push_back(b.close);
        const std::vector<double> ref = batchEma(closes, 20);
        Ema ema(20);
        Rsi rsi(14);
        for (size_t i = 0; i < closes.size(); ++i) {
            ema.update(closes[i]);
            rsi.update(closes[i]);
            if (i >= 19)
                QVERIFY(std::fabs(ema.value() - ref[i]) <= 1e-12 * std::fabs(ref[i]));
        }
        QVERIFY(std::fabs(rsi.value() - batchRsi(closes, 14)) < 1e-9);
        QVERIFY(rsi.value() > 0 && rsi.value() < 100);
        // ATR of real bars is positive and below the largest true range seen
        Atr atr(14);
        double maxRange = 0, prevClose = bars.front().close;
        for (const Bar &b : bars) {
            atr.update(b.high, b.low, b.close);
            maxRange = std::max({maxRange, b.high - b.low, std::fabs(b.high - prevClose), std::fabs(b.low - prevClose)});
            prevClose = b.close;
        }
        QVERIFY(atr.value() > 0 && atr.value() < maxRange);
    }
};

QTEST_GUILESS_MAIN(TestIndicators)
#include "test_indicators.moc"
