#pragma once

#include "adapters/demo/demoevent.h"
#include "adapters/demo/rng.h"
#include "adapters/demo/socialmood.h"

#include <QStringList>

#include <vector>

namespace adapters::demo {

//! Writes the demo social feed: posts from a pool of people and bot accounts,
//! built from templates that mention `$SYM`, with a sentiment score that matches
//! the text. The rate and tone come from each token's SocialMood.
class ChatterGenerator {
public:
    explicit ChatterGenerator(quint64 seed);

    //! Appends the posts about `symbol` during the second starting at tMs.
    //! With keep = false nothing is appended but the same randomness is used,
    //! so a silent fast-forward stays on the live timeline.
    void generate(const QString &symbol, double postsPerMin, const SocialMood &mood, qint64 tMs,
                  const QStringList &allSymbols, bool keep, std::vector<DemoEvent> &out);

    //! The people who post organically (seed-dependent).
    [[nodiscard]] const QStringList &organicAuthors() const { return m_organic; }

private:
    Rng m_rng;
    QStringList m_organic;
    quint64 m_nextId = 1;
};

} // namespace adapters::demo
