#include "adapters/demo/regimescheduler.h"

#include "adapters/demo/detmath.h"

#include <algorithm>
#include <array>

namespace adapters::demo {

namespace {

constexpr qint64 kMinute = 60'000;

qint64 minutes(double m) { return static_cast<qint64>(m * 60.0) * 1000; } // whole seconds

double logUniform(Rng &rng, double lo, double hi) { return detmath::exp(rng.uniform(detmath::ln(lo), detmath::ln(hi))); }

//! Appends legs over [fromMs, toMs) whose planned log moves add up to `totalLog`. Some legs go
//! against the move (a pump pauses and pulls back, a bleed has dead-cat bounces), and the legs'
//! lengths and sizes differ, so the path is never a straight line.
void addPath(Rng &rng, RegimeEpisode &e, qint64 fromMs, qint64 toMs, double totalLog, int legs, double vol, double againstChance)
{
    legs = std::clamp(legs, 1, int(std::max<qint64>(1, (toMs - fromMs) / kMinute)));
    std::array<double, 12> length{}, size{};
    std::array<bool, 12> isAgainst{};
    legs = std::min(legs, int(length.size()));
    double lengthSum = 0;
    for (int i = 0; i < legs; ++i) {
        length[i] = rng.uniform(0.4, 1.6);
        lengthSum += length[i];
    }
    double against = 0;
    double weightSum = 0;
    for (int i = 0; i < legs; ++i) {
        if (i > 0 && i < legs - 1 && rng.chance(againstChance)) {
            size[i] = -totalLog * rng.uniform(0.15, 0.45);
            isAgainst[i] = true;
            against += size[i];
        } else {
            size[i] = rng.uniform(0.3, 1.7); // a weight for now
            weightSum += size[i];
        }
    }
    double cumulative = 0;
    qint64 at = fromMs;
    for (int i = 0; i < legs; ++i) {
        cumulative += length[i];
        EpisodeLeg leg;
        leg.logMove = isAgainst[i] ? size[i] : (totalLog - against) * size[i] / weightSum;
        leg.vol = vol * rng.uniform(0.8, 1.25);
        const qint64 end = fromMs + static_cast<qint64>(double(toMs - fromMs) * cumulative / lengthSum / 1000.0) * 1000;
        leg.endMs = i == legs - 1 ? toMs : std::clamp(end, at + 1000, toMs);
        if (leg.endMs <= at)
            break;
        at = leg.endMs;
        e.legs.append(leg);
    }
}

void addLeg(RegimeEpisode &e, qint64 toMs, double logMove, double vol)
{
    const qint64 from = e.legs.isEmpty() ? e.buildupStartMs : e.legs.last().endMs;
    if (toMs <= from)
        return;
    e.legs.append({toMs, logMove, vol});
}

//! Times from the buildup's start: lead, move, fall and aftermath lengths in minutes.
void setTimes(RegimeEpisode &e, double leadMin, double moveMin, double fallMin, double afterMin)
{
    e.moveStartMs = e.buildupStartMs + minutes(leadMin);
    e.peakMs = e.moveStartMs + std::max<qint64>(1000, minutes(moveMin));
    e.fallEndMs = e.peakMs + minutes(fallMin);
    e.endMs = std::max(e.fallEndMs + minutes(afterMin), e.peakMs + 1000);
}

//! Buildup, move and unwind legs for the planned multiples.
void setPath(Rng &rng, RegimeEpisode &e, double buildup, double move, double fall, int moveLegs, double moveVol,
             double fallVol)
{
    addLeg(e, e.moveStartMs, detmath::ln(buildup), 1.05);
    addPath(rng, e, e.moveStartMs, e.peakMs, detmath::ln(move), moveLegs, moveVol, 0.35);
    addLeg(e, e.fallEndMs, detmath::ln(fall), fallVol);
    addLeg(e, e.endMs, 0, 1.15);
}

} // namespace

QString RegimeScheduler::personHandle(quint64 salt)
{
    static constexpr std::array heads{"degen", "frog", "moon", "chart", "ape", "wagmi", "based", "satoshi", "pepe",
                                      "whale", "bag", "gm", "diamond", "paper", "anon", "crypto", "meme", "alpha",
                                      "sol", "eth", "lambo", "rekt", "wojak", "ser"};
    static constexpr std::array tails{"lord", "watcher", "enjoyer", "trader", "maxi", "hunter", "dad", "queen",
                                      "wizard", "farmer", "sniper", "monk", "chad", "kid", "fren", "caller", "guy"};
    const quint64 h = Rng::mix(salt);
    return QString::fromLatin1(heads[h % heads.size()]) + QLatin1Char('_') + QString::fromLatin1(tails[(h >> 8) % tails.size()])
        + QString::number((h >> 20) % 1000);
}

QString RegimeScheduler::botHandle(quint64 seed, int network, int generation, int member)
{
    return personHandle(Rng::mix(seed ^ Rng::mix(0xB07 + quint64(network) * 0x10000 + quint64(member))) + quint64(generation));
}

void RegimeScheduler::pickBots(Rng &rng, const Context &c, RegimeEpisode &e, double botShare)
{
    // A campaign hires one network; each of its accounts is replaced on its own schedule.
    const int network = rng.uniformInt(0, kBotNetworks - 1);
    const int count = rng.uniformInt(3, 12);
    QList<int> members;
    while (members.size() < count) {
        const int m = rng.uniformInt(0, kNetworkSize - 1);
        if (!members.contains(m))
            members.append(m);
    }
    for (int m : members) {
        const int generation = int((e.buildupStartMs + qint64(m) * (kGenerationMs / kNetworkSize)) / kGenerationMs);
        e.bots.append(botHandle(c.seed, network, generation, m));
    }
    e.botShare = botShare;
}

void RegimeScheduler::shapeRegular(Rng &rng, RegimeEpisode &e, double scale)
{
    const auto up = [&](double lo, double hi) { return detmath::exp(scale * detmath::ln(logUniform(rng, lo, hi))); };
    switch (e.kind) {
    case Regime::OrganicPump: {
        // Many people notice first; the price follows in legs over hours and gives part back.
        setTimes(e, rng.uniform(10, 60), rng.uniform(120, 600), rng.uniform(120, 360), rng.uniform(30, 120));
        const double move = up(1.04, 1.2);
        const double giveBack = rng.uniform(0.3, 0.7);
        setPath(rng, e, up(1.0, 1.01), move, detmath::exp(-giveBack * detmath::ln(move)), rng.uniformInt(3, 6), 1.2, 1.1);
        e.socialPeak = rng.uniform(3, 6);
        break;
    }
    case Regime::PumpAndDump: {
        // A bot network shills; insiders ride the spike and dump it below where it started.
        setTimes(e, rng.uniform(5, 20), rng.uniform(30, 120), rng.uniform(45, 120), rng.uniform(30, 90));
        const double move = up(1.04, 1.12);
        setPath(rng, e, up(1.0, 1.01), move, rng.uniform(0.95, 0.99) / move, rng.uniformInt(2, 4), 1.2, 1.15);
        e.socialPeak = rng.uniform(5, 10);
        break;
    }
    case Regime::FailedPump: {
        // The hype and a first leg up, then nobody follows and it sinks below the start.
        setTimes(e, rng.uniform(10, 40), rng.uniform(20, 90), rng.uniform(60, 240), rng.uniform(30, 90));
        const double move = up(1.02, 1.06);
        setPath(rng, e, up(1.0, 1.01), move, rng.uniform(0.94, 0.99) / move, rng.uniformInt(1, 2), 1.15, 1.05);
        e.socialPeak = rng.uniform(2.5, 4);
        break;
    }
    case Regime::Chatter: {
        // Talk without consequence: the price keeps its own random walk.
        setTimes(e, rng.uniform(20, 90), rng.uniform(30, 120), 0, 0);
        setPath(rng, e, 1, 1, 1, 1, 1.0, 1.0);
        e.socialPeak = rng.uniform(2, 4);
        break;
    }
    case Regime::SlowBleed: {
        // No lead and no event: thin, slightly negative chatter while holders leave.
        setTimes(e, 0, rng.uniform(360, 1200), 0, 0);
        setPath(rng, e, 1, 1 / up(1.03, 1.15), 1, rng.uniformInt(2, 4), 0.95, 1.0);
        e.socialPeak = rng.uniform(0.6, 0.8);
        break;
    }
    case Regime::RugPull: {
        // Organic-looking hype and a modest pump, then the deployer pulls the pool: -80..-95 % in seconds.
        setTimes(e, rng.uniform(10, 40), rng.uniform(10, 40), rng.uniform(2, 5) / 60.0, rng.uniform(20, 40));
        setPath(rng, e, up(1.0, 1.03), up(1.05, 1.25), rng.uniform(0.05, 0.2), rng.uniformInt(2, 3), 1.5, 3);
        e.socialPeak = rng.uniform(5, 9);
        break;
    }
    case Regime::Quiet:
        e.moveStartMs = e.peakMs = e.fallEndMs = e.endMs = e.buildupStartMs;
        break;
    }
}

void RegimeScheduler::shapeFate(Rng &rng, RegimeEpisode &e)
{
    switch (e.kind) {
    case Regime::SlowBleed:
        // The usual end of a fresh meme: interest drains away over hours, with dead-cat bounces.
        setTimes(e, 0, rng.uniform(120, 720), 0, 0);
        setPath(rng, e, 1, logUniform(rng, 0.1, 0.6), 1, rng.uniformInt(3, 6), 1.0, 1.0);
        e.socialPeak = rng.uniform(0.6, 0.9);
        break;
    case Regime::RugPull:
        setTimes(e, rng.uniform(10, 60), rng.uniform(10, 60), rng.uniform(2, 5) / 60.0, rng.uniform(20, 40));
        setPath(rng, e, rng.uniform(1.0, 1.05), rng.uniform(1.05, 1.5), rng.uniform(0.05, 0.2), rng.uniformInt(2, 3), 1.5, 3);
        e.socialPeak = rng.uniform(6, 10);
        break;
    case Regime::PumpAndDump: {
        setTimes(e, rng.uniform(3, 10), rng.uniform(5, 20), rng.uniform(2, 8), rng.uniform(10, 30));
        const double move = logUniform(rng, 1.3, 3);
        setPath(rng, e, rng.uniform(1.0, 1.03), move, rng.uniform(0.3, 0.8) / move, rng.uniformInt(2, 4), 2, 2.5);
        e.socialPeak = rng.uniform(10, 18);
        break;
    }
    case Regime::FailedPump: {
        setTimes(e, rng.uniform(5, 20), rng.uniform(10, 40), rng.uniform(30, 120), rng.uniform(20, 60));
        const double move = rng.uniform(1.1, 1.4);
        setPath(rng, e, rng.uniform(1.0, 1.03), move, rng.uniform(0.5, 0.85) / move, rng.uniformInt(1, 3), 1.5, 1.3);
        e.socialPeak = rng.uniform(3, 6);
        break;
    }
    case Regime::OrganicPump: {
        setTimes(e, rng.uniform(5, 20), rng.uniform(60, 240), rng.uniform(60, 240), rng.uniform(30, 90));
        const double move = logUniform(rng, 1.5, 5);
        setPath(rng, e, rng.uniform(1.02, 1.08), move, detmath::exp(-rng.uniform(0.3, 0.6) * detmath::ln(move)),
                rng.uniformInt(4, 8), 1.6, 1.4);
        e.socialPeak = rng.uniform(6, 10);
        break;
    }
    case Regime::Chatter:
    case Regime::Quiet:
        shapeRegular(rng, e, 2);
        break;
    }
}

RegimeEpisode RegimeScheduler::plan(Rng &rng, const Context &c)
{
    RegimeEpisode e;
    e.symbol = c.symbol;
    const bool fate = c.fresh && c.firstEpisode;
    double gapMin = 0;
    if (c.rugged)
        gapMin = 30 + rng.exponential(60);
    else if (fate)
        gapMin = rng.uniform(1, 15);
    else if (c.firstEpisode)
        gapMin = rng.uniform(0, 16 * 60);
    else if (c.fresh)
        gapMin = 30 + rng.exponential(180);
    else
        gapMin = 360 + rng.exponential(900);
    e.buildupStartMs = c.fromMs + minutes(gapMin);

    const double u = rng.uniform();
    const bool thin = c.liquidityUsd < 300'000; // only thin fresh pools get rugged after their first day
    if (c.rugged)
        e.kind = Regime::SlowBleed;
    else if (fate) // most fresh launches fade or die; a few pump
        e.kind = u < 0.45 ? Regime::SlowBleed : u < 0.65 ? Regime::RugPull : u < 0.77 ? Regime::PumpAndDump
            : u < 0.87 ? Regime::FailedPump : u < 0.95 ? Regime::OrganicPump : Regime::Chatter;
    else if (c.fresh)
        e.kind = u < 0.40 ? Regime::SlowBleed : u < 0.60 ? Regime::Chatter : u < 0.75 ? Regime::FailedPump
            : u < 0.85 ? Regime::OrganicPump : (u < 0.95 || !thin) ? Regime::PumpAndDump : Regime::RugPull;
    else
        e.kind = u < 0.25 ? Regime::OrganicPump : u < 0.50 ? Regime::Chatter : u < 0.70 ? Regime::FailedPump
            : u < 0.75 ? Regime::PumpAndDump : Regime::SlowBleed; // established coins do not get rugged

    if (fate)
        shapeFate(rng, e);
    else
        shapeRegular(rng, e, c.fresh ? 2.0 : 1.0);
    if (e.kind == Regime::PumpAndDump)
        pickBots(rng, c, e, rng.uniform(0.5, 0.8)); // mixed with real people who fall for it
    else if (e.kind == Regime::RugPull)
        pickBots(rng, c, e, rng.uniform(0.1, 0.3)); // the hype looks organic
    return e;
}

RegimeEpisode RegimeScheduler::showcase(Rng &rng, const QString &symbol, qint64 moveStartMs)
{
    RegimeEpisode e;
    e.symbol = symbol;
    e.kind = Regime::OrganicPump;
    e.showcase = true;
    e.buildupStartMs = moveStartMs - minutes(rng.uniform(6, 9));
    e.moveStartMs = moveStartMs;
    e.peakMs = moveStartMs + minutes(rng.uniform(15, 30));
    e.fallEndMs = e.peakMs + minutes(rng.uniform(20, 40));
    e.endMs = e.fallEndMs + minutes(10);
    const double move = rng.uniform(1.12, 1.25);
    setPath(rng, e, 1.01, move, detmath::exp(-0.4 * detmath::ln(move)), 5, 2.5, 1.5);
    e.socialPeak = rng.uniform(8, 11);
    return e;
}

} // namespace adapters::demo
