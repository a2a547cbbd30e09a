#pragma once

#include "adapters/rest/apioptions.h"
#include "engine/core/enums.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace app {

inline constexpr qint64 kMaxExitAfterSec = 365LL * 24 * 3600;

//! What the command line asks for. Defaults live here, in one place.
struct AppOptions {
    bool headless = false;
    QString dataDir;               // empty = the platform's app data folder
    quint64 demoSeed = 42;
    bool seedGiven = false;        // false = reuse the seed of the data dir's last run
    double speed = 10.0;           // demo market speed, 1..100
    int statusIntervalSec = 5;     // headless status lines
    qint64 exitAfterSec = 0;       // 0 = run until Ctrl-C (tests use a bound); at most kMaxExitAfterSec
    bool autostart = true;         // demo mode trades without a click
    engine::TradingMode mode = engine::TradingMode::Demo;
    bool confirmLive = false;      // --confirm-live: a headless live start needs it
    QString language;              // "en", "zh_CN"; empty = saved choice
    QString screenshotPath;        // --screenshot: the window as a PNG when the app quits (installer tests, docs)
    QString keychainService = QStringLiteral("memedesk");
    //! Venue settings from the command line ("binance.rest_url" → URL, "symbols" → "PEPEUSDT,DOGEUSDT");
    //! they override the saved ones.
    QHash<QString, QString> venueSettings;
    //! The remote API (--api and --api-*): off unless asked for.
    adapters::rest::ApiOptions api;
};

//! Result of parsing: options, or a message to print and an exit code.
struct ParseResult {
    AppOptions options;
    bool exit = false;   // --help / --version / error
    int exitCode = 0;
    QString message;
};

//! Parses argv (arguments()[0] is the program). Never exits the process itself.
ParseResult parseCommandLine(const QStringList &arguments);

//! True when no display is available (no DISPLAY / WAYLAND_DISPLAY on Linux).
bool noDisplayAvailable();

} // namespace app
