#pragma once

#include "engine/api/botevents.h"
#include "engine/core/marketdata.h"

#include <QHash>
#include <QList>

namespace engine {

//! A consistent copy of what the engine shows, published from the engine thread.
struct EngineSnapshot {
    BotStatus status;
    QList<Position> positions;       // open positions
    QList<Order> openOrders;
    QList<Instrument> instruments;
    QHash<QString, QList<Candle>> candles; // closed 1m candles per symbol, oldest first
    QHash<QString, Ticker24h> tickers;     // rolling 24 h per symbol (real venues)
};

//! Receives what the engine publishes. Called on the engine thread; must not block.
class EngineObserver {
public:
    virtual ~EngineObserver() = default;
    virtual void onEngineEvent(const BotEvent &event) = 0;
    virtual void onSnapshot(const EngineSnapshot &snapshot) = 0;
};

} // namespace engine
