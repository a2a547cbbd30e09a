// The backtester's pieces on bars made by hand: the reference fill arithmetic to the last digit,
// the rules for signals at the edges (warm-up, last bar, buy while long), the metrics formulas on
// an equity series worked out by hand, both CSV formats, the merge of several symbols, and the
// chart sampler keeping every dip.
#include "engine/backtest/backtester.h"
#include "engine/backtest/csvbarreader.h"
#include "engine/backtest/equitysampler.h"
#include "engine/backtest/memorybars.h"
#include "engine/backtest/mergedbars.h"
#include "engine/strategy/barorders.h"
#include "engine/strategy/strategy.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace engine;

namespace {

Decimal D(const char *s) { return Decimal::fromString(s); }

constexpr qint64 kHour = 3'600'000;
constexpr qint64 kT0 = 1'700'000'000'000 - 1'700'000'000'000 % kHour;

Candle bar(const char *symbol, int hour, const char *open, const char *close)
{
    Candle c;
    c.symbol = QLatin1String(symbol);
    c.openTimeMs = kT0 + hour * kHour;
    c.intervalSec = 3600;
    c.open = D(open);
    c.close = D(close);
    c.high = Decimal::max(c.open, c.close);
    c.low = Decimal::min(c.open, c.close);
    c.volume = D("100");
    return c;
}

//! Buys on the closes listed in `buys`, sells on those in `sells` (bar indexes of its symbol).
class ScriptedStrategy final : public Strategy {
public:
    ScriptedStrategy(QList<int> buys, QList<int> sells) : m_buys(std::move(buys)), m_sells(std::move(sells)) {}
    QString name() const override { return QStringLiteral("scripted"); }
    QList<OrderRequest> onCandle(const Candle &c, const StrategyContext &ctx) override
    {
        const int i = m_seen[c.symbol]++;
        if (m_buys.contains(i))
            return entryAllIn(c, ctx, name(), QStringLiteral("script"));
        if (m_sells.contains(i))
            return exitAll(c, ctx, name(), QStringLiteral("script"));
        return {};
    }

private:
    QList<int> m_buys;
    QList<int> m_sells;
    QHash<QString, int> m_seen;
};

} // namespace

class TestBacktester : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void feeAndSlippageArithmeticIsExact()
    {
        BacktestConfig config;
        config.capital = D("1000");
        config.fee = D("0.001");
        config.slippage = D("0.01");
        ScriptedStrategy s({0}, {2});
        MemoryBars bars({bar("AUSDT", 0, "1", "1"), bar("AUSDT", 1, "2", "2.5"), bar("AUSDT", 2, "3", "4"), bar("AUSDT", 3, "5", "5")});
        const auto r = Backtester(config, s).run(bars);
        QVERIFY(r.ok());
        QCOMPARE(r->trades.size(), 1);
        const BacktestTrade &t = r->trades.first();
        // Buy on bar 0's close, filled at bar 1's open 2 x 1.01 = 2.02: qty = 1000 / (2.02 x 1.001).
        QCOMPARE(t.entryPrice, D("2.02"));
        QCOMPARE(t.entryMs, kT0 + kHour);
        const Decimal qty = D("1000").divRounded(D("1.001"), Rounding::Down).divRounded(D("2.02"), Rounding::Down);
        QCOMPARE(t.qty, qty);
        QVERIFY((t.qty - D("1000") / (D("2.02") * D("1.001"))).abs() < D("0.000000000000001"));
        // Sell on bar 2's close, filled at bar 3's open 5 x 0.99 = 4.95.
        QCOMPARE(t.exitPrice, D("4.95"));
        const Decimal buyFee = qty * D("2.02") * D("0.001");
        const Decimal sellFee = qty * D("4.95") * D("0.001");
        QCOMPARE(t.fees, buyFee + sellFee);
        QCOMPARE(t.pnl, qty * D("4.95") - sellFee - qty * D("2.02") - buyFee);
        QCOMPARE(r->metrics.finalEquity, D("1000") - qty * D("2.02") - buyFee + qty * D("4.95") - sellFee);
        QCOMPARE(r->metrics.numTrades, 1);
        QCOMPARE(r->metrics.exposure, 0.5); // held at the closes of bars 1 and 2 of 4
        QVERIFY(r->openPositions.isEmpty());
    }

    void aSignalOnTheLastBarIsNeverFilledAndAnOpenPositionIsValuedAtTheClose()
    {
        BacktestConfig config;
        config.fee = D("0.001");
        ScriptedStrategy s({0, 1}, {3}); // the second buy comes while long: ignored
        MemoryBars bars({bar("AUSDT", 0, "1", "1"), bar("AUSDT", 1, "1", "2"), bar("AUSDT", 2, "2", "3"), bar("AUSDT", 3, "3", "4")});
        const auto r = Backtester(config, s).run(bars);
        QVERIFY(r.ok());
        QVERIFY(r->trades.isEmpty()); // the sell on the last close has no next open
        QCOMPARE(r->openPositions.size(), 1);
        const OpenBacktestPosition &p = r->openPositions.first();
        QCOMPARE(p.entryPrice, D("1"));
        QCOMPARE(p.lastClose, D("4"));
        QCOMPARE(p.unrealizedPnl, p.qty * D("4") - p.qty - p.entryFee);
        // Valued at the last close without an exit fee (the cash left over from the entry is dust).
        QVERIFY((r->metrics.finalEquity - p.qty * D("4")).abs() < D("0.000001"));
        QCOMPARE(r->metrics.numTrades, 0);
        QVERIFY(!r->metrics.winRate);
        QVERIFY(!r->metrics.profitFactor);
    }

    void theBookModelWalksTheNextBarsBook()
    {
        BacktestConfig config;
        config.capital = D("300");
        config.fee = D("0");
        config.fillModel = BacktestConfig::FillModel::OrderBook;
        config.book.levels = 2;
        config.book.levelStep = D("0.01");   // asks at open x 1.005 and x 1.015
        config.book.depthShare = D("1");     // the bar's whole volume shown, 50 on each level
        config.book.stepSize = D("1");
        config.book.tickSize = D("0.001");
        ScriptedStrategy s({0}, {});
        Candle quiet = bar("AUSDT", 1, "2", "2");
        quiet.volume = D("0"); // nobody traded: nothing to buy from
        Candle busy = bar("AUSDT", 2, "2", "2");
        MemoryBars bars({bar("AUSDT", 0, "1", "1"), quiet, busy, bar("AUSDT", 3, "2", "2")});
        const auto r = Backtester(config, s).run(bars);
        QVERIFY(r.ok());
        QCOMPARE(r->openPositions.size(), 1);
        const OpenBacktestPosition &p = r->openPositions.first();
        QCOMPARE(p.entryMs, kT0 + 2 * kHour); // not at the empty bar, at the next one with volume
        // 300 USDT: 50 at 2.01 (100.5) + 50 at 2.03 (101.5) from bar 2's book, the rest from bar 3's.
        QVERIFY(p.qty > D("100"));
        QVERIFY(p.entryPrice > D("2.01") && p.entryPrice < D("2.03"));
        QVERIFY(p.entryPrice != D("2")); // never the bare open, as the reference model would
    }

    void metricsFollowTheFormulas()
    {
        // Equity 100 -> 110 -> 99 -> 121 at the closes (capital 100): returns +10 %, -10 %, +22.2 %.
        MetricsAccumulator m(D("100"));
        m.addClose(kT0, D("110"), true);
        const qint64 halfYear = 365 * 86'400'000LL / 2; // a span of one year: CAGR = total return
        m.addClose(kT0 + halfYear, D("99"), true);
        m.addClose(kT0 + 2 * halfYear, D("121"), false);
        m.addTrade(D("30"));
        m.addTrade(D("-10"));
        m.addTrade(D("-5"));
        const BacktestMetrics r = m.result(kHour);
        const std::vector<double> rets{99.0 / 110.0 - 1, 121.0 / 99.0 - 1};
        const double mean = (rets[0] + rets[1]) / 2;
        const double sd = std::sqrt(((rets[0] - mean) * (rets[0] - mean) + (rets[1] - mean) * (rets[1] - mean)) / 1);
        QVERIFY(std::fabs(*r.sharpe - mean / sd * std::sqrt(8760.0)) < 1e-12);
        QVERIFY(std::fabs(*r.sortino - mean / std::sqrt(rets[0] * rets[0] / 2) * std::sqrt(8760.0)) < 1e-12);
        QVERIFY(std::fabs(r.maxDrawdown - 0.1) < 1e-15); // 110 -> 99
        QCOMPARE(r.maxDrawdownBars, 1);
        QVERIFY(std::fabs(r.totalReturn - 0.21) < 1e-15);
        QCOMPARE(*r.winRate, 1.0 / 3.0);
        QCOMPARE(*r.profitFactor, 2.0);
        QCOMPARE(r.averageWin, D("30"));
        QCOMPARE(r.averageLoss, D("-7.5"));
        QCOMPARE(r.exposure, 2.0 / 3.0);
        QVERIFY(std::fabs(r.years - 1.0) < 1e-15);
        QVERIFY(std::fabs(*r.cagr - 0.21) < 1e-12);
        QVERIFY(std::fabs(*r.calmar - 2.1) < 1e-12);
    }

    void severalSymbolsReplayInTimeOrder()
    {
        std::vector<std::unique_ptr<BarSource>> sources;
        sources.push_back(std::make_unique<MemoryBars>(QList<Candle>{bar("AUSDT", 0, "1", "1"), bar("AUSDT", 2, "1", "1")}));
        sources.push_back(std::make_unique<MemoryBars>(QList<Candle>{bar("BUSDT", 0, "1", "1"), bar("BUSDT", 1, "1", "1")}));
        MergedBars merged(std::move(sources));
        QStringList order;
        Candle c;
        while (merged.next(c).value())
            order << QStringLiteral("%1@%2").arg(c.symbol).arg((c.openTimeMs - kT0) / kHour);
        QCOMPARE(order, (QStringList{QStringLiteral("AUSDT@0"), QStringLiteral("BUSDT@0"), QStringLiteral("BUSDT@1"), QStringLiteral("AUSDT@2")}));
    }

    void binanceKlineFilesReadWithMicrosecondTimes()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("PEPEUSDT-1h-2025-01.csv")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        // Binance's dumps from 2025 on: times in µs, no header.
        f.write("1735689600000000,0.00001900,0.00001950,0.00001880,0.00001920,1000,1735693199999999,19.2,10,500,9.6,0\n"
                "1735693200000000,0.00001920,0.00001990,0.00001910,0.00001980,0,1735696799999999,0,0,0,0,0\n"
                "1735700400000000,0.00001980,0.00002000,0.00001970,0.00001990,2000,1735703999999999,39.8,20,1000,19.9,0\n");
        f.close();
        CsvBarReader reader(f.fileName(), QStringLiteral("PEPEUSDT"));
        Candle c;
        QVERIFY(reader.next(c).value());
        QCOMPARE(int(reader.format()), int(CsvBarReader::Format::BinanceKlines));
        QCOMPARE(c.openTimeMs, 1'735'689'600'000);
        QCOMPARE(c.close, D("0.0000192"));
        QCOMPARE(c.intervalSec, 3600);
        QCOMPARE(c.symbol, QStringLiteral("PEPEUSDT"));
        // Through the backtester: the missing hour is a gap, the zero-volume bar is counted.
        ScriptedStrategy none({}, {});
        CsvBarReader again(f.fileName(), QStringLiteral("PEPEUSDT"));
        const auto r = Backtester(BacktestConfig{}, none).run(again);
        QVERIFY(r.ok());
        QCOMPARE(r->data.bars, 3);
        QCOMPARE(r->data.gaps.size(), 1);
        QCOMPARE(r->data.gaps.first().missingBars, 1);
        QCOMPARE(r->data.zeroVolumeBars, 1);
    }

    void theChartKeepsEveryDip()
    {
        EquitySampler sampler(10);
        for (int i = 0; i < 10'000; ++i)
            sampler.add(i, i == 7'777 ? 1.0 : 100.0 + i * 0.001);
        const QList<EquitySample> s = sampler.samples();
        QVERIFY(s.size() <= 20);
        QVERIFY(s.size() >= 10);
        double lowest = 1e9;
        double deepest = 0;
        for (const EquitySample &p : s) {
            lowest = std::min(lowest, p.low);
            deepest = std::max(deepest, p.drawdown);
        }
        QCOMPARE(lowest, 1.0);
        QVERIFY(deepest > 0.99);
    }
};

QTEST_GUILESS_MAIN(TestBacktester)
#include "test_backtester.moc"
