#pragma once

#include "engine/core/decimal.h"

#include <QString>

//! Display formatting shared by every view. Decimals stay exact until the last step:
//! only Decimal::toString(n) produces the digits, never a double.
namespace ui::format {

//! Price in plain notation with up to `significant` significant digits, so 0.00000123 shows
//! all its digits (exchange prices have few; computed averages are cut, tooltips give them exactly).
[[nodiscard]] QString price(const engine::Decimal &value, int significant = 6);
//! Token quantity: whole tokens for big amounts, significant digits for fractions.
[[nodiscard]] QString qty(const engine::Decimal &value);
//! Money in quote currency with thousands separators ("12,345.67").
[[nodiscard]] QString money(const engine::Decimal &value, int decimals = 2);
//! Money that may be tiny (fees, notional of meme fills): 2 decimals from 1 up, else 4 significant digits.
[[nodiscard]] QString amount(const engine::Decimal &value);
//! price × qty as an amount(); "—" when the product is out of range.
[[nodiscard]] QString notional(const engine::Decimal &price, const engine::Decimal &qty, int decimals = -1);
//! Money with an explicit sign ("+12.34", "-5.00").
[[nodiscard]] QString signedMoney(const engine::Decimal &value, int decimals = 2);
//! A value that is already in percent ("12.34 %"), with an explicit sign when asked.
[[nodiscard]] QString percent(double value, int decimals = 2, bool withSign = false);
//! Plain number for model outputs (scores, indicators).
[[nodiscard]] QString number(double value, int decimals, bool withSign = false);
//! Local date and time "yyyy-MM-dd HH:mm:ss".
[[nodiscard]] QString dateTime(qint64 msSinceEpoch);
//! Local time of day "HH:mm:ss".
[[nodiscard]] QString timeOfDay(qint64 msSinceEpoch);
//! UTC ISO 8601 with milliseconds, for files.
[[nodiscard]] QString isoUtc(qint64 msSinceEpoch);
//! Inserts thousands separators into a plain decimal string ("-1234.5" -> "-1,234.5").
[[nodiscard]] QString grouped(const QString &plain);

} // namespace ui::format
