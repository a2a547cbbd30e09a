#include "tests/bench/bench_backtest.h"

#include "engine/backtest/backtester.h"
#include "engine/backtest/barstrategies.h"
#include "engine/backtest/csvbarreader.h"
#include "engine/backtest/memorybars.h"
#include "engine/backtest/optimizer.h"
#include "tests/support/testsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>

using namespace engine;

namespace {

//! A deterministic random walk of hourly bars, made one at a time (nothing stored).
class GeneratedBars final : public BarSource {
public:
    explicit GeneratedBars(qint64 count) : m_count(count) {}
    Result<bool> next(Candle &bar) override
    {
        if (m_made >= m_count)
            return false;
        // xorshift64: the same walk on every machine
        m_state ^= m_state << 13;
        m_state ^= m_state >> 7;
        m_state ^= m_state << 17;
        const qint64 step = qint64(m_state % 2001) - 1000; // -1000 .. +1000 ticks of 1e-10
        const qint64 open = m_ticks;
        m_ticks = std::max<qint64>(1000, m_ticks + step);
        const qint64 high = std::max(open, m_ticks) + qint64(m_state % 97);
        const qint64 low = std::max<qint64>(1, std::min(open, m_ticks) - qint64((m_state >> 8) % 97));
        constexpr Decimal::Raw kTick = Decimal::kOne / 10'000'000'000; // 1e-10
        bar.symbol = m_symbol;
        bar.openTimeMs = 1'600'000'000'000 + m_made * 3'600'000;
        bar.intervalSec = 3600;
        bar.open = Decimal::fromRaw(open * kTick);
        bar.close = Decimal::fromRaw(m_ticks * kTick);
        bar.high = Decimal::fromRaw(high * kTick);
        bar.low = Decimal::fromRaw(low * kTick);
        bar.volume = Decimal::fromInt(1000 + qint64(m_state % 1000));
        ++m_made;
        return true;
    }

private:
    qint64 m_count;
    qint64 m_made = 0;
    quint64 m_state = 0x9E3779B97F4A7C15ull;
    qint64 m_ticks = 100'000; // 0.00001
    QString m_symbol = QStringLiteral("GENUSDT");
};

QJsonObject timed(BarSource &bars, qint64 *barsOut = nullptr)
{
    auto strategy = makeBarStrategy(QStringLiteral("ema_cross"), {});
    BacktestConfig config;
    config.slippage = Decimal::fromString("0.0005");
    QElapsedTimer t;
    t.start();
    const auto r = Backtester(config, *strategy.value()).run(bars);
    const qint64 ns = t.nsecsElapsed();
    if (!r)
        return {{QStringLiteral("error"), r.error().message}};
    if (barsOut)
        *barsOut = r->metrics.bars;
    return {{QStringLiteral("bars"), r->metrics.bars},
            {QStringLiteral("trades"), r->metrics.numTrades},
            {QStringLiteral("seconds"), double(ns) / 1e9},
            {QStringLiteral("bars_per_second"), ns > 0 ? double(r->metrics.bars) * 1e9 / double(ns) : 0}};
}

QJsonObject benchGrid(const QString &real, int threads)
{
    // ema_cross fast 5..14 x slow 20..65 step 5: 100 points, on each of the six coins.
    QElapsedTimer t;
    t.start();
    qint64 runs = 0;
    qint64 bars = 0;
    for (const char *coin : {"DOGEUSDT", "SHIBUSDT", "PEPEUSDT", "FLOKIUSDT", "BONKUSDT", "WIFUSDT"}) {
        CsvBarReader reader(real, QLatin1String(coin));
        const QList<Candle> history = collectBars(reader).value();
        OptimizeConfig config;
        config.strategy = QStringLiteral("ema_cross");
        (void)config.space.add(QStringLiteral("fast=5:14:1"));
        (void)config.space.add(QStringLiteral("slow=20:65:5"));
        config.outOfSample = 0;
        config.threads = threads;
        const auto r = Optimizer(config).run(history);
        if (!r)
            return {{QStringLiteral("error"), r.error().message}};
        runs += r->evaluated;
        bars += r->evaluated * history.size();
    }
    const double seconds = double(t.nsecsElapsed()) / 1e9;
    return {{QStringLiteral("points"), 100},
            {QStringLiteral("coins"), 6},
            {QStringLiteral("backtests"), runs},
            {QStringLiteral("threads"), threads},
            {QStringLiteral("wall_seconds"), seconds},
            {QStringLiteral("bars_per_second"), double(bars) / seconds}};
}

} // namespace

qint64 rssKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

QJsonObject benchBacktest(qint64 generatedBars, int memoryRepeats)
{
    QJsonObject out;
    const QString real = testsupport::sharedDataDir() + QStringLiteral("/memecoins_binance_spot_1h.csv");
    if (QFile::exists(real)) {
        // From the CSV: parsing and checking every row included, each coin on its own.
        QJsonObject perCoin;
        double totalBars = 0;
        double totalSeconds = 0;
        for (const char *coin : {"DOGEUSDT", "SHIBUSDT", "PEPEUSDT", "FLOKIUSDT", "BONKUSDT", "WIFUSDT"}) {
            CsvBarReader bars(real, QLatin1String(coin));
            const QJsonObject r = timed(bars);
            perCoin.insert(QLatin1String(coin), r);
            totalBars += r.value(QStringLiteral("bars")).toDouble();
            totalSeconds += r.value(QStringLiteral("seconds")).toDouble();
        }
        out.insert(QStringLiteral("real_1h_from_csv"), QJsonObject{{QStringLiteral("bars"), totalBars},
                                                                   {QStringLiteral("bars_per_second"), totalBars / totalSeconds},
                                                                   {QStringLiteral("per_coin"), perCoin}});
        // From memory: the backtest path alone, the DOGE history replayed again and again.
        CsvBarReader reader(real, QStringLiteral("DOGEUSDT"));
        const QList<Candle> doge = collectBars(reader).value();
        double bars = 0;
        double seconds = 0;
        for (int i = 0; i < memoryRepeats; ++i) {
            MemoryBars replay(doge);
            const QJsonObject r = timed(replay);
            bars += r.value(QStringLiteral("bars")).toDouble();
            seconds += r.value(QStringLiteral("seconds")).toDouble();
        }
        out.insert(QStringLiteral("real_1h_from_memory"), QJsonObject{{QStringLiteral("bars"), bars},
                                                                      {QStringLiteral("bars_per_second"), bars / seconds}});
        out.insert(QStringLiteral("grid_100_points_six_coins_1_thread"), benchGrid(real, 1));
        out.insert(QStringLiteral("grid_100_points_six_coins_2_threads"), benchGrid(real, 2));
    } else {
        out.insert(QStringLiteral("real_1h_from_csv"), QStringLiteral("skipped: ../shared/data is absent"));
    }
    const qint64 rssBefore = rssKiB();
    GeneratedBars generated(generatedBars);
    QJsonObject g = timed(generated);
    g.insert(QStringLiteral("rss_before_kib"), rssBefore);
    g.insert(QStringLiteral("rss_after_kib"), rssKiB());
    out.insert(QStringLiteral("generated"), g);
    return out;
}
