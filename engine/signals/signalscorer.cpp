#include "engine/signals/signalscorer.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace engine {

namespace {

constexpr double kFullMomentum = 0.03; // a 3 % gap between the fast and slow EMA is a full-strength trend
constexpr double kOverboughtRsi = 85;
constexpr double kCampaignShare = 0.5; // of recent posts from accounts posting again and again

double clamp1(double v) { return std::clamp(v, -1.0, 1.0); }
QString signedNumber(double v) { return QStringLiteral("%1%2").arg(v >= 0 ? QStringLiteral("+") : QString()).arg(v, 0, 'f', 2); }

} // namespace

SignalScorer::Parts SignalScorer::parts(double momentum, double rsi, double volumeZ, const SocialStats &social)
{
    Parts p;
    p.market = clamp1(momentum / kFullMomentum);
    if (rsi > kOverboughtRsi && p.market > 0) {
        p.market *= 0.5;
        p.overbought = true;
    }
    // Volume confirms the direction of the trend, it does not set it.
    p.volume = clamp1(volumeZ / 3.0) * (momentum >= 0 ? 1.0 : -1.0);
    if (social.recentPosts > 0) {
        // quieter than usual is only a mild negative; a surge counts in full
        const double surge = std::clamp(std::log2(std::max(social.velocity, 0.01)) / 2.0, -0.35, 1.0);
        p.social = clamp1(0.6 * surge + 0.4 * social.sentiment);
        // A few accounts doing most of the talking, or accounts that keep posting: a campaign.
        if (social.recentPosts >= 6 && (social.authorDiversity < 0.35 || social.repeatShare >= kCampaignShare)) {
            p.social = std::min(p.social, 0.0) - 0.3;
            p.coordinated = true;
        }
    }
    return p;
}

Signal SignalScorer::score(const QString &symbol, qint64 tsMs, Decimal price, const SymbolFeatures &market,
                           const SocialStats &social, const ChainStats &chain) const
{
    Signal s;
    s.tsMs = tsMs;
    s.symbol = symbol;
    s.price = price;
    s.momentum = market.momentum();
    s.rsi = market.rsi();
    s.volumeZ = market.volumeZ();
    s.mentionVelocity = social.velocity;
    s.sentiment = social.sentiment;
    s.uniqueAuthors = social.uniqueAuthors;
    s.liquidityChange = chain.liquidityChange;
    s.liquidityPulled = chain.liquidityPulled;

    const Parts p = parts(s.momentum, s.rsi, s.volumeZ, social);
    const double wm = m_params.weightMomentum;
    const double wv = m_params.weightVolume;
    const double ws = m_params.weightSocial;
    const double wsum = wm + wv + ws > 0 ? wm + wv + ws : 1.0;
    double total = (wm * p.market + wv * p.volume + ws * p.social) / wsum;

    // What went in, as it was used: the raw value and what it counted for.
    QStringList why;
    why << QStringLiteral("momentum %1 % (counts %2%3)")
               .arg(s.momentum * 100, 0, 'f', 2)
               .arg(signedNumber(p.market))
               .arg(std::abs(s.momentum) > kFullMomentum ? QStringLiteral(", capped at ±3 %") : QString());
    if (p.overbought)
        why << QStringLiteral("RSI %1 above 85: the up trend counts half (late to the move)").arg(s.rsi, 0, 'f', 0);
    why << QStringLiteral("volume z %1 (counts %2)").arg(s.volumeZ, 0, 'f', 1).arg(signedNumber(p.volume));
    why << (social.recentPosts > 0 ? QStringLiteral("mentions x%1 from %2 authors, sentiment %3 (counts %4)")
                                         .arg(s.mentionVelocity, 0, 'f', 1)
                                         .arg(s.uniqueAuthors)
                                         .arg(signedNumber(s.sentiment))
                                         .arg(signedNumber(p.social))
                                   : QStringLiteral("no recent mentions (social counts 0)"));
    if (p.coordinated)
        why << QStringLiteral("coordinated chatter: %1 of %2 recent posts from %3 accounts posting %4+ times, %5 authors in all "
                              "(social forced below 0)")
                   .arg(qRound(social.repeatShare * social.recentPosts))
                   .arg(social.recentPosts)
                   .arg(social.repeatAuthors)
                   .arg(SocialStats::kRepeatPosts)
                   .arg(social.uniqueAuthors);
    why << QStringLiteral("score = (%1 x %2 + %3 x %4 + %5 x %6) / %7 = %8")
               .arg(wm, 0, 'f', 2).arg(signedNumber(p.market))
               .arg(wv, 0, 'f', 2).arg(signedNumber(p.volume))
               .arg(ws, 0, 'f', 2).arg(signedNumber(p.social))
               .arg(wsum, 0, 'f', 2).arg(signedNumber(total));
    if (chain.liquidityPulled) {
        total = -1.0;
        why.prepend(QStringLiteral("liquidity pulled from the pool: score -1"));
    } else if (chain.liquidityChange < -0.3) {
        total = std::min(total, -0.5);
        why << QStringLiteral("liquidity down %1 %: score at most -0.5").arg(-chain.liquidityChange * 100, 0, 'f', 0);
    }
    s.score = clamp1(total);
    s.action = QStringLiteral("HOLD");
    if (!market.isReady()) {
        why << QStringLiteral("indicators still warming up");
    } else if (s.score >= m_params.entryScore) {
        s.action = QStringLiteral("BUY");
        if (p.social <= 0)
            why << QStringLiteral("bought on price and volume alone, without social confirmation");
    } else if (s.score <= m_params.exitScore) {
        s.action = QStringLiteral("SELL");
    }
    s.explanation = why.join(QStringLiteral("; "));
    return s;
}

} // namespace engine
