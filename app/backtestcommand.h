#pragma once

#include <QStringList>

namespace app {

//! `memedesk backtest --data FILE --symbol SYM --strategy NAME [--param k=v …] [--fee F]
//! [--slippage S] [--capital C] [--from T] [--to T] [--json]`: replays the bars of a CSV file
//! (Memedesk OHLCV or Binance klines) through a strategy and prints the metrics, the trades and
//! the data's gaps. `arguments` is the whole argv. Exit code: 0 done, 2 bad usage or bad data
//! (the line is named), 1 anything else.
int runBacktestCommand(const QStringList &arguments);

} // namespace app
