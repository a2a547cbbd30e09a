#include "adapters/demo/chattergenerator.h"

#include "adapters/demo/detmath.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace adapters::demo {

namespace {

using Templates = std::array<const char16_t *, 6>;

// Each tone has its own vocabulary so that a lexicon-based sentiment model
// reading the text would broadly agree with the score we attach.
const Templates &templatesFor(PostTone tone)
{
    static const Templates neutral{u"anyone watching $%1 today?", u"$%1 chart just chopping sideways",
                                   u"holding a small bag of $%1, nothing exciting", u"what is the play on $%1 this week?",
                                   u"$%1 volume looks normal", u"gm $%1 fam"};
    static const Templates hype{u"$%1 volume creeping up, something is brewing", u"been accumulating $%1, chart looks ready",
                                u"$%1 devs shipping nonstop, very bullish", u"$%1 holders growing fast, still early",
                                u"$%1 about to break out imo", u"whales quietly loading $%1"};
    static const Templates shill{u"\U0001F680\U0001F680 $%1 100x GEM, get in NOW", u"$%1 next 1000x, don't miss it!!!",
                                 u"LAST CHANCE to buy $%1 before moon \U0001F680", u"$%1 pumping soon, insiders loading",
                                 u"buy $%1 now or cry later \U0001F48E\U0001F64C", u"$%1 is the next big thing, trust me"};
    static const Templates dump{u"who just dumped $%1??", u"$%1 down bad, the callers exited",
                                u"got dumped on with $%1, classic pump and dump", u"$%1 was a coordinated scam pump",
                                u"sold $%1 at a loss, never again", u"$%1 bagholders everywhere"};
    static const Templates rug{u"$%1 RUGGED. LP pulled. stay away", u"devs pulled liquidity on $%1 \U0001F6A8",
                               u"$%1 is a rug, -90% in seconds", u"lost everything on the $%1 rug",
                               u"$%1 pool drained, scam confirmed", u"do not buy $%1, liquidity is gone"};
    static const Templates bleed{u"$%1 slowly bleeding out", u"$%1 no volume, dead coin?", u"another red day for $%1",
                                 u"$%1 holders giving up", u"not touching $%1 until it finds a bottom",
                                 u"$%1 keeps sliding lower"};
    static const Templates launch{u"new token $%1 just launched on the demo chain", u"$%1 pool just went live, aping small",
                                  u"stealth launch $%1, is the LP locked?", u"$%1 fresh pair, watching closely",
                                  u"$%1 just deployed, early holders only", u"first candles on $%1 look wild"};
    static const Templates profit{u"took profits on $%1, nice run", u"$%1 cooling off after the pump",
                                  u"$%1 retracing, healthy pullback?", u"still holding some $%1 runners",
                                  u"$%1 pump over? taking some off", u"secured gains on $%1"};
    switch (tone) {
    case PostTone::Neutral: return neutral;
    case PostTone::Hype: return hype;
    case PostTone::Shill: return shill;
    case PostTone::Dump: return dump;
    case PostTone::Rug: return rug;
    case PostTone::Bleed: return bleed;
    case PostTone::Launch: return launch;
    case PostTone::Profit: return profit;
    }
    return neutral;
}

struct ToneSentiment {
    double mean;
    double sd;
};

ToneSentiment sentimentFor(PostTone tone)
{
    switch (tone) {
    case PostTone::Neutral: return {0.05, 0.25};
    case PostTone::Hype: return {0.6, 0.18};
    case PostTone::Shill: return {0.9, 0.07};
    case PostTone::Dump: return {-0.6, 0.18};
    case PostTone::Rug: return {-0.85, 0.1};
    case PostTone::Bleed: return {-0.3, 0.18};
    case PostTone::Launch: return {0.35, 0.2};
    case PostTone::Profit: return {0.15, 0.25};
    }
    return {0, 0.3};
}

QStringList makeOrganicAuthors(Rng &rng)
{
    static const char *heads[] = {"degen", "frog", "moon", "chart", "ape", "wagmi", "based", "satoshi", "pepe", "whale",
                                  "bag", "gm", "diamond", "paper", "anon", "crypto", "meme", "alpha"};
    static const char *tails[] = {"lord", "watcher", "enjoyer", "trader", "maxi", "hunter", "dad", "queen", "wizard",
                                  "farmer", "sniper", "monk", "chad", "kid", "fren"};
    QStringList names;
    for (const char *h : heads)
        for (const char *t : tails)
            names.append(QString::fromLatin1(h) + QLatin1Char('_') + QString::fromLatin1(t));
    // A seed-dependent number suffix, so different seeds have different crowds.
    for (QString &n : names)
        n += QString::number(rng.uniformInt(1, 999));
    return names;
}

} // namespace

ChatterGenerator::ChatterGenerator(quint64 seed)
    : m_rng(Rng::derive(seed, 0x50C1A1))
{
    m_organic = makeOrganicAuthors(m_rng);
}

void ChatterGenerator::generate(const QString &symbol, double postsPerMin, const SocialMood &mood, qint64 tMs,
                                const QStringList &allSymbols, bool keep, std::vector<DemoEvent> &out)
{
    const int count = m_rng.poisson(postsPerMin * mood.rateMult / 60.0);
    for (int i = 0; i < count; ++i) {
        const int offsetMs = m_rng.uniformInt(0, 999);
        bool bot = false;
        if (mood.authors == AuthorMode::Bots)
            bot = !mood.bots.isEmpty();
        else if (mood.authors == AuthorMode::Mixed)
            bot = !mood.bots.isEmpty() && m_rng.chance(0.5);
        const int authorIndex = bot ? m_rng.uniformInt(0, int(mood.bots.size()) - 1) : m_rng.uniformInt(0, int(m_organic.size()) - 1);
        PostTone tone = bot ? PostTone::Shill : (m_rng.chance(mood.toneShare) ? mood.tone : PostTone::Neutral);
        const Templates &templates = templatesFor(tone);
        const int templateIndex = m_rng.uniformInt(0, int(templates.size()) - 1);
        const ToneSentiment ts = sentimentFor(tone);
        const double sentiment = detmath::clamp(m_rng.normal(ts.mean, ts.sd), -1, 1);
        // A few posts name a second coin, so mentions alone are a noisy signal.
        const bool cross = m_rng.chance(0.05);
        const int otherIndex = m_rng.uniformInt(0, std::max(0, int(allSymbols.size()) - 1));
        const quint64 id = m_nextId++;
        if (!keep)
            continue;

        engine::SocialPost post;
        post.id = QStringLiteral("demo-") + QString::number(id);
        post.source = QStringLiteral("demo");
        post.author = bot ? mood.bots.at(authorIndex) : m_organic.at(authorIndex);
        post.tsMs = tMs + offsetMs;
        post.text = QString::fromUtf16(templates[templateIndex]).arg(symbol);
        post.tokens = QStringList{symbol};
        if (cross && !allSymbols.isEmpty() && allSymbols.at(otherIndex) != symbol) {
            post.tokens.append(allSymbols.at(otherIndex));
            post.text += QStringLiteral(" (also eyeing $") + allSymbols.at(otherIndex) + QLatin1Char(')');
        }
        post.sentiment = std::floor(sentiment * 1000 + 0.5) / 1000;
        out.emplace_back(std::move(post));
    }
}

} // namespace adapters::demo
