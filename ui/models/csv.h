#pragma once

#include <QString>
#include <QStringList>

//! RFC 4180 CSV writing.
namespace ui::csv {

//! Quotes a field when it holds a comma, quote, CR/LF or edge spaces; doubles inner quotes.
[[nodiscard]] QString field(const QString &value);
//! One record terminated by CRLF.
[[nodiscard]] QString row(const QStringList &fields);

} // namespace ui::csv
