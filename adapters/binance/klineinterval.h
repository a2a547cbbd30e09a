#pragma once

#include <string_view>

namespace adapters::binance {

//! Seconds in one of Binance's kline intervals ("1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h",
//! "4h", "6h", "8h", "12h", "1d", "3d", "1w"); 0 for anything else ("1M" has no fixed length).
[[nodiscard]] int klineIntervalSeconds(std::string_view interval);

} // namespace adapters::binance
