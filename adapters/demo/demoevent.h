#pragma once

#include "engine/core/chainevent.h"
#include "engine/core/marketdata.h"
#include "engine/core/socialpost.h"

#include <variant>

namespace adapters::demo {

//! One thing that happened in the simulated market during a step.
using DemoEvent = std::variant<engine::TradeTick, engine::BookUpdate, engine::Candle, engine::SocialPost, engine::ChainEvent>;

//! What a simulation step keeps: everything (live), only candles and posts
//! (history backfill), or nothing (fast-forward). Randomness is consumed the same
//! way in all three, which is what keeps them on one timeline.
enum class EmitMode { All, History, Silent };

//! When the event happened; a candle counts at its close, so it sorts after its trades.
[[nodiscard]] inline qint64 eventTimeMs(const DemoEvent &event)
{
    struct Visitor {
        qint64 operator()(const engine::TradeTick &e) const { return e.tsMs; }
        qint64 operator()(const engine::BookUpdate &e) const { return e.tsMs; }
        qint64 operator()(const engine::Candle &e) const { return e.openTimeMs + qint64(e.intervalSec) * 1000; }
        qint64 operator()(const engine::SocialPost &e) const { return e.tsMs; }
        qint64 operator()(const engine::ChainEvent &e) const { return e.tsMs; }
    };
    return std::visit(Visitor{}, event);
}

} // namespace adapters::demo
