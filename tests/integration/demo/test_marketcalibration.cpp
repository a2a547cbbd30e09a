// The demo market's calibration against real meme coins: the hourly statistics of its
// established tokens over many seeds stay inside the bands documented in docs/demo-market.md,
// and fresh launches are wilder, mostly fade or die, and rarely pump. The real figures are
// computed by the same code from ../shared/data when it is there, and printed next to ours.
#include "adapters/demo/marketsimulator.h"
#include "adapters/demo/marketstats.h"

#include "tests/support/testsupport.h"

#include <QFile>
#include <QHash>
#include <QTest>

#include <algorithm>
#include <map>

using namespace adapters::demo;

namespace {

constexpr qint64 kStartMs = 1'767'225'600'000; // 2026-01-01 00:00 UTC
constexpr qint64 kMinute = 60'000;
constexpr qint64 kHour = 60 * kMinute;
constexpr int kSeeds = 8;
constexpr int kHours = 72;

struct Path {
    bool fresh = false;
    qint64 firstMs = 0;
    qint64 lastMs = 0;
    std::vector<double> minuteMid; // from the first minute the token exists
};

struct Sample {
    QList<HourlySeries> established;
    QList<HourlySeries> fresh;
    int freshTokens = 0;
    int freshFaded = 0;  // below half the launch price 24 h after launch
    int freshPumped = 0; // at twice the launch price or more at some minute in its first day
};

HourlySeries hourly(const std::vector<double> &minutes)
{
    HourlySeries s;
    for (std::size_t h = 0; (h + 1) * 60 <= minutes.size(); ++h) {
        const auto first = minutes.begin() + std::ptrdiff_t(h * 60);
        s.close.push_back(minutes[(h + 1) * 60 - 1]);
        s.low.push_back(*std::min_element(first, first + 60));
        s.high.push_back(*std::max_element(first, first + 60));
    }
    return s;
}

Sample simulate()
{
    Sample sample;
    for (int seed = 1; seed <= kSeeds; ++seed) {
        MarketSimulator sim(quint64(seed), kStartMs);
        sim.setShowcase(false);
        std::map<QString, Path> paths;
        for (qint64 t = kStartMs + kMinute; t <= kStartMs + kHours * kHour; t += kMinute) {
            sim.fastForwardTo(t);
            for (const TokenTruth &truth : sim.groundTruth()) {
                Path &p = paths[truth.symbol];
                if (p.minuteMid.empty())
                    p.firstMs = t;
                p.lastMs = t;
                p.fresh = truth.newLaunch;
                p.minuteMid.push_back(truth.midPrice);
            }
        }
        const qint64 endMs = kStartMs + kHours * kHour;
        for (const auto &[symbol, path] : paths) {
            if (!path.fresh) {
                sample.established.append(hourly(path.minuteMid));
                continue;
            }
            sample.fresh.append(hourly(path.minuteMid));
            if (path.firstMs + 24 * kHour > endMs)
                continue; // launched too late to follow its first day
            // A token the market dropped before its first day was out had died (rug or fade).
            const std::size_t day = std::min<std::size_t>(path.minuteMid.size(), 24 * 60);
            const double launch = path.minuteMid.front();
            ++sample.freshTokens;
            sample.freshFaded += (day < 24 * 60 || path.minuteMid[day - 1] < 0.5 * launch) ? 1 : 0;
            sample.freshPumped += *std::max_element(path.minuteMid.begin(), path.minuteMid.begin() + std::ptrdiff_t(day)) >= 2 * launch ? 1 : 0;
        }
    }
    return sample;
}

QList<HourlySeries> realCoins()
{
    QFile file(QStringLiteral(MEMEDESK_SHARED_DATA "/memecoins_binance_spot_1h.csv"));
    QList<HourlySeries> coins;
    if (!file.open(QIODevice::ReadOnly))
        return coins;
    QString current;
    file.readLine(); // header
    while (!file.atEnd()) {
        const QList<QByteArray> f = file.readLine().trimmed().split(',');
        if (f.size() < 8)
            continue;
        if (QString::fromLatin1(f[0]) != current) {
            current = QString::fromLatin1(f[0]);
            coins.append(HourlySeries{});
        }
        coins.last().close.push_back(f[6].toDouble());
        coins.last().low.push_back(f[5].toDouble());
        coins.last().high.push_back(f[4].toDouble());
    }
    return coins;
}

void print(const char *what, const ReturnStats &s)
{
    qInfo("%-28s returns %7lld  stdev %5.2f %%  excess kurtosis %6.1f  |r| autocorrelation %5.2f  up>=20%% %5.2f/1000  "
          "down>=20%% %5.2f/1000  median day drawdown %5.1f %%",
          what, s.returns, s.hourlyStdevPct, s.excessKurtosis, s.absAutocorrelation, s.upHoursPer1000, s.downHoursPer1000,
          s.medianDayDrawdownPct);
}

} // namespace

class TestMarketCalibration : public QObject {
    Q_OBJECT
    Sample m_sample;
    ReturnStats m_established;

private Q_SLOTS:
    void initTestCase()
    {
        m_sample = simulate();
        m_established = returnStats(m_sample.established);
        const QList<HourlySeries> real = realCoins();
        if (!real.isEmpty())
            print("real coins (6, all hours)", returnStats(real));
        print("demo established tokens", m_established);
        print("demo fresh launches", returnStats(m_sample.fresh));
        qInfo("fresh launches followed for a day: %d; below half their launch price after 24 h: %d; doubled at some point: %d",
              m_sample.freshTokens, m_sample.freshFaded, m_sample.freshPumped);
    }

    void establishedTokensMatchRealMemeCoins_calibration()
    {
        const ReturnStats &s = m_established;
        QVERIFY(s.returns > kSeeds * 12 * (kHours - 2));
        QVERIFY2(s.hourlyStdevPct >= 1.1 && s.hourlyStdevPct <= 2.6, qPrintable(QString::number(s.hourlyStdevPct)));
        QVERIFY2(s.excessKurtosis >= 5 && s.excessKurtosis <= 80, qPrintable(QString::number(s.excessKurtosis)));
        QVERIFY2(s.absAutocorrelation >= 0.2 && s.absAutocorrelation <= 0.55, qPrintable(QString::number(s.absAutocorrelation)));
        QVERIFY2(s.upHoursPer1000 <= 2, qPrintable(QString::number(s.upHoursPer1000)));
        QVERIFY2(s.medianDayDrawdownPct >= 3 && s.medianDayDrawdownPct <= 12, qPrintable(QString::number(s.medianDayDrawdownPct)));
    }

    void freshLaunchesAreWilderAndMostlyDie_calibration()
    {
        const ReturnStats fresh = returnStats(m_sample.fresh);
        QVERIFY(m_sample.freshTokens >= 50);
        QVERIFY2(fresh.hourlyStdevPct >= 2 * m_established.hourlyStdevPct, qPrintable(QString::number(fresh.hourlyStdevPct)));
        QVERIFY2(m_sample.freshFaded * 2 >= m_sample.freshTokens, "most fresh launches must fade or die within a day");
        QVERIFY2(m_sample.freshPumped >= 1 && m_sample.freshPumped * 5 <= m_sample.freshTokens, "only a few may double");
    }
};

QTEST_GUILESS_MAIN(TestMarketCalibration)
#include "test_marketcalibration.moc"
