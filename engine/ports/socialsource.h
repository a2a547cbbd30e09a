#pragma once

#include "engine/ports/adaptererror.h"
#include "engine/core/socialpost.h"

#include <QList>

namespace engine {

//! Receives social posts; thread-safe like MarketDataSink.
class SocialSink {
public:
    virtual ~SocialSink() = default;
    //! Recent posts from before start (oldest first), sent once after start.
    virtual void onPostHistory(const QList<SocialPost> &posts) = 0;
    virtual void onPost(const SocialPost &post) = 0;
    virtual void onSocialError(const AdapterError &error) = 0;
};

//! A social feed (X, Telegram, Reddit, RSS, the demo market's chatter).
class SocialSource {
public:
    virtual ~SocialSource() = default;
    [[nodiscard]] virtual QString sourceName() const = 0;
    virtual void addSocialSink(SocialSink *sink) = 0;
};

} // namespace engine
