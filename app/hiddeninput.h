#pragma once

#include <QString>

#include <optional>

namespace app {

//! One line from standard input, trimmed; with a terminal it prints `prompt` to stderr and turns
//! echo off while reading (passwords, API secrets). nullopt at the end of input.
[[nodiscard]] std::optional<QString> readHiddenLine(const QString &prompt);

} // namespace app
