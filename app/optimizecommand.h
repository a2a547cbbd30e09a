#pragma once

#include <QStringList>

namespace app {

//! `memedesk optimize --data FILE --symbol SYM --strategy NAME --param k=lo:hi:step … [--method
//! grid|random] [--samples N] [--seed S] [--objective sharpe] [--oos 0.3 | --walk-forward K]
//! [--threads N] [--top N] [--json]`: a parameter search on all cores with progress and time left
//! on stderr; the best combinations with their in-sample and out-of-sample figures side by side.
//! Exit code: 0 done, 2 bad usage or bad data, 1 anything else.
int runOptimizeCommand(const QStringList &arguments);

} // namespace app
