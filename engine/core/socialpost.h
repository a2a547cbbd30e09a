#pragma once

#include <QString>
#include <QStringList>

namespace engine {

//! A post from any social source (X, Telegram, Reddit, RSS, demo feed).
struct SocialPost {
    QString id;
    QString source;  // "x", "telegram", "reddit", "rss", "demo"
    QString author;
    qint64 tsMs = 0;
    QString text;
    QStringList tokens; // token symbols mentioned ("PEPE"), upper case
    // No sentiment here: the engine reads it from the text with its own model (SentimentModel),
    // the same way for every source, so no feed can hand it a score.
};

} // namespace engine
