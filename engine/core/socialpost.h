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
    QStringList tokens;   // token symbols mentioned ("PEPE"), upper case
    double sentiment = 0; // -1..1, scored by the source's sentiment model
};

} // namespace engine
