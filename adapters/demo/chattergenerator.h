#pragma once

#include "adapters/demo/demoevent.h"
#include "adapters/demo/rng.h"
#include "adapters/demo/socialmood.h"

#include <QStringList>

#include <vector>

namespace adapters::demo {

//! Writes the demo social feed: posts from a crowd of people and from the accounts of bot
//! networks, composed from phrases in the tone of the moment with slang, emoji, cashtags,
//! contract addresses and noise. The tone is the simulator's secret: a post carries only its
//! text, and the engine has to read the sentiment from it like from any real feed.
class ChatterGenerator {
public:
    explicit ChatterGenerator(quint64 seed);

    //! What a post is about.
    struct Subject {
        QString symbol;       // "PEPE2"
        QString tokenAddress; // shilled as "CA: 0x..."
        double postsPerMin = 1;
    };

    //! Appends the posts about `subject` during the second starting at tMs.
    //! With keep = false nothing is appended but the same randomness is used,
    //! so a silent fast-forward stays on the live timeline.
    void generate(const Subject &subject, const SocialMood &mood, qint64 tMs, const QStringList &allSymbols, bool keep,
                  std::vector<DemoEvent> &out);

private:
    //! The text of one post; draws the same randomness whether it is kept or not.
    [[nodiscard]] QString compose(PostTone tone, const Subject &subject, bool keep);

    Rng m_rng;
    QStringList m_organic;
    quint64 m_nextId = 1;
};

} // namespace adapters::demo
