#include "adapters/demo/chattergenerator.h"

#include "adapters/demo/regimescheduler.h"

#include <algorithm>
#include <array>

namespace adapters::demo {

namespace {

using Phrases = std::array<const char16_t *, 12>;

// What people write in each tone; %1 is the cashtag. Some phrases are sarcastic or mixed on
// purpose: a lexicon reading them gets the sentiment wrong now and then, as it does on real feeds.
const Phrases &phrasesFor(PostTone tone)
{
    static const Phrases neutral{u"anyone watching %1 today?", u"%1 chart just chopping sideways",
                                 u"holding a small bag of %1, nothing exciting", u"what is the play on %1 this week?",
                                 u"%1 volume looks normal", u"gm %1 fam", u"not buying %1, not selling either",
                                 u"%1 listed where else?", u"who is still in %1", u"%1 doing %1 things",
                                 u"thoughts on %1 tokenomics?", u"%1 range bound, waiting"};
    static const Phrases hype{u"%1 volume creeping up, something is brewing", u"been accumulating %1, chart looks ready",
                              u"%1 devs shipping nonstop, very bullish", u"%1 holders growing fast, still early",
                              u"%1 about to break out imo", u"whales quietly loading %1", u"%1 community is insane rn",
                              u"%1 looks strong, higher lows all day", u"cant stop thinking about %1 ngl",
                              u"%1 is the play this week", u"%1 breaking out, who is with me", u"love the %1 vibes"};
    static const Phrases shill{u"%1 100x GEM, get in NOW", u"%1 next 1000x, don't miss it!!!",
                               u"LAST CHANCE to buy %1 before moon", u"%1 pumping soon, insiders loading",
                               u"buy %1 now or cry later", u"%1 is the next big thing, trust me",
                               u"%1 will make millionaires, easy 50x", u"SEND IT %1 LFG",
                               u"%1 guaranteed moon, devs doxxed", u"huge news coming for %1, load up",
                               u"%1 is going parabolic, dont fade", u"early on %1 = generational wealth"};
    static const Phrases dump{u"who just dumped %1??", u"%1 down bad, the callers exited",
                              u"got dumped on with %1, classic pump and dump", u"%1 was a coordinated scam pump",
                              u"sold %1 at a loss, never again", u"%1 bagholders everywhere",
                              u"great, another %1 'gem' down 40%", u"%1 callers went silent lol", u"rekt on %1",
                              u"%1 chart is a crime scene", u"exit liquidity again with %1", u"%1 insiders sold the top"};
    static const Phrases rug{u"%1 RUGGED. LP pulled. stay away", u"devs pulled liquidity on %1",
                             u"%1 is a rug, -90% in seconds", u"lost everything on the %1 rug",
                             u"%1 pool drained, scam confirmed", u"do not buy %1, liquidity is gone",
                             u"%1 dev wallet just drained the pool", u"RIP %1 holders, rug pull",
                             u"%1 honeypot? cant sell", u"%1 scam, report the dev", u"%1 is dead, rugged",
                             u"everyone who bought %1 got robbed"};
    static const Phrases bleed{u"%1 slowly bleeding out", u"%1 no volume, dead coin?", u"another red day for %1",
                               u"%1 holders giving up", u"not touching %1 until it finds a bottom",
                               u"%1 keeps sliding lower", u"%1 lower lows, sad", u"is %1 dead or just sleeping",
                               u"%1 devs quiet for days", u"bought %1 too early, down again", u"%1 weak af",
                               u"%1 chart looks tired"};
    static const Phrases launch{u"new token %1 just launched", u"%1 pool just went live, aping small",
                                u"stealth launch %1, is the LP locked?", u"%1 fresh pair, watching closely",
                                u"%1 just deployed, early holders only", u"first candles on %1 look wild",
                                u"%1 launch, contract renounced?", u"aped %1 at launch, lets see",
                                u"%1 new pair, careful", u"%1 fair launch happening now", u"who found %1 first",
                                u"%1 just dropped, dyor"};
    static const Phrases profit{u"took profits on %1, nice run", u"%1 cooling off after the pump",
                                u"%1 retracing, healthy pullback?", u"still holding some %1 runners",
                                u"%1 pump over? taking some off", u"secured gains on %1", u"sold %1 too early again lol",
                                u"%1 paid for my month", u"%1 top is in? not sure", u"trimmed %1, letting the rest ride",
                                u"%1 was fun while it lasted", u"%1 consolidating after the run"};
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

const std::array<const char16_t *, 4> &emojiFor(PostTone tone)
{
    static const std::array<const char16_t *, 4> happy{u"\U0001F680", u"\U0001F525", u"\U0001F48E\U0001F64C", u"\U0001F4C8"};
    static const std::array<const char16_t *, 4> sad{u"\U0001F480", u"\U0001F4C9", u"\U0001F6A8", u"\U0001F62D"};
    static const std::array<const char16_t *, 4> plain{u"\U0001F440", u"\U0001F438", u"\U0001F914", u"\U0001F937"};
    switch (tone) {
    case PostTone::Hype:
    case PostTone::Shill:
    case PostTone::Launch: return happy;
    case PostTone::Dump:
    case PostTone::Rug:
    case PostTone::Bleed: return sad;
    case PostTone::Neutral:
    case PostTone::Profit: return plain;
    }
    return plain;
}

constexpr std::array kOpeners{u"ser ", u"anon, ", u"ngl ", u"gm, ", u"fren ", u"lol ", u"ok ", u"bruh "};
constexpr std::array kClosers{u" #memecoin", u" #crypto", u" nfa", u" dyor", u" imo", u" t.me/+aX9pumpz", u" lfg",
                              u" wagmi"};

} // namespace

ChatterGenerator::ChatterGenerator(quint64 seed)
    : m_rng(Rng::derive(seed, 0x50C1A1))
{
    const quint64 crowd = m_rng.next();
    for (quint64 i = 0; m_organic.size() < 300 && i < 2000; ++i) {
        const QString name = RegimeScheduler::personHandle(crowd ^ Rng::mix(i + 1));
        if (!m_organic.contains(name))
            m_organic.append(name);
    }
}

QString ChatterGenerator::compose(PostTone tone, const Subject &subject, bool keep)
{
    const Phrases &phrases = phrasesFor(tone);
    const int phrase = m_rng.uniformInt(0, int(phrases.size()) - 1);
    const double u = m_rng.uniform();
    const int opener = m_rng.uniformInt(0, int(kOpeners.size()) - 1);
    const int closer = m_rng.uniformInt(0, int(kClosers.size()) - 1);
    const int emoji = m_rng.uniformInt(0, 3);
    const bool shouting = m_rng.chance(tone == PostTone::Shill ? 0.35 : 0.05);
    const bool address = m_rng.chance(tone == PostTone::Shill || tone == PostTone::Launch ? 0.3 : 0.03);
    const bool hashtag = m_rng.chance(0.1);
    if (!keep)
        return {};

    QString text;
    if (u < 0.2)
        text += QString::fromUtf16(kOpeners[opener]);
    text += QString::fromUtf16(phrases[phrase]).arg(QLatin1Char('$') + subject.symbol);
    if (shouting)
        text = text.toUpper() + QStringLiteral("!!");
    if (u > 0.35)
        text += QLatin1Char(' ') + QString::fromUtf16(emojiFor(tone)[emoji]);
    if (u > 0.8)
        text += QString::fromUtf16(kClosers[closer]);
    if (hashtag)
        text += QStringLiteral(" #") + subject.symbol;
    if (address && !subject.tokenAddress.isEmpty())
        text += QStringLiteral(" CA: ") + subject.tokenAddress;
    return text;
}

void ChatterGenerator::generate(const Subject &subject, const SocialMood &mood, qint64 tMs, const QStringList &allSymbols,
                                bool keep, std::vector<DemoEvent> &out)
{
    const int count = m_rng.poisson(subject.postsPerMin * mood.rateMult / 60.0);
    for (int i = 0; i < count; ++i) {
        const int offsetMs = m_rng.uniformInt(0, 999);
        const bool bot = mood.authors == AuthorMode::Mixed && !mood.bots.isEmpty() && m_rng.chance(mood.botShare);
        const int authorIndex = bot ? m_rng.uniformInt(0, int(mood.bots.size()) - 1) : m_rng.uniformInt(0, int(m_organic.size()) - 1);
        const PostTone tone = bot ? mood.tone : (m_rng.chance(mood.toneShare) ? mood.tone : PostTone::Neutral);
        QString text = compose(tone, subject, keep);
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
        post.text = std::move(text);
        post.tokens = QStringList{subject.symbol};
        if (cross && !allSymbols.isEmpty() && allSymbols.at(otherIndex) != subject.symbol) {
            post.tokens.append(allSymbols.at(otherIndex));
            post.text += QStringLiteral(" (also eyeing $") + allSymbols.at(otherIndex) + QLatin1Char(')');
        }
        out.emplace_back(std::move(post));
    }
}

} // namespace adapters::demo
