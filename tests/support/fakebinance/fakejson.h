#pragma once
// JSON helpers shared by the fake exchange's REST and push halves.
#include "engine/core/decimal.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace binancetest::fakejson {

//! Binance writes decimals with 8 places.
inline QString dec(engine::Decimal d) { return d.toString(8); }
inline QJsonObject parseObject(const QByteArray &text) { return QJsonDocument::fromJson(text).object(); }
inline QByteArray compact(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

} // namespace binancetest::fakejson
