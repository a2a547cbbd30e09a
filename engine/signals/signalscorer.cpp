#include "engine/signals/signalscorer.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace engine {

namespace {
double clamp1(double v) { return std::clamp(v, -1.0, 1.0); }
} // namespace

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

    QStringList why;
    // Market: a 3 % gap between the fast and slow EMA is a full-strength trend.
    double marketPart = clamp1(s.momentum / 0.03);
    if (s.rsi > 85 && marketPart > 0) {
        marketPart *= 0.5; // stretched: late to the move
        why << QStringLiteral("RSI %1 overbought").arg(s.rsi, 0, 'f', 0);
    }
    // Volume confirms the direction of the trend, it does not set it.
    const double volumePart = clamp1(s.volumeZ / 3.0) * (s.momentum >= 0 ? 1.0 : -1.0);
    // Social: velocity in doublings over baseline, tilted by tone.
    double socialPart = 0;
    if (social.recentPosts > 0) {
        // quieter than usual is only a mild negative; a surge counts in full
        const double surge = std::clamp(std::log2(std::max(social.velocity, 0.01)) / 2.0, -0.35, 1.0);
        socialPart = clamp1(0.6 * surge + 0.4 * social.sentiment);
        if (social.recentPosts >= 6 && social.authorDiversity < 0.35) {
            socialPart = std::min(socialPart, 0.0) - 0.3; // few accounts shouting: coordinated pump
            why << QStringLiteral("coordinated chatter (%1 authors / %2 posts)")
                       .arg(social.uniqueAuthors).arg(social.recentPosts);
        }
    }
    const double wsum = m_params.weightMomentum + m_params.weightVolume + m_params.weightSocial;
    double total = (m_params.weightMomentum * marketPart + m_params.weightVolume * volumePart
                    + m_params.weightSocial * socialPart) / (wsum > 0 ? wsum : 1.0);
    if (chain.liquidityPulled) {
        total = -1.0;
        why.prepend(QStringLiteral("liquidity pulled from the pool"));
    } else if (chain.liquidityChange < -0.3) {
        total = std::min(total, -0.5);
        why << QStringLiteral("liquidity down %1 %").arg(-chain.liquidityChange * 100, 0, 'f', 0);
    }
    s.score = clamp1(total);
    if (!market.isReady())
        s.action = QStringLiteral("HOLD");
    else if (s.score >= m_params.entryScore)
        s.action = QStringLiteral("BUY");
    else if (s.score <= m_params.exitScore)
        s.action = QStringLiteral("SELL");
    else
        s.action = QStringLiteral("HOLD");
    why.prepend(QStringLiteral("momentum %1 %, vol z %2, mentions x%3 (%4 authors), sentiment %5")
                    .arg(s.momentum * 100, 0, 'f', 2)
                    .arg(s.volumeZ, 0, 'f', 1)
                    .arg(s.mentionVelocity, 0, 'f', 1)
                    .arg(s.uniqueAuthors)
                    .arg(s.sentiment, 0, 'f', 2));
    s.explanation = why.join(QStringLiteral("; "));
    return s;
}

} // namespace engine
