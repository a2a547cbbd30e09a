#pragma once

#include <QJsonObject>

//! Bars per second through the whole backtest path (strategy, risk gate, fills, portfolio) on one
//! core: on the real 1 h data of ../shared/data (from the CSV, and from memory), and on
//! `generatedBars` bars made up as they are replayed, with the memory before and after.
QJsonObject benchBacktest(qint64 generatedBars, int memoryRepeats);

//! The process's resident memory now (VmRSS), in KiB; -1 where /proc is missing.
qint64 rssKiB();
