#pragma once

#include "engine/backtest/backtester.h"
#include "engine/backtest/barsource.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QStringList>

#include <memory>

namespace app {

//! What `memedesk backtest` and `memedesk optimize` share: the data, the symbols, the strategy,
//! the money (fee, slippage, capital) and the time range, read from the command line and checked.
struct BacktestOptions {
    QString dataPath;
    QStringList symbols;
    QString strategy;
    engine::BacktestConfig config;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    bool json = false;
    // --binance: the bars come from Binance (through the local kline cache), not a file.
    bool binance = false;
    QString interval;
    QString cachePath;
    QString restUrl;
    // --journal: the candles a recorded session traded on, from the journal in --data-dir.
    bool journal = false;
    QString dataDir;

    //! Adds the shared options to a parser.
    static void addTo(QCommandLineParser &parser);
    //! Reads them from a parsed command line; the error says what is wrong, for exit code 2.
    static engine::Result<BacktestOptions> read(const QCommandLineParser &parser);
    //! The bars of the symbols, merged in time order: streamed from the file, or downloaded into
    //! the kline cache (what it lacks) and replayed from there.
    [[nodiscard]] engine::Result<std::unique_ptr<engine::BarSource>> openBars() const;
};

//! Prints "memedesk <command>: message" to stderr and returns `code`.
int commandFailed(const char *command, int code, const QString &message);

} // namespace app
