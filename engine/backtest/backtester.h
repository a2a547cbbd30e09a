#pragma once

#include "engine/backtest/backtestmetrics.h"
#include "engine/backtest/barsource.h"
#include "engine/backtest/bookmodelsettings.h"
#include "engine/backtest/dataquality.h"
#include "engine/backtest/equitysampler.h"
#include "engine/core/order.h"
#include "engine/risk/risklimits.h"

#include <QHash>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>

namespace engine {

class Strategy;

//! How a run trades. The reference fill model (docs/backtesting.md): a signal on a bar's close
//! fills at the next bar's open, x (1 + slippage) for a buy and x (1 - slippage) for a sell, with
//! the fee a fraction of the notional in the quote asset; no lot rounding. The order-book model
//! sends the same order into the paper venue's fill model instead, against a book made from the
//! next bar (BookFillModel).
struct BacktestConfig {
    enum class FillModel { Reference, OrderBook };
    FillModel fillModel = FillModel::Reference;
    BookModelSettings book; // the order-book model's symbol rules and book shape
    Decimal capital = Decimal::fromInt(10000);
    Decimal fee = Decimal::fromString("0.001");
    Decimal slippage;
    QString quoteAsset = QStringLiteral("USDT");
    //! Every order passes the risk gate with these limits; by default they stop nothing, so a
    //! reference run is the strategy's own.
    RiskLimits limits = unlimited();
    //! Equity points kept for charts (min and max per bucket of bars); the metrics use every bar.
    int chartPoints = 4000;

    static RiskLimits unlimited();
};

struct BacktestTrade {
    QString symbol;
    qint64 entryMs = 0;
    Decimal entryPrice;
    qint64 exitMs = 0;
    Decimal exitPrice;
    Decimal qty;
    Decimal pnl;  // net of both fees
    Decimal fees; // entry and exit
};

//! A position still open at the end: valued at the last close, without a fee.
struct OpenBacktestPosition {
    QString symbol;
    qint64 entryMs = 0;
    Decimal entryPrice;
    Decimal qty;
    Decimal entryFee;
    Decimal lastClose;
    Decimal unrealizedPnl; // qty x last close - cost - entry fee
};

struct BacktestResult {
    BacktestMetrics metrics;
    QList<BacktestTrade> trades;
    QList<OpenBacktestPosition> openPositions;
    DataQuality data;
    QList<EquitySample> equity; // at most about config.chartPoints, min/max kept per bucket
    int deniedOrders = 0;       // proposals the risk gate refused
    QStringList denials;        // the first few, readable
    bool cancelled = false;
};

//! Replays bars through a strategy, the risk gate, the reference fill model and the portfolio —
//! the same Strategy, RiskGate and Portfolio classes the live engine runs — on a simulated clock
//! (the bars' own times). Deterministic: the same bars and parameters give the same result, bit
//! for bit. Memory does not grow with the bars beyond the trades and the chart points.
class Backtester {
public:
    Backtester(BacktestConfig config, Strategy &strategy);

    //! Called every `progressEvery` bars with the bars done; return false to cancel.
    using Progress = std::function<bool(qint64 barsDone)>;
    Result<BacktestResult> run(BarSource &bars, const Progress &progress = {}, qint64 progressEvery = 100'000);

private:
    BacktestConfig m_config;
    Strategy &m_strategy;
};

} // namespace engine
