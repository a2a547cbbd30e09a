#pragma once

#include <QStringList>

namespace adapters::demo {

//! Who is posting about a token.
enum class AuthorMode {
    Organic, // many different people
    Mixed    // a campaign's accounts write `botShare` of the posts, real people the rest
};

//! The kind of text a post has; decides its template and sentiment.
enum class PostTone { Neutral, Hype, Shill, Dump, Rug, Bleed, Launch, Profit };

//! How one token is being talked about during one simulated second.
struct SocialMood {
    double rateMult = 1; // multiple of the token's baseline mention rate
    AuthorMode authors = AuthorMode::Organic;
    PostTone tone = PostTone::Neutral;
    double toneShare = 1; // share of posts with `tone`; the rest are Neutral
    QStringList bots;     // the campaign's accounts for Mixed (they always write in the campaign's tone)
    double botShare = 0;
};

} // namespace adapters::demo
