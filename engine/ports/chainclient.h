#pragma once

#include "engine/ports/adaptererror.h"
#include "engine/core/chainevent.h"

namespace engine {

//! Receives decoded on-chain events; thread-safe like MarketDataSink.
class ChainSink {
public:
    virtual ~ChainSink() = default;
    virtual void onChainEvent(const ChainEvent &event) = 0;
    virtual void onChainError(const AdapterError &error) = 0;
};

//! An EVM chain scanner (JSON-RPC node, or the demo market's simulated chain).
class ChainClient {
public:
    virtual ~ChainClient() = default;
    [[nodiscard]] virtual QString chainName() const = 0;
    virtual void addChainSink(ChainSink *sink) = 0;
};

} // namespace engine
