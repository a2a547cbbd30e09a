#include "adapters/demo/regimescheduler.h"

#include "adapters/demo/detmath.h"

namespace adapters::demo {

namespace {

constexpr qint64 kMinute = 60'000;

qint64 minutes(double m) { return static_cast<qint64>(m * 60.0) * 1000; } // whole seconds

QStringList pickBots(Rng &rng, int count)
{
    const QStringList &pool = RegimeScheduler::botPool();
    QStringList bots;
    while (bots.size() < count) {
        const QString &name = pool.at(rng.uniformInt(0, int(pool.size()) - 1));
        if (!bots.contains(name))
            bots.append(name);
    }
    return bots;
}

} // namespace

const QStringList &RegimeScheduler::botPool()
{
    static const QStringList pool = [] {
        const char *stems[] = {"100xCaller", "MoonAlerts", "GemHunter", "PumpSignals", "AlphaLeaks", "CryptoWhaleAlert",
                               "DegenCalls", "InsiderGems", "RocketCalls", "ApeSignals"};
        QStringList names;
        for (const char *stem : stems)
            for (int i = 1; i <= 4; ++i)
                names.append(QString::fromLatin1(stem) + QStringLiteral("_") + QString::number(i * 7 + 3));
        return names;
    }();
    return pool;
}

void RegimeScheduler::shape(Rng &rng, RegimeEpisode &e)
{
    const qint64 b = e.buildupStartMs;
    switch (e.kind) {
    case Regime::OrganicPump: {
        // Many people notice first; the price follows 3..10 minutes later and
        // gives back part of the gain afterwards.
        e.moveStartMs = b + minutes(rng.uniform(3, 10));
        e.peakMs = e.moveStartMs + minutes(rng.uniform(8, 20));
        e.buildupFactor = rng.uniform(1.01, 1.04);
        e.moveFactor = rng.uniform(1.3, 2.2);
        const double retrace = rng.uniform(0.25, 0.45);
        e.unwindFactor = detmath::exp(-retrace * detmath::ln(e.moveFactor));
        e.fallSec = static_cast<int>(rng.uniform(10, 25) * 60);
        e.endMs = e.peakMs + qint64(e.fallSec) * 1000;
        e.socialPeak = rng.uniform(6, 10);
        break;
    }
    case Regime::PumpAndDump: {
        // A few bot accounts shill hard, insiders ride the spike and dump it
        // below where it started.
        e.moveStartMs = b + minutes(rng.uniform(3, 8));
        e.peakMs = e.moveStartMs + minutes(rng.uniform(3, 8));
        e.buildupFactor = rng.uniform(1.0, 1.03);
        e.moveFactor = rng.uniform(1.6, 3.0);
        e.unwindFactor = rng.uniform(0.45, 0.8) / (e.moveFactor * e.buildupFactor);
        e.fallSec = static_cast<int>(rng.uniform(2, 6) * 60);
        e.endMs = e.peakMs + qint64(e.fallSec) * 1000 + minutes(rng.uniform(8, 15));
        e.socialPeak = rng.uniform(12, 18);
        e.bots = pickBots(rng, rng.uniformInt(3, 6));
        break;
    }
    case Regime::RugPull: {
        // Hype and a modest pump, then the deployer pulls the pool: -80..-95% in seconds.
        e.moveStartMs = b + minutes(rng.uniform(5, 10));
        e.peakMs = e.moveStartMs + minutes(rng.uniform(3, 8));
        e.buildupFactor = rng.uniform(1.01, 1.05);
        e.moveFactor = rng.uniform(1.1, 1.4);
        e.unwindFactor = rng.uniform(0.05, 0.2);
        e.fallSec = rng.uniformInt(2, 5);
        e.endMs = e.peakMs + qint64(e.fallSec) * 1000 + minutes(rng.uniform(20, 40));
        e.socialPeak = rng.uniform(7, 10);
        e.bots = pickBots(rng, rng.uniformInt(2, 4));
        break;
    }
    case Regime::SlowBleed: {
        // No lead and no event: thin, slightly negative chatter while holders leave.
        e.moveStartMs = b;
        e.peakMs = b + minutes(rng.uniform(30, 90));
        e.endMs = e.peakMs;
        e.moveFactor = rng.uniform(0.7, 0.9);
        e.socialPeak = 0.6;
        break;
    }
    case Regime::Quiet:
        e.moveStartMs = e.peakMs = e.endMs = b;
        break;
    }
}

RegimeEpisode RegimeScheduler::plan(Rng &rng, const Context &c)
{
    RegimeEpisode e;
    e.symbol = c.symbol;
    double gapMin = 0;
    if (c.rugged)
        gapMin = 30 + rng.exponential(60);
    else if (c.firstEpisode && c.newLaunch)
        gapMin = rng.uniform(1, 15);
    else if (c.firstEpisode)
        gapMin = rng.uniform(0.5, 50);
    else
        gapMin = 6 + rng.exponential(30);
    e.buildupStartMs = c.fromMs + minutes(gapMin);

    const double u = rng.uniform();
    if (c.rugged)
        e.kind = Regime::SlowBleed;
    else if (c.newLaunch)
        e.kind = u < 0.25 ? Regime::OrganicPump : u < 0.55 ? Regime::PumpAndDump : u < 0.85 ? Regime::RugPull : Regime::SlowBleed;
    else if (c.liquidityUsd < 1'500'000)
        e.kind = u < 0.40 ? Regime::OrganicPump : u < 0.62 ? Regime::PumpAndDump : u < 0.66 ? Regime::RugPull : Regime::SlowBleed;
    else
        e.kind = u < 0.44 ? Regime::OrganicPump : u < 0.66 ? Regime::PumpAndDump : Regime::SlowBleed;
    shape(rng, e);
    return e;
}

RegimeEpisode RegimeScheduler::showcase(Rng &rng, const QString &symbol, qint64 moveStartMs)
{
    RegimeEpisode e;
    e.symbol = symbol;
    e.kind = Regime::OrganicPump;
    e.showcase = true;
    shape(rng, e); // draws the shape, then the lead and size are made unmistakable
    const qint64 length = e.peakMs - e.moveStartMs;
    e.buildupStartMs = moveStartMs - minutes(rng.uniform(6, 9));
    e.moveStartMs = moveStartMs;
    e.peakMs = moveStartMs + std::max<qint64>(length, 10 * kMinute);
    e.endMs = e.peakMs + qint64(e.fallSec) * 1000;
    e.moveFactor = rng.uniform(1.5, 2.2);
    e.unwindFactor = detmath::exp(-0.3 * detmath::ln(e.moveFactor));
    e.socialPeak = rng.uniform(9, 12);
    return e;
}

} // namespace adapters::demo
