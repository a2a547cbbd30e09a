#pragma once

#include "engine/core/enums.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace engine {

//! What a venue adapter offers, as it registers itself in the composition root
//! (app/venueregistry.cpp). The engine only reads this; it never knows the adapter.
struct VenueInfo {
    QString id;            // "demo", "binance"
    QString displayName;   // "Demo market", "Binance Spot"
    bool simulated = false; // an embedded market with its own clock (demo)
    bool marketData = false;
    bool execution = false; // can place real orders
    QStringList secrets;    // keychain names live trading needs ("binance.api_key", ...)
};

//! A trading mode the user may pick, and why not when it is unavailable.
struct ModeAvailability {
    TradingMode mode = TradingMode::Demo;
    bool available = false;
    QString reason;
    QString venue; // the venue that would run it ("" when none)
};

//! Which modes the registered venues allow: demo needs a simulated venue; dry run a real venue's
//! market data (fills are paper); live a real venue's market data and execution with every secret
//! it needs present in the keychain.
[[nodiscard]] QList<ModeAvailability> modesFor(const QList<VenueInfo> &venues, const QSet<QString> &presentSecrets);
//! The availability of one mode (see modesFor).
[[nodiscard]] ModeAvailability modeFor(TradingMode mode, const QList<VenueInfo> &venues,
                                       const QSet<QString> &presentSecrets);

} // namespace engine
