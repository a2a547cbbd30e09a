#pragma once

#include <QString>

namespace engine {

//! How a real venue's connections are doing, as its adapter measures them (published every few
//! seconds): the Dashboard and the status bar show it. -1 = not measured yet / not applicable.
struct VenueHealth {
    QString venue;                 // "" = no real venue (the demo market)
    bool streamConnected = false;  // market data stream
    qint64 lastMessageAgeMs = -1;  // since the last market frame
    qint64 restLatencyMs = -1;     // last REST round trip
    int weightUsed = -1;           // request weight used in the current minute, as the venue reports
    int weightLimit = 0;
    qint64 clockOffsetMs = 0;      // venue clock minus ours
    int userStream = -1;           // account stream: -1 none (no keys), 0 down, 1 up
    qint64 atMs = 0;               // wall time of the measurement
};

} // namespace engine
