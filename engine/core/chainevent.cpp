#include "engine/core/chainevent.h"

namespace engine {

QString toString(ChainEvent::Kind k)
{
    switch (k) {
    case ChainEvent::Kind::PoolCreated: return QStringLiteral("pool_created");
    case ChainEvent::Kind::LiquidityAdded: return QStringLiteral("liquidity_added");
    case ChainEvent::Kind::LiquidityRemoved: return QStringLiteral("liquidity_removed");
    case ChainEvent::Kind::WhaleTransfer: return QStringLiteral("whale_transfer");
    case ChainEvent::Kind::Swap: return QStringLiteral("swap");
    }
    return {};
}

} // namespace engine
