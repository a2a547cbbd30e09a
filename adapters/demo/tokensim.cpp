#include "adapters/demo/tokensim.h"

#include "adapters/demo/detmath.h"
#include "adapters/demo/regimescheduler.h"
#include "adapters/demo/tokencatalog.h"

#include <algorithm>
#include <cmath>

namespace adapters::demo {

namespace {

constexpr qint64 kMinuteMs = 60'000;
constexpr qint64 kLaunchBuzzMs = 20 * kMinuteMs;
constexpr double kFloorTicks = 50; // keeps a few significant digits after a rug
constexpr double kDeadShare = 0.15; // a fresh launch below this share of its launch price is dead

// Volatility clustering: the log of a token's volatility multiple wanders as a mean-reverting
// (Ornstein-Uhlenbeck) process with a half-day memory; news jumps kick it up.
constexpr double kVolMemorySec = 24 * 3600.0;
constexpr double kVolKick = 0.8;
constexpr double kVolSd = 0.8; // stationary sd of the log volatility multiple
// Rare news-like jumps with fat (Laplace) tails: about one a day and a half on an established
// token, one every few hours on a fresh one.
constexpr double kJumpPerSec = 1.0 / (36 * 3600);
constexpr double kJumpScale = 0.04;
constexpr double kFreshJumpPerSec = 1.0 / (6 * 3600);
constexpr double kFreshJumpScale = 0.06;
// Fresh launches start this many times wilder than their settled volatility; it halves every ...
constexpr double kFreshVolBoost = 2.0;
constexpr double kFreshVolHalfLifeSec = 4 * 3600.0;
// Slow trends that last days: most of the time none, sometimes a drift of a few % a day.
constexpr double kTrendSwitchPerSec = 1.0 / (36 * 3600);
constexpr double kTrendSdPerSec = 0.04 / 86400; // sd of the daily drift, 4 %

double fraction(qint64 t, qint64 from, qint64 to)
{
    return to > from ? detmath::clamp(double(t - from) / double(to - from), 0, 1) : 1;
}

} // namespace

TokenSim::TokenSim(TokenProfile profile, quint64 seed, qint64 createdMs, qint64 listMs)
    : m_profile(std::move(profile))
    , m_pair(m_profile.symbol + QStringLiteral("USDT"))
    , m_seed(seed)
    , m_rng(seed)
    , m_createdMs(createdMs)
    , m_listMs(listMs)
    , m_tick(m_profile.tickSize.toDouble())
    , m_step(m_profile.stepSize.toDouble())
    , m_logPrice(detmath::ln(m_profile.initialPrice))
    , m_price(m_profile.initialPrice)
    , m_logFloor(detmath::ln(kFloorTicks * m_tick))
    , m_liquidityK(m_profile.liquidityUsd / std::sqrt(m_profile.initialPrice))
    , m_lastEndMs(createdMs)
{
    m_listed = listMs >= 0 && listMs <= createdMs; // established tokens trade from the start
    m_volState = kVolSd * m_rng.normal(); // start anywhere in the stationary range
    RegimeScheduler::Context c;
    c.symbol = m_profile.symbol;
    c.seed = m_profile.marketSeed;
    c.fromMs = m_profile.newLaunch ? createdMs : std::max(createdMs, listMs);
    c.firstEpisode = true;
    c.fresh = m_profile.newLaunch;
    c.liquidityUsd = m_profile.liquidityUsd;
    m_episode = RegimeScheduler::plan(m_rng, c);
    m_episodes.append(m_episode);
}

engine::Instrument TokenSim::instrument() const { return TokenCatalog::instrumentFor(m_profile); }

double TokenSim::liquidityUsd() const { return m_liquidityK * std::sqrt(m_price); }

engine::Decimal TokenSim::priceAt(qint64 ticks) const
{
    return engine::Decimal::fromRaw(m_profile.tickSize.raw() * ticks);
}

engine::Decimal TokenSim::qtyAt(qint64 steps) const
{
    return engine::Decimal::fromRaw(m_profile.stepSize.raw() * steps);
}

void TokenSim::advanceEpisode(qint64 tMs)
{
    while (tMs >= m_episode.endMs) {
        m_lastEndMs = m_episode.endMs;
        m_rugPulled = false;
        RegimeScheduler::Context c;
        c.symbol = m_profile.symbol;
        c.seed = m_profile.marketSeed;
        c.fromMs = m_episode.endMs;
        c.fresh = m_profile.newLaunch;
        c.rugged = m_rugged;
        c.liquidityUsd = liquidityUsd();
        m_episode = RegimeScheduler::plan(m_rng, c);
        m_episodes.append(m_episode);
    }
}

bool TokenSim::canHostShowcase(qint64 nowMs) const
{
    return !m_profile.newLaunch && !m_rugged && m_listMs >= 0 && m_listMs <= nowMs && nowMs < m_episode.buildupStartMs;
}

void TokenSim::plantEpisode(const RegimeEpisode &episode)
{
    m_episode = episode;
    m_episodes.last() = episode;
}

TokenSim::PhaseParams TokenSim::phaseParams(Phase phase, qint64 tMs) const
{
    // activity, buyProb, spread, depth, swaps, whales
    switch (phase) {
    case Phase::Idle:
        return m_rugged ? PhaseParams{0.3, 0.47, 1.5, 0.6, 0.2, 0.2} : PhaseParams{1, 0.5, 1, 1, 1, 1};
    case Phase::Buildup:
        switch (m_episode.kind) {
        case Regime::OrganicPump: return {1.3, 0.54, 1, 1.1, 3, 4}; // whales accumulate early
        case Regime::PumpAndDump: return {1.2, 0.54, 1, 1, 5, 3};
        case Regime::RugPull: return {1.4, 0.56, 1.1, 1, 3, 5};     // deployer wallets move
        case Regime::FailedPump: return {1.2, 0.53, 1, 1, 2, 2};
        case Regime::Chatter: return {1.1, 0.5, 1, 1, 1.2, 1.2};
        default: break;
        }
        break;
    case Phase::Move:
        switch (m_episode.kind) {
        case Regime::OrganicPump: return {2.2, 0.6, 1.2, 1.1, 5, 2};
        case Regime::PumpAndDump: return {3.5, 0.66, 1.4, 0.9, 8, 2};
        case Regime::RugPull: return {2.2, 0.6, 1.3, 1, 4, 3};
        case Regime::FailedPump: return {1.6, 0.55, 1.1, 1, 2, 1.5};
        case Regime::Chatter: return {1.2, 0.5, 1, 1, 1.2, 1};
        case Regime::SlowBleed: return {0.7, 0.46, 1.2, 0.9, 0.6, 0.5};
        default: break;
        }
        break;
    case Phase::Unwind: {
        const bool falling = m_episode.inFall(tMs);
        switch (m_episode.kind) {
        case Regime::OrganicPump: return {1.6, 0.45, 1.2, 1, 3, 1.5};
        case Regime::FailedPump: return {1.2, 0.46, 1.1, 1, 1, 1};
        case Regime::PumpAndDump:
            return falling ? PhaseParams{4, 0.25, 2, 0.6, 8, 2} : PhaseParams{1.4, 0.46, 1.3, 0.8, 2, 1};
        case Regime::RugPull:
            return falling ? PhaseParams{5, 0.08, 4, 0.3, 10, 1} : PhaseParams{1.2, 0.38, 2, 0.5, 2, 1};
        default: break;
        }
        break;
    }
    }
    return {1, 0.5, 1, 1, 1, 1};
}

TokenSim::PathStep TokenSim::plannedStep(qint64 tMs) const
{
    if (!m_episode.isActiveAt(tMs))
        return {m_rugged ? -2e-6 : 0, m_rugged ? 0.6 : 1};
    qint64 from = m_episode.buildupStartMs;
    for (const EpisodeLeg &leg : m_episode.legs) {
        if (tMs < leg.endMs)
            return {leg.logMove * 1000.0 / double(std::max<qint64>(1000, leg.endMs - from)), leg.vol};
        from = leg.endMs;
    }
    return {0, 1};
}

double TokenSim::volatilityPerSec(qint64 tMs) const
{
    // The multiple exp(x - sd^2) has a mean square of one, so the profile's sigma stays the average.
    double sigma = m_profile.sigmaPerSec * detmath::exp(m_volState - kVolSd * kVolSd);
    if (m_profile.newLaunch) {
        const double ageSec = double(std::max<qint64>(0, tMs - m_createdMs)) / 1000.0;
        sigma *= 1 + (kFreshVolBoost - 1) * detmath::exp(-ageSec / kFreshVolHalfLifeSec * 0.6931471805599453);
    }
    return sigma;
}

void TokenSim::movePrice(qint64 tMs)
{
    m_volState += -m_volState / kVolMemorySec + kVolSd * std::sqrt(2.0 / kVolMemorySec) * m_rng.normal();
    if (m_rng.chance(kTrendSwitchPerSec))
        m_trendPerSec = m_rng.chance(0.6) ? 0 : kTrendSdPerSec * m_rng.normal();
    const PathStep planned = plannedStep(tMs);
    m_logPrice += planned.drift + m_trendPerSec + volatilityPerSec(tMs) * planned.vol * m_rng.normal();
    if (m_rng.chance(m_profile.newLaunch ? kFreshJumpPerSec : kJumpPerSec)) {
        const double scale = m_profile.newLaunch ? kFreshJumpScale : kJumpScale;
        m_logPrice += (m_rng.chance(0.5) ? 1 : -1) * m_rng.exponential(scale);
        m_volState += kVolKick;
    }
    m_logPrice = std::max(m_logPrice, m_logFloor);
    m_price = detmath::exp(m_logPrice);
}

SocialMood TokenSim::socialMood(qint64 tMs) const
{
    const RegimeEpisode &e = m_episode;
    SocialMood m;
    const auto campaign = [&](double rate, PostTone tone, double share) {
        return SocialMood{rate, e.bots.isEmpty() ? AuthorMode::Organic : AuthorMode::Mixed, tone, share, e.bots, e.botShare};
    };
    switch (e.phaseAt(tMs)) {
    case Phase::Idle: {
        if (m_rugged) {
            m.rateMult = 0.35;
            m.tone = PostTone::Bleed;
            m.toneShare = 0.5;
        }
        const qint64 age = tMs - m_createdMs;
        if (m_profile.newLaunch && age < kLaunchBuzzMs) {
            const double buzz = 3 * (1 - double(age) / double(kLaunchBuzzMs));
            m.rateMult += buzz;
            m.tone = PostTone::Launch;
            m.toneShare = buzz / m.rateMult + 0.1;
        }
        return m;
    }
    case Phase::Buildup: {
        const double f = fraction(tMs, e.buildupStartMs, e.moveStartMs);
        const double from = e.showcase ? 4 : 1.8; // the showcase must stand out within minutes
        const double rate = from + (e.socialPeak - from) * f;
        switch (e.kind) {
        case Regime::OrganicPump:
        case Regime::FailedPump:
        case Regime::Chatter: return campaign(rate, PostTone::Hype, 0.7);
        case Regime::PumpAndDump: return campaign(rate, PostTone::Shill, 0.8);
        case Regime::RugPull: return campaign(rate, PostTone::Hype, 0.8);
        default: return m;
        }
    }
    case Phase::Move:
        switch (e.kind) {
        case Regime::OrganicPump: return campaign(e.socialPeak, PostTone::Hype, 0.65);
        case Regime::FailedPump: return campaign(e.socialPeak, PostTone::Hype, 0.55);
        case Regime::Chatter: return campaign(e.socialPeak, PostTone::Hype, 0.5);
        case Regime::PumpAndDump: return campaign(e.socialPeak, PostTone::Shill, 0.8);
        case Regime::RugPull: return campaign(e.socialPeak, PostTone::Hype, 0.8);
        case Regime::SlowBleed: return campaign(m_rugged ? 0.35 * e.socialPeak : e.socialPeak, PostTone::Bleed, 0.6);
        default: return m;
        }
    case Phase::Unwind: {
        const double f = fraction(tMs, e.peakMs, e.endMs);
        switch (e.kind) {
        case Regime::OrganicPump: return {e.socialPeak - (e.socialPeak - 1) * f, AuthorMode::Organic, PostTone::Profit, 0.6, {}, 0};
        case Regime::FailedPump: return {2 - f, AuthorMode::Organic, PostTone::Bleed, 0.5, {}, 0};
        case Regime::PumpAndDump:
            if (m_episode.inFall(tMs))
                return {4, AuthorMode::Organic, PostTone::Dump, 0.8, {}, 0};
            return {3 - 2 * f, AuthorMode::Organic, PostTone::Dump, 0.55, {}, 0};
        case Regime::RugPull: return {10 - 8 * f, AuthorMode::Organic, PostTone::Rug, 0.85, {}, 0};
        default: return m;
        }
    }
    }
    return m;
}

bool TokenSim::step(qint64 tMs, EmitMode mode, std::vector<DemoEvent> &out)
{
    const bool keepAll = mode == EmitMode::All;
    bool listedNow = false;
    if (!m_started) {
        m_started = true;
        if (m_profile.newLaunch) {
            pushChain(engine::ChainEvent::Kind::PoolCreated, tMs, 0, keepAll, out);
            pushChain(engine::ChainEvent::Kind::LiquidityAdded, tMs + 1, liquidityUsd(), keepAll, out);
        }
    }
    if (!m_listed && m_listMs >= 0 && tMs >= m_listMs) {
        m_listed = true;
        listedNow = true;
    }

    const Phase phase = m_episode.phaseAt(tMs);
    const PhaseParams pp = phaseParams(phase, tMs);
    if (m_episode.kind == Regime::RugPull && phase == Phase::Unwind && !m_rugPulled) {
        // The deployer pulls most of the pool in one transaction; the crash follows.
        m_rugPulled = true;
        m_rugged = true;
        m_ruggedAtMs = tMs;
        if (!m_listed)
            m_listMs = -1; // no exchange lists a rugged token
        const double removedShare = m_rng.uniform(0.88, 0.95);
        const double removed = liquidityUsd() * removedShare;
        m_liquidityK *= 1 - removedShare;
        pushChain(engine::ChainEvent::Kind::LiquidityRemoved, tMs, removed, keepAll, out);
    }

    movePrice(tMs);
    if (m_profile.newLaunch && m_deadSinceMs < 0 && phase == Phase::Idle && m_price < kDeadShare * m_profile.initialPrice)
        m_deadSinceMs = tMs; // faded out: nobody trades it any more

    chainActivity(tMs, phase, pp, keepAll, out);
    if (m_listed)
        marketActivity(tMs, pp, mode, out);
    advanceEpisode(tMs + 1000);
    return listedNow;
}

void TokenSim::pushChain(engine::ChainEvent::Kind kind, qint64 tsMs, double quoteUsd, bool keep, std::vector<DemoEvent> &out)
{
    const quint64 txNo = m_txCounter++;
    if (!keep)
        return;
    engine::ChainEvent e;
    e.kind = kind;
    e.chain = QStringLiteral("demo");
    e.token = m_profile.symbol;
    e.tokenAddress = m_profile.tokenAddress;
    e.pool = m_profile.poolAddress;
    e.quoteAmount = engine::Decimal::fromDouble(quoteUsd, 2);
    // A pool has no liquidity until its first deposit.
    e.liquidity = kind == engine::ChainEvent::Kind::PoolCreated ? engine::Decimal() : engine::Decimal::fromDouble(liquidityUsd(), 2);
    // A stateless hash, so fast-forward needs no randomness for it.
    QString hash = QStringLiteral("0x");
    for (quint64 i = 0; i < 4; ++i)
        hash += QStringLiteral("%1").arg(Rng::mix(m_seed ^ Rng::mix(txNo * 4 + i + 1)), 16, 16, QLatin1Char('0'));
    e.txHash = hash;
    e.tsMs = tsMs;
    out.emplace_back(std::move(e));
}

void TokenSim::chainActivity(qint64 tMs, Phase phase, const PhaseParams &pp, bool keep, std::vector<DemoEvent> &out)
{
    // Before its CEX listing a fresh token trades only on its pool, and busily.
    const double swapRate = pp.swaps / 600.0 * (m_listed ? 1 : 4);
    if (m_rng.chance(swapRate)) {
        const double amount = liquidityUsd() * m_rng.uniform(0.004, 0.03);
        pushChain(engine::ChainEvent::Kind::Swap, tMs + m_rng.uniformInt(0, 999), amount, keep, out);
    }
    if (m_rng.chance(pp.whales / 2400.0)) {
        const double amount = liquidityUsd() * m_rng.uniform(0.05, 0.4);
        pushChain(engine::ChainEvent::Kind::WhaleTransfer, tMs + m_rng.uniformInt(0, 999), amount, keep, out);
    }
    if (phase == Phase::Idle && !m_rugged && m_rng.chance(1.0 / 7200)) {
        const double share = m_rng.uniform(0.05, 0.2);
        const double amount = liquidityUsd() * share;
        m_liquidityK *= 1 + share;
        pushChain(engine::ChainEvent::Kind::LiquidityAdded, tMs + m_rng.uniformInt(0, 999), amount, keep, out);
    }
}

void TokenSim::marketActivity(qint64 tMs, const PhaseParams &pp, EmitMode mode, std::vector<DemoEvent> &out)
{
    // Book around the new mid: spread and depth follow the pool's liquidity.
    const double liquidity = liquidityUsd();
    const double spread = detmath::clamp(0.0015 * std::sqrt(1e6 / liquidity), 0.0005, 0.03) * pp.spread;
    const double gap = spread * 0.6;
    const double midTicks = m_price / m_tick;
    std::array<qint64, kLevels> bid{}, ask{}, bidQty{}, askQty{};
    std::array<double, kLevels> levelUsd{};
    // Trades need the first two levels; the rest of the book, and its sizes, only when it is sent.
    const bool sendBook = mode == EmitMode::All;
    const int levels = sendBook ? kLevels : 2;
    for (int i = 0; i < levels; ++i) {
        // Strictly monotonic levels at least one tick apart, bid < ask, bids > 0.
        qint64 b = std::max<qint64>(kLevels - i, static_cast<qint64>(std::floor(midTicks * (1 - spread / 2 - i * gap))));
        qint64 a = static_cast<qint64>(std::ceil(midTicks * (1 + spread / 2 + i * gap)));
        if (i == 0) {
            a = std::max(a, b + 1);
        } else {
            b = std::min(b, bid[i - 1] - 1);
            a = std::max(a, ask[i - 1] + 1);
        }
        bid[i] = b;
        ask[i] = a;
        levelUsd[i] = liquidity * 0.0015 * pp.depth * (1 + 0.35 * i);
        if (!sendBook)
            continue;
        const double jb = 0.6 + 0.8 * Rng::hashUnit(m_seed ^ quint64(tMs), quint64(2 * i));
        const double ja = 0.6 + 0.8 * Rng::hashUnit(m_seed ^ quint64(tMs), quint64(2 * i + 1));
        bidQty[i] = std::max<qint64>(1, static_cast<qint64>(levelUsd[i] * jb / (double(bid[i]) * m_tick) / m_step));
        askQty[i] = std::max<qint64>(1, static_cast<qint64>(levelUsd[i] * ja / (double(ask[i]) * m_tick) / m_step));
    }

    if (m_candleOpenMs < 0 || tMs >= m_candleOpenMs + kMinuteMs) {
        m_candleOpenMs = tMs - tMs % kMinuteMs;
        m_candleTraded = false;
        m_volume = 0;
        if (m_lastTradeTicks == 0)
            m_lastTradeTicks = bid[0];
    }

    struct Draw {
        int offsetMs;
        bool buy;
        double z;
    };
    const int count = m_rng.poisson(m_profile.tradesPerSec * pp.activity);
    std::vector<Draw> draws;
    draws.reserve(count);
    for (int i = 0; i < count; ++i) {
        Draw d;
        d.offsetMs = m_rng.uniformInt(0, 999);
        d.buy = m_rng.chance(pp.buyProb);
        d.z = m_rng.normal();
        draws.push_back(d);
    }
    std::stable_sort(draws.begin(), draws.end(), [](const Draw &a, const Draw &b) { return a.offsetMs < b.offsetMs; });
    for (const Draw &d : draws) {
        const double notional = m_profile.medianTradeUsd * detmath::exp(0.9 * d.z) * (0.6 + 0.4 * pp.activity);
        const int level = notional > levelUsd[0] ? 1 : 0; // big takers sweep the first level
        const qint64 ticks = d.buy ? ask[level] : bid[level];
        const qint64 steps = std::max<qint64>(1, static_cast<qint64>(notional / (double(ticks) * m_tick) / m_step));
        if (!m_candleTraded) {
            m_open = m_high = m_low = ticks;
            m_candleTraded = true;
        }
        m_high = std::max(m_high, ticks);
        m_low = std::min(m_low, ticks);
        m_close = ticks;
        m_volume += steps;
        m_lastTradeTicks = ticks;
        if (mode == EmitMode::All) {
            engine::TradeTick t;
            t.symbol = m_pair;
            t.price = priceAt(ticks);
            t.qty = qtyAt(steps);
            t.buyerIsMaker = !d.buy;
            t.tsMs = tMs + d.offsetMs;
            out.emplace_back(std::move(t));
        }
    }

    if (sendBook) {
        engine::BookUpdate book;
        book.symbol = m_pair;
        book.tsMs = tMs + 999;
        book.bids.reserve(kLevels);
        book.asks.reserve(kLevels);
        for (int i = 0; i < kLevels; ++i) {
            book.bids.append({priceAt(bid[i]), qtyAt(bidQty[i])});
            book.asks.append({priceAt(ask[i]), qtyAt(askQty[i])});
        }
        out.emplace_back(std::move(book));
    }

    if ((tMs + 1000) % kMinuteMs == 0)
        closeCandle(tMs + 1000, mode != EmitMode::Silent, out);
}

void TokenSim::closeCandle(qint64 closeMs, bool keep, std::vector<DemoEvent> &out)
{
    if (!m_candleTraded)
        m_open = m_high = m_low = m_close = m_lastTradeTicks;
    if (keep) {
        engine::Candle c;
        c.symbol = m_pair;
        c.openTimeMs = closeMs - kMinuteMs;
        c.intervalSec = 60;
        c.open = priceAt(m_open);
        c.high = priceAt(m_high);
        c.low = priceAt(m_low);
        c.close = priceAt(m_close);
        c.volume = qtyAt(m_volume);
        c.closed = true;
        out.emplace_back(std::move(c));
    }
    m_candleOpenMs = -1;
}

TokenTruth TokenSim::truth(qint64 nowMs) const
{
    TokenTruth t;
    t.symbol = m_profile.symbol;
    t.pairSymbol = m_pair;
    t.tokenAddress = m_profile.tokenAddress;
    t.poolAddress = m_profile.poolAddress;
    t.newLaunch = m_profile.newLaunch;
    t.launchedMs = m_createdMs;
    t.listMs = m_listMs;
    t.listed = m_listed;
    t.rugged = m_rugged;
    t.midPrice = m_price;
    t.liquidityUsd = liquidityUsd();
    if (m_episode.isActiveAt(nowMs)) {
        t.regime = m_episode.kind;
        t.phase = m_episode.phaseAt(nowMs);
        t.regimeStartMs = m_episode.buildupStartMs;
        t.current = m_episode;
        t.next.symbol = m_profile.symbol;
        t.next.buildupStartMs = t.next.moveStartMs = t.next.peakMs = t.next.endMs = m_episode.endMs;
    } else {
        t.regimeStartMs = m_lastEndMs;
        t.current.symbol = m_profile.symbol;
        t.next = m_episode;
    }
    return t;
}

} // namespace adapters::demo
