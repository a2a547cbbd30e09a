#pragma once

#include "engine/api/botevents.h"
#include "engine/core/position.h"

#include <QJsonObject>

namespace adapters::rest {

//! The API's JSON for the engine's value types. Money and quantities are decimal strings (nothing
//! lost to binary floating point); times are milliseconds since the epoch, named *_ms.
[[nodiscard]] QJsonObject toJson(const engine::Order &order);
[[nodiscard]] QJsonObject toJson(const engine::Fill &fill);
[[nodiscard]] QJsonObject toJson(const engine::Position &position);
[[nodiscard]] QJsonObject toJson(const engine::Signal &signal);
[[nodiscard]] QJsonObject toJson(const engine::BotStatus &status);
[[nodiscard]] QJsonObject toJson(const engine::LogEntry &entry);
[[nodiscard]] QJsonObject toJson(const engine::RiskDenial &denial);
[[nodiscard]] QJsonObject toJson(const engine::EquityPoint &point);
//! {"type": "order" | "fill" | "signal" | "status" | "log" | "risk_denial" | "equity", "data": {…}}
[[nodiscard]] QJsonObject eventToJson(const engine::BotEvent &event);

} // namespace adapters::rest
