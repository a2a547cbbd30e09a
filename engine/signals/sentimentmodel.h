#pragma once

#include <QHash>
#include <QString>

namespace engine {

//! Reads the sentiment of a post's text: the VADER rule-based model (Hutto and Gilbert, 2014) on
//! the VADER lexicon plus a crypto-slang overlay of our own (phrases such as "rug pull", emoji).
//! Negation, boosters, capitals, "but" and exclamation marks shift the valence as VADER does;
//! the result is VADER's compound score in -1..1. Pure, deterministic and thread-safe once built.
class SentimentModel {
public:
    //! The model with the lexicons compiled into the engine (resource :/sentiment/).
    static const SentimentModel &standard();

    //! A model from lexicon text: lines of "token TAB valence [TAB ...]"; '#' starts a comment.
    //! Later lines win, so an overlay appended after VADER replaces its values.
    explicit SentimentModel(const QString &lexiconText);

    //! Compound sentiment of `text`, -1 (very negative) .. 1 (very positive); 0 for nothing known.
    [[nodiscard]] double score(const QString &text) const;
    [[nodiscard]] qsizetype size() const { return m_valence.size(); }

private:
    QHash<QString, double> m_valence; // lower-case token or phrase -> -4..4
    int m_longestPhrase = 1;          // in words
};

} // namespace engine
