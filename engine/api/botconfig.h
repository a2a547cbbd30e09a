#pragma once

#include "core/enums.h"
#include "risk/risklimits.h"
#include "strategy/strategyparams.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>

namespace engine {

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
