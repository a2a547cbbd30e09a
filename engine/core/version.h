#pragma once

namespace engine {

//! Memedesk's version: "0.1.0" for a release, "0.1.0+dev.152.g1a2b3c4d" for a development build
//! (cmake/version.cmake, the one place it is made).
[[nodiscard]] const char *version();
//! The day the version text last changed (UTC, "2026-11-26").
[[nodiscard]] const char *buildDate();

} // namespace engine
