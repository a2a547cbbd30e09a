#pragma once

#include "engine/risk/denial.h"

#include "engine/core/decimal.h"
#include "engine/core/enums.h"
#include "engine/core/fill.h"
#include "engine/core/order.h"
#include "engine/core/position.h"
#include "engine/core/signal.h"
#include "engine/core/venuehealth.h"

#include <QString>

#include <variant>

namespace engine {

//! The engine's state as the user sees it.
struct BotStatus {
    EngineState engineState = EngineState::Stopped;
    TradingState tradingState = TradingState::Active;
    TradingMode mode = TradingMode::Demo;
    QString haltReason;
    Decimal equity;
    Decimal cash;
    Decimal startingEquity;
    Decimal realizedPnl;
    Decimal unrealizedPnl;
    Decimal pnlToday;
    Decimal fees;
    int openPositions = 0;
    qint64 fillCount = 0;
    qint64 clockMs = 0;        // engine time (simulated in demo)
    bool marketConnected = false;
    QString marketDetail;      // "demo market seed 42 at 10x"
    bool storeHealthy = true;
    VenueHealth health;        // a real venue's connections (empty venue for the demo market)
};

struct LogEntry {
    enum class Level { Debug, Info, Warning, Error };
    qint64 tsMs = 0;
    Level level = Level::Info;
    QString category; // "engine", "risk", "demo", "store"
    QString message;
};

//! An order the risk gate refused: the typed reason, and its English text for logs.
struct RiskDenial {
    qint64 tsMs = 0;
    OrderRequest request;
    Denial denial;
    QString reason; // denial.message()
};

//! Events pushed to the UI, REST WebSocket and notifiers.
//! Order and Fill events are sent only after they are durable in the journal.
using BotEvent = std::variant<Order, Fill, Signal, BotStatus, LogEntry, RiskDenial, EquityPoint>;

QString toString(LogEntry::Level level);

} // namespace engine
