#pragma once

#include "engine/core/enums.h"
#include "engine/risk/risklimits.h"
#include "engine/strategy/strategyparams.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>

namespace engine {

//! Bounds of every setting, shared by BotConfig::validate() and the Trading Config form so the two
//! always agree. Money bounds keep every product the engine forms (notional × fee, cash ± cost)
//! far inside Decimal's range.
namespace configlimits {
inline constexpr std::int64_t kMaxMoney = 1'000'000'000;       // quote units: cash, notionals, loss limit
inline constexpr std::int64_t kMaxTakeProfitFraction = 100;     // 10,000 %
inline constexpr int kMinOpenPositions = 1;
inline constexpr int kMaxOpenPositions = 100;
inline constexpr int kMaxOrdersPerMinute = 1200;
inline constexpr int kMinEma = 2;
inline constexpr int kMaxEma = 500;
inline constexpr int kMinRsi = 2;
inline constexpr int kMaxRsi = 200;
inline constexpr int kMaxSocialMinutes = 1440;
} // namespace configlimits

//! Everything the user configures about trading, with defaults in one place.
struct BotConfig {
    TradingMode mode = TradingMode::Demo;
    Decimal startingCash = Decimal::fromInt(10000); // paper quote balance for demo / dry run
    RiskLimits risk;
    StrategyParams strategy;

    //! Problems that stop this config from being applied; empty when valid.
    [[nodiscard]] QStringList validate() const;
    //! Strings for decimals, so nothing is lost on the way through JSON.
    [[nodiscard]] QJsonObject toJson() const;
    //! Starts from `base` and applies the fields present; errors listed, nothing half-applied.
    static BotConfig fromJson(const QJsonObject &json, const BotConfig &base, QStringList *errors);
};

} // namespace engine
