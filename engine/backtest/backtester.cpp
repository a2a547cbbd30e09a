#include "engine/backtest/backtester.h"

#include "engine/backtest/bookfillmodel.h"
#include "engine/backtest/equitysampler.h"
#include "engine/core/fill.h"
#include "engine/execution/portfolio.h"
#include "engine/risk/riskgate.h"
#include "engine/strategy/strategy.h"

#include <limits>

namespace engine {

RiskLimits BacktestConfig::unlimited()
{
    RiskLimits l;
    l.maxOrderNotional = Decimal::fromInt(1'000'000'000'000'000);
    l.maxOpenPositions = 1'000'000;
    l.dailyLossLimit = Decimal::fromInt(1'000'000'000'000'000);
    l.maxOrdersPerMinute = std::numeric_limits<int>::max();
    return l;
}

namespace {

constexpr int kDenialsKept = 20;

//! One run's moving parts: the portfolio and risk gate the live engine uses, the orders waiting
//! for the next bar's open, and what the result collects.
class Run {
public:
    Run(const BacktestConfig &config, Strategy &strategy)
        : m_config(config)
        , m_strategy(strategy)
        , m_portfolio(config.quoteAsset)
        , m_risk(config.limits)
        , m_metrics(config.capital)
        , m_sampler(config.chartPoints)
    {
        m_portfolio.reset(config.capital);
        m_risk.setDayStart(std::numeric_limits<qint64>::min() / 2, config.capital);
        if (config.fillModel == BacktestConfig::FillModel::OrderBook)
            m_book = std::make_unique<BookFillModel>(config.book, config.quoteAsset, config.capital, config.fee, config.slippage,
                                                     [this](const Fill &f) { book(f); });
    }

    void onBar(const Candle &bar)
    {
        if (m_haveTime && bar.openTimeMs != m_time)
            closeTimestep();
        m_haveTime = true;
        m_time = bar.openTimeMs;
        m_quality.add(bar.symbol, bar.openTimeMs, bar.volume.isZero());
        std::optional<OrderRequest> order;
        if (auto pending = m_pending.find(bar.symbol); pending != m_pending.end()) {
            order = *pending;
            m_pending.erase(pending);
        }
        if (m_book)
            m_book->open(bar, order ? &*order : nullptr);
        else if (order)
            fill(*order, bar);
        m_portfolio.mark(bar.symbol, bar.close);
        decide(bar);
    }

    BacktestResult finish()
    {
        if (m_haveTime)
            closeTimestep();
        m_result.data = m_quality.result();
        m_result.metrics = m_metrics.result(m_result.data.intervalMs);
        for (auto it = m_open.cbegin(); it != m_open.cend(); ++it) {
            const Position *held = m_portfolio.position(it.key());
            if (!held || !held->isOpen())
                continue;
            OpenBacktestPosition p;
            p.symbol = it.key();
            p.entryMs = it->entryMs;
            p.entryPrice = it->entryPrice();
            p.qty = held->qty;
            p.entryFee = it->entryFees;
            p.lastClose = held->lastPrice;
            p.unrealizedPnl = p.qty * p.lastClose - it->cost - p.entryFee;
            m_result.openPositions << p;
        }
        if (m_book) {
            m_result.deniedOrders += m_book->refused();
            for (const QString &problem : m_book->problems())
                if (m_result.denials.size() < kDenialsKept)
                    m_result.denials << problem;
        }
        m_result.equity = m_sampler.samples();
        return std::move(m_result);
    }

private:
    // The reference fill: the next bar's open, moved by the slippage against the trader.
    void fill(const OrderRequest &order, const Candle &bar)
    {
        const bool buy = order.side == Side::Buy;
        const Decimal one = Decimal::fromInt(1);
        const Decimal price = bar.open * (buy ? one + m_config.slippage : one - m_config.slippage);
        const Position *held = m_portfolio.position(bar.symbol);
        Fill f;
        f.fillId = QStringLiteral("BT-%1").arg(++m_fills);
        f.clientId = order.clientId;
        f.symbol = bar.symbol;
        f.side = order.side;
        f.price = price;
        f.feeAsset = m_config.quoteAsset;
        f.tsMs = bar.openTimeMs;
        if (buy) {
            // All it was sized for, and never more than the cash now holds with the fee on top.
            const Decimal cashCap = m_portfolio.cash().divRounded(one + m_config.fee, Rounding::Down);
            const Decimal spend = order.byQuote() ? Decimal::min(order.quoteQty, cashCap) : order.qty * price;
            f.qty = spend.divRounded(price, Rounding::Down);
        } else {
            f.qty = held ? held->qty : Decimal();
        }
        if (!f.qty.isPositive())
            return;
        f.fee = f.qty * price * m_config.fee;
        book(f);
    }

    // A fill from either model: into the portfolio, and into the trade it opens, adds to or closes.
    void book(const Fill &f)
    {
        if (!m_portfolio.applyFill(f, f.tsMs))
            return;
        Trade &t = m_open[f.symbol];
        if (f.side == Side::Buy) {
            if (t.fills == 0)
                t.entryMs = f.tsMs;
            t.firstPrice = t.fills == 0 ? f.price : t.firstPrice;
            ++t.fills;
            t.qty += f.qty;
            t.cost += f.qty * f.price;
            t.entryFees += f.fee;
            return;
        }
        ++t.exitFills;
        t.exitFirstPrice = t.exitFills == 1 ? f.price : t.exitFirstPrice;
        t.exitQty += f.qty;
        t.proceeds += f.qty * f.price;
        t.exitFees += f.fee;
        const Position *held = m_portfolio.position(f.symbol);
        if (held && held->isOpen())
            return; // part of the position is still held: the trade goes on
        BacktestTrade done;
        done.symbol = f.symbol;
        done.entryMs = t.entryMs;
        done.entryPrice = t.entryPrice();
        done.exitMs = f.tsMs;
        done.exitPrice = t.exitFills == 1 ? t.exitFirstPrice : t.proceeds.divRounded(t.exitQty, Rounding::HalfEven);
        done.qty = t.qty;
        done.fees = t.entryFees + t.exitFees;
        done.pnl = t.proceeds - t.exitFees - t.cost - t.entryFees;
        m_metrics.addTrade(done.pnl);
        m_result.trades << done;
        m_open.remove(f.symbol);
    }

    void decide(const Candle &bar)
    {
        const Position *held = m_portfolio.position(bar.symbol);
        StrategyContext ctx;
        ctx.position = held;
        ctx.hasOpenOrder = m_pending.contains(bar.symbol);
        ctx.bestBid = bar.close;
        ctx.bestAsk = bar.close;
        ctx.cash = m_portfolio.cash();
        ctx.feeRate = m_config.fee;
        for (OrderRequest r : m_strategy.onCandle(bar, ctx)) {
            RiskContext risk;
            risk.referencePrice = bar.close;
            risk.cash = m_portfolio.cash();
            risk.feeRate = m_config.fee;
            risk.openPositions = m_portfolio.openPositionCount() + int(m_pending.size());
            if (held && held->isOpen()) {
                risk.hasPosition = true;
                risk.positionQty = held->qty;
            }
            if (const std::optional<Denial> denial = m_risk.check(r, risk, bar.openTimeMs)) {
                ++m_result.deniedOrders;
                if (m_result.denials.size() < kDenialsKept)
                    m_result.denials << QStringLiteral("%1 %2: %3").arg(bar.symbol).arg(bar.openTimeMs).arg(denial->message());
                continue;
            }
            m_risk.recordSubmission(bar.openTimeMs);
            r.clientId = QStringLiteral("BT-%1").arg(++m_orders);
            m_pending.insert(bar.symbol, r); // filled at this symbol's next bar, if there is one
            ctx.hasOpenOrder = true;
        }
    }

    // Every bar of this time is in: the equity at the close.
    void closeTimestep()
    {
        const Decimal equity = m_portfolio.equity();
        m_metrics.addClose(m_time, equity, m_portfolio.openPositionCount() > 0);
        m_sampler.add(m_time, equity.toDouble());
        m_risk.updateDailyPnl(equity, m_time);
    }

    const BacktestConfig &m_config;
    Strategy &m_strategy;
    Portfolio m_portfolio;
    RiskGate m_risk;
    MetricsAccumulator m_metrics;
    EquitySampler m_sampler;
    DataQualityTracker m_quality;
    QHash<QString, OrderRequest> m_pending;
    //! A trade while it is open: its entry fills, and the exit fills so far.
    struct Trade {
        qint64 entryMs = 0;
        int fills = 0;
        Decimal firstPrice;
        Decimal qty;
        Decimal cost;
        Decimal entryFees;
        int exitFills = 0;
        Decimal exitFirstPrice;
        Decimal exitQty;
        Decimal proceeds;
        Decimal exitFees;
        //! The price of a single fill as it was; the average of several.
        [[nodiscard]] Decimal entryPrice() const { return fills == 1 ? firstPrice : cost.divRounded(qty, Rounding::HalfEven); }
    };
    QHash<QString, Trade> m_open;
    std::unique_ptr<BookFillModel> m_book;
    BacktestResult m_result;
    bool m_haveTime = false;
    qint64 m_time = 0;
    quint64 m_fills = 0;
    quint64 m_orders = 0;
};

} // namespace

Backtester::Backtester(BacktestConfig config, Strategy &strategy)
    : m_config(std::move(config))
    , m_strategy(strategy)
{
}

Result<BacktestResult> Backtester::run(BarSource &bars, const Progress &progress, qint64 progressEvery)
{
    Run run(m_config, m_strategy);
    Candle bar;
    qint64 done = 0;
    bool cancelled = false;
    try {
        while (true) {
            const Result<bool> got = bars.next(bar);
            if (!got)
                return got.error();
            if (!got.value())
                break;
            run.onBar(bar);
            if (progress && ++done % progressEvery == 0 && !progress(done)) {
                cancelled = true;
                break;
            }
        }
    } catch (const DecimalError &e) {
        return Error{QStringLiteral("BACKTEST_OUT_OF_RANGE"),
                     QStringLiteral("an amount went out of range at %1 %2: %3").arg(bar.symbol).arg(bar.openTimeMs).arg(QString::fromUtf8(e.what()))};
    }
    BacktestResult result = run.finish();
    result.cancelled = cancelled;
    return result;
}

} // namespace engine
