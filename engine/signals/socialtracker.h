#pragma once

#include "engine/core/socialpost.h"

#include <QHash>
#include <QString>

#include <deque>

namespace engine {

//! Social activity of one token over a recent window compared with its baseline.
struct SocialStats {
    int recentPosts = 0;
    int uniqueAuthors = 0;
    double velocity = 0;       // recent posts/min ÷ baseline posts/min (1 = normal)
    double sentiment = 0;      // mean sentiment of recent posts, -1..1
    double authorDiversity = 1; // unique authors ÷ posts in the recent window
    //! Share of the recent posts written by accounts that posted kRepeatPosts times or more in the
    //! window: people mention a coin once or twice, campaign accounts keep at it.
    double repeatShare = 0;
    int repeatAuthors = 0; // how many such accounts
    static constexpr int kRepeatPosts = 3;
};

//! Keeps recent mentions per token (by base asset, "PEPE") and answers
//! velocity/sentiment/author questions for the signal engine.
class SocialTracker {
public:
    void setWindows(int recentMin, int baselineMin);
    void add(const SocialPost &post);
    //! Stats at `nowMs`; also drops mentions older than the baseline window.
    [[nodiscard]] SocialStats stats(const QString &token, qint64 nowMs);

private:
    struct Mention {
        qint64 tsMs;
        QString author;
        double sentiment;
    };
    int m_recentMin = 5;
    int m_baselineMin = 60;
    QHash<QString, std::deque<Mention>> m_mentions;
};

} // namespace engine
