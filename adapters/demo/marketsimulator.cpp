#include "adapters/demo/marketsimulator.h"

#include "adapters/demo/regimescheduler.h"
#include "adapters/demo/tokensim.h"

#include <algorithm>

namespace adapters::demo {

namespace {
constexpr qint64 kSecondMs = 1000;
constexpr qint64 kMinuteMs = 60'000;
constexpr qint64 kRetireAfterMs = 6 * 60 * kMinuteMs;     // after a rug pull
constexpr qint64 kRetireDeadAfterMs = 2 * 60 * kMinuteMs;  // after a fresh launch faded out
// Launches pause at this many live tokens, so a day at 100x stays affordable.
constexpr std::size_t kMaxTokens = 48;

qint64 wholeSeconds(double sec) { return static_cast<qint64>(sec) * kSecondMs; }

// Stable sort on precomputed times: moving variants around is what costs.
void sortByTime(std::vector<DemoEvent> &events)
{
    std::vector<std::pair<qint64, std::size_t>> keys;
    keys.reserve(events.size());
    bool sorted = true;
    for (std::size_t i = 0; i < events.size(); ++i) {
        keys.emplace_back(eventTimeMs(events[i]), i);
        sorted = sorted && (i == 0 || keys[i - 1].first <= keys[i].first);
    }
    if (sorted)
        return;
    std::sort(keys.begin(), keys.end()); // (time, index) pairs are unique, so this is stable
    std::vector<DemoEvent> ordered;
    ordered.reserve(events.size());
    for (const auto &key : keys)
        ordered.push_back(std::move(events[key.second]));
    events = std::move(ordered);
}
} // namespace

MarketSimulator::MarketSimulator(quint64 seed, qint64 startMs)
    : m_seed(seed)
    , m_startMs(startMs - ((startMs % kSecondMs) + kSecondMs) % kSecondMs)
    , m_nowMs(m_startMs)
    , m_rng(Rng::derive(seed, 0x1A0C4))
    , m_catalog(seed)
    , m_chatter(seed)
{
    const QList<TokenProfile> initial = m_catalog.initialTokens();
    for (const TokenProfile &profile : initial) {
        const quint64 tokenSeed = Rng::mix(seed ^ Rng::mix(quint64(m_tokens.size()) + 1));
        m_tokens.push_back(std::make_unique<TokenSim>(profile, tokenSeed, m_startMs, m_startMs));
        m_symbols.append(profile.symbol);
    }
    m_instrumentsRevision = 1;
    m_nextLaunchMs = m_startMs + wholeSeconds(m_rng.uniform(45, 90) * 60);
}

MarketSimulator::~MarketSimulator() = default;

void MarketSimulator::launchToken(qint64 tMs)
{
    TokenProfile profile = m_catalog.nextLaunch();
    const qint64 listMs = tMs + wholeSeconds(m_rng.uniform(5, 15) * 60);
    const quint64 tokenSeed = Rng::mix(m_seed ^ Rng::mix(0x1000 + quint64(m_launches)));
    m_symbols.append(profile.symbol);
    m_tokens.push_back(std::make_unique<TokenSim>(std::move(profile), tokenSeed, tMs, listMs));
    ++m_launches;
}

void MarketSimulator::retireDeadTokens(qint64 tMs)
{
    for (auto it = m_tokens.begin(); it != m_tokens.end();) {
        const TokenSim &token = **it;
        const bool rugGone = token.ruggedAtMs() >= 0 && tMs >= token.ruggedAtMs() + kRetireAfterMs;
        const bool fadedGone = token.deadSinceMs() >= 0 && tMs >= token.deadSinceMs() + kRetireDeadAfterMs;
        if (!rugGone && !fadedGone) {
            ++it;
            continue;
        }
        if (token.isListed())
            ++m_instrumentsRevision;
        m_symbols.removeOne(token.symbol());
        m_retiredEpisodes.append(token.episodes());
        it = m_tokens.erase(it);
    }
}

void MarketSimulator::advance(EmitMode mode, std::vector<DemoEvent> &out)
{
    const qint64 t = m_nowMs;
    if (t % kMinuteMs == 0)
        retireDeadTokens(t);
    if (t >= m_nextLaunchMs) {
        if (m_tokens.size() < kMaxTokens)
            launchToken(t);
        m_nextLaunchMs += wholeSeconds(m_rng.uniform(45, 90) * 60);
    }
    const bool keepPosts = mode != EmitMode::Silent;
    for (const auto &token : m_tokens) {
        const SocialMood mood = token->socialMood(t);
        if (token->step(t, mode, out))
            ++m_instrumentsRevision;
        const TokenProfile &profile = token->profile();
        m_chatter.generate({profile.symbol, profile.tokenAddress, profile.postsPerMin}, mood, t, m_symbols, keepPosts, out);
    }
    if (mode != EmitMode::Silent)
        sortByTime(out);
    m_nowMs += kSecondMs;
    ++m_steps;
}

std::vector<DemoEvent> MarketSimulator::step()
{
    std::vector<DemoEvent> out;
    out.reserve(128);
    advance(EmitMode::All, out);
    return out;
}

MarketSimulator::History MarketSimulator::collect(qint64 untilMs)
{
    History history;
    std::vector<DemoEvent> buffer;
    while (m_nowMs < untilMs) {
        buffer.clear();
        advance(EmitMode::History, buffer);
        for (DemoEvent &event : buffer) {
            if (auto *candle = std::get_if<engine::Candle>(&event))
                history.candles.append(std::move(*candle));
            else if (auto *post = std::get_if<engine::SocialPost>(&event))
                history.posts.append(std::move(*post));
        }
    }
    return history;
}

void MarketSimulator::plantShowcase(qint64 moveStartMs)
{
    QList<int> hosts;
    for (int i = 0; i < int(m_tokens.size()); ++i) {
        if (m_tokens[i]->canHostShowcase(m_nowMs) && m_tokens[i]->profile().liquidityUsd >= 250'000)
            hosts.append(i);
    }
    if (hosts.isEmpty())
        return;
    TokenSim &host = *m_tokens[hosts.at(m_rng.uniformInt(0, int(hosts.size()) - 1))];
    host.plantEpisode(RegimeScheduler::showcase(m_rng, host.symbol(), moveStartMs));
}

MarketSimulator::History MarketSimulator::warmUp(int minutes)
{
    minutes = std::max(0, minutes);
    const qint64 endMs = m_nowMs + minutes * kMinuteMs;
    if (m_steps == 0 && m_showcase)
        plantShowcase(endMs + wholeSeconds(m_rng.uniform(60, 150)));
    return collect(endMs);
}

MarketSimulator::History MarketSimulator::historyTo(qint64 simMs) { return collect(simMs); }

void MarketSimulator::fastForwardTo(qint64 simMs)
{
    std::vector<DemoEvent> scratch;
    while (m_nowMs < simMs) {
        scratch.clear();
        advance(EmitMode::Silent, scratch);
    }
}

QList<engine::Instrument> MarketSimulator::instruments() const
{
    QList<engine::Instrument> list;
    for (const auto &token : m_tokens) {
        if (token->isListed())
            list.append(token->instrument());
    }
    return list;
}

QList<TokenTruth> MarketSimulator::groundTruth() const
{
    QList<TokenTruth> list;
    list.reserve(qsizetype(m_tokens.size()));
    for (const auto &token : m_tokens)
        list.append(token->truth(m_nowMs));
    return list;
}

std::optional<TokenTruth> MarketSimulator::groundTruth(const QString &symbol) const
{
    for (const auto &token : m_tokens) {
        if (token->symbol() == symbol)
            return token->truth(m_nowMs);
    }
    return std::nullopt;
}

QList<RegimeEpisode> MarketSimulator::episodes() const
{
    QList<RegimeEpisode> all = m_retiredEpisodes;
    for (const auto &token : m_tokens)
        all.append(token->episodes());
    std::stable_sort(all.begin(), all.end(),
                     [](const RegimeEpisode &a, const RegimeEpisode &b) { return a.buildupStartMs < b.buildupStartMs; });
    return all;
}

} // namespace adapters::demo
