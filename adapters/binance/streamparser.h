#pragma once

#include "engine/core/marketdata.h"
#include "engine/core/result.h"

#include <QList>
#include <QString>

#include <memory>
#include <string_view>
#include <variant>

namespace adapters::binance {

//! A `depthUpdate` diff, for the local order book (kept in sync by the snapshot + diff procedure).
struct DepthUpdate {
    QString symbol;
    qint64 eventMs = 0;
    qint64 firstUpdateId = 0; // U
    qint64 finalUpdateId = 0; // u
    QList<engine::BookLevel> bids; // qty 0 = remove the level
    QList<engine::BookLevel> asks;
};

//! What one market-stream frame carries; monostate for frames with nothing for the engine
//! (subscription answers, event types this adapter does not use).
using StreamEvent =
    std::variant<std::monostate, engine::TradeTick, engine::BookUpdate, engine::Candle, DepthUpdate, engine::Ticker24h>;

//! Parses Binance market-stream frames (raw or combined `{"stream", "data"}`) on the hot path with
//! simdjson's on-demand parser, reusing its buffers between frames. Every price and quantity is an
//! exact decimal read straight from the text; a frame that is not JSON, is truncated, or lacks a
//! field gets MALFORMED_FRAME naming the field — it never throws and never half-fills an event.
//! One parser per thread.
class StreamParser {
public:
    StreamParser();
    ~StreamParser();
    StreamParser(const StreamParser &) = delete;
    StreamParser &operator=(const StreamParser &) = delete;

    [[nodiscard]] engine::Result<StreamEvent> parse(std::string_view frame);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace adapters::binance
