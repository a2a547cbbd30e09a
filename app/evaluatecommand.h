#pragma once

#include <QStringList>

namespace app {

//! `memedesk evaluate [--seeds 1-50] [--hours 24] [--strategy momentum_social] [--param key=value …]
//! [--draws 20] [--latency-ms 250] [--threads N] [--json] [--output FILE]`: the strategy on the demo
//! market, seed by seed in simulated time on all cores, next to random entries and buy-and-hold on
//! the same seeds and exits, with 95 % confidence intervals; progress on stderr, Ctrl-C stops
//! early and reports what finished. Parameters are the Trading Config's keys (entryScore,
//! stopLossPct, orderNotional, …). Exit code: 0 done, 2 bad usage, 3 cancelled, 1 anything else.
int runEvaluateCommand(const QStringList &arguments);

} // namespace app
