#pragma once

#include "engine/backtest/backtester.h"

#include <QMap>
#include <QStringList>
#include <QVector>

#include <limits>
#include <memory>

namespace engine {

//! What to replay, as the Backtest view asks for it.
struct BacktestRequest {
    QString dataPath;   // a CSV file (docs/backtesting.md)
    QStringList symbols;
    QString strategy;
    QMap<QString, double> params;
    BacktestConfig config;
    qint64 fromMs = std::numeric_limits<qint64>::min();
    qint64 toMs = std::numeric_limits<qint64>::max();
};

//! The bars of a run's first symbol, compact for drawing (a million candles in about 20 MB).
struct ChartBars {
    QString symbol;
    QVector<qint64> timeMs;
    QVector<float> open, high, low, close;
    [[nodiscard]] qsizetype size() const { return timeMs.size(); }
};

//! A finished run: what was asked, what came out, and the candles to draw it on.
struct BacktestRun {
    int id = 0;
    BacktestRequest request;
    BacktestResult result;
    ChartBars chart;
    double seconds = 0;
};

using BacktestRunPtr = std::shared_ptr<const BacktestRun>;

} // namespace engine
