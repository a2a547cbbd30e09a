#pragma once

#include "engine/core/decimal.h"

#include <QString>

namespace engine {

//! An on-chain event about a token, already decoded by the chain adapter.
struct ChainEvent {
    enum class Kind { PoolCreated, LiquidityAdded, LiquidityRemoved, WhaleTransfer, Swap };
    Kind kind = Kind::Swap;
    QString chain;       // "ethereum", "bsc", "base", "demo"
    QString token;       // token symbol, upper case ("PEPE")
    QString tokenAddress;
    QString pool;        // pool/pair address
    Decimal quoteAmount; // value in quote currency (USD) moved by the event
    Decimal liquidity;   // pool liquidity in quote currency after the event (0 = unknown)
    QString txHash;
    qint64 tsMs = 0;
};

QString toString(ChainEvent::Kind k);

} // namespace engine
