#include "adapters/binance/klineinterval.h"

#include <array>
#include <utility>

namespace adapters::binance {

int klineIntervalSeconds(std::string_view interval)
{
    static constexpr std::array<std::pair<std::string_view, int>, 15> kIntervals{{
        {"1s", 1},      {"1m", 60},     {"3m", 180},     {"5m", 300},     {"15m", 900},
        {"30m", 1800},  {"1h", 3600},   {"2h", 7200},    {"4h", 14400},   {"6h", 21600},
        {"8h", 28800},  {"12h", 43200}, {"1d", 86400},   {"3d", 259200},  {"1w", 604800},
    }};
    for (const auto &[name, seconds] : kIntervals)
        if (name == interval)
            return seconds;
    return 0;
}

} // namespace adapters::binance
