#include "engine/signals/socialtracker.h"

#include "engine/signals/sentimentmodel.h"

#include <QHash>

#include <algorithm>

namespace engine {

namespace {
// A token nobody talks about has a baseline of zero; assume this floor so one
// post does not look like an infinite surge.
constexpr double kBaselineFloorPerMin = 0.2;
} // namespace

void SocialTracker::setWindows(int recentMin, int baselineMin)
{
    m_recentMin = std::max(1, recentMin);
    m_baselineMin = std::max(m_recentMin + 1, baselineMin);
}

void SocialTracker::add(const SocialPost &post)
{
    const double sentiment = SentimentModel::standard().score(post.text);
    for (const QString &token : post.tokens) {
        auto &q = m_mentions[token.toUpper()];
        // keep time order even if posts arrive slightly out of order
        Mention m{post.tsMs, post.author, sentiment};
        if (q.empty() || q.back().tsMs <= post.tsMs) {
            q.push_back(m);
        } else {
            auto it = std::upper_bound(q.begin(), q.end(), post.tsMs,
                                       [](qint64 ts, const Mention &x) { return ts < x.tsMs; });
            q.insert(it, m);
        }
    }
}

SocialStats SocialTracker::stats(const QString &token, qint64 nowMs)
{
    SocialStats s;
    auto it = m_mentions.find(token.toUpper());
    if (it == m_mentions.end())
        return s;
    auto &q = *it;
    const qint64 baselineStart = nowMs - qint64(m_baselineMin) * 60'000;
    while (!q.empty() && q.front().tsMs < baselineStart)
        q.pop_front();
    const qint64 recentStart = nowMs - qint64(m_recentMin) * 60'000;
    int baselinePosts = 0;
    double sentimentSum = 0;
    QHash<QString, int> authors; // posts per author in the recent window
    for (const Mention &m : q) {
        if (m.tsMs > nowMs)
            continue;
        if (m.tsMs >= recentStart) {
            ++s.recentPosts;
            sentimentSum += m.sentiment;
            authors[m.author] += 1;
        } else {
            ++baselinePosts;
        }
    }
    const double recentRate = double(s.recentPosts) / m_recentMin;
    const double baselineRate = std::max(kBaselineFloorPerMin, double(baselinePosts) / (m_baselineMin - m_recentMin));
    s.velocity = recentRate / baselineRate;
    s.uniqueAuthors = int(authors.size());
    s.sentiment = s.recentPosts > 0 ? sentimentSum / s.recentPosts : 0.0;
    s.authorDiversity = s.recentPosts > 0 ? double(s.uniqueAuthors) / s.recentPosts : 1.0;
    int repeatPosts = 0;
    for (const int posts : std::as_const(authors)) {
        if (posts >= SocialStats::kRepeatPosts) {
            repeatPosts += posts;
            ++s.repeatAuthors;
        }
    }
    s.repeatShare = s.recentPosts > 0 ? double(repeatPosts) / s.recentPosts : 0.0;
    return s;
}

} // namespace engine
