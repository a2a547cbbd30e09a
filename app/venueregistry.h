#pragma once

#include "app/marketfeed.h"

#include "engine/api/venues.h"

#include <QList>

#include <functional>
#include <memory>

namespace app {

//! One venue this build can trade on: what it offers (engine::VenueInfo) and how to build its
//! feed. Execution is the paper venue for demo and dry run; a venue with live execution hands out
//! its ExecutionClient through MarketFeed::liveExecution().
struct VenueRegistration {
    engine::VenueInfo info;
    std::function<std::unique_ptr<MarketFeed>(const FeedOptions &)> makeFeed;
};

//! Every venue of this build, in one place: adding a venue is a folder under adapters/ and one
//! line in venueregistry.cpp. The mode picker, BotApi::availableModes() and the command line read
//! this list.
[[nodiscard]] const QList<VenueRegistration> &registeredVenues();
[[nodiscard]] QList<engine::VenueInfo> venueInfos();
[[nodiscard]] const VenueRegistration *findVenue(const QString &id);
//! Every secret name some venue needs (for `memedesk secrets list`).
[[nodiscard]] QStringList knownSecretNames();

//! The demo market's registration (app/demofeed.cpp).
[[nodiscard]] VenueRegistration demoVenue();
//! Binance Spot's registration (app/binancefeed.cpp).
[[nodiscard]] VenueRegistration binanceVenue();

} // namespace app
