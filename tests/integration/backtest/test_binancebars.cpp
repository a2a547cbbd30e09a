// Bars from Binance for a backtest: a fake Binance (its real klines wire format, on 127.0.0.1)
// serves real PEPE history; what the local kline cache lacks is downloaded in pages, kept in the
// cache, and the backtest replayed from it equals the one from the CSV the bars came from. A
// second run downloads nothing; a longer range only its tail. The command line does the same.
#include "app/binancebars.h"
#include "engine/backtest/backtester.h"
#include "engine/backtest/backtestjson.h"
#include "engine/backtest/barstrategies.h"
#include "engine/backtest/csvbarreader.h"
#include "engine/backtest/memorybars.h"
#include "tests/support/fakebinance/fakeexchange.h"
#include "tests/support/testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace engine;

namespace {

const QByteArray kKey = "test-key";
const QByteArray kSecret = "test-secret";

QString sample() { return testsupport::testDataDir() + QStringLiteral("/backtest/pepeusdt_1h_sample.csv"); }
QString exchangeInfo() { return testsupport::testDataDir() + QStringLiteral("/binance/exchangeInfo.json"); }

QList<Candle> sampleBars()
{
    CsvBarReader reader(sample(), QStringLiteral("PEPEUSDT"));
    return collectBars(reader).value();
}

void serve(binancetest::FakeExchange &ex, const QList<Candle> &bars)
{
    for (const Candle &c : bars)
        ex.addBar(c.symbol, binancetest::FakeBar{c.openTimeMs, c.open, c.high, c.low, c.close, c.volume}, false);
}

QByteArray runJson(BarSource &bars)
{
    auto strategy = makeBarStrategy(QStringLiteral("ema_cross"), {});
    BacktestConfig config;
    config.slippage = Decimal::fromString("0.0005");
    const auto r = Backtester(config, *strategy.value()).run(bars);
    return r ? QJsonDocument(backtestToJson(r.value())).toJson() : r.error().message.toUtf8();
}

} // namespace

class TestBinanceBars : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void downloadsWhatTheCacheLacksAndReplaysTheSameBars()
    {
        const QList<Candle> bars = sampleBars();
        QCOMPARE(bars.size(), 2000);
        binancetest::FakeExchange ex(kKey, kSecret, exchangeInfo());
        serve(ex, bars.mid(0, 1990));
        app::BinanceBarsRequest r;
        r.symbols = {QStringLiteral("PEPEUSDT")};
        r.interval = QStringLiteral("1h");
        r.fromMs = bars.first().openTimeMs;
        r.toMs = bars.at(1989).openTimeMs;
        r.cachePath = testsupport::makeTempDir(QStringLiteral("klines")) + QStringLiteral("/klines.sqlite");
        r.restUrl = ex.restUrl();
        qint64 reported = 0;
        auto source = app::binanceBars(r, [&](const QString &, qint64 n) { reported = n; });
        QVERIFY2(source.ok(), qPrintable(source.ok() ? QString() : source.error().message));
        QCOMPARE(ex.klineRequests, 2); // 1,000 + 990 bars
        QCOMPARE(reported, 1990);
        MemoryBars fromCsv(bars.mid(0, 1990));
        QCOMPARE(runJson(*source.value()), runJson(fromCsv));
        source.value().reset();

        // Again: everything is in the cache, nothing is asked.
        auto again = app::binanceBars(r);
        QVERIFY(again.ok());
        QCOMPARE(ex.klineRequests, 2);
        again.value().reset();

        // Ten hours later: only the new tail is fetched.
        serve(ex, bars.mid(1990));
        r.toMs = bars.last().openTimeMs;
        auto longer = app::binanceBars(r);
        QVERIFY(longer.ok());
        QCOMPARE(ex.klineRequests, 3);
        MemoryBars all(bars);
        QCOMPARE(runJson(*longer.value()), runJson(all));
    }

    void refusalsAreClear()
    {
        binancetest::FakeExchange ex(kKey, kSecret, exchangeInfo());
        app::BinanceBarsRequest r;
        r.symbols = {QStringLiteral("NOPEUSDT")};
        r.fromMs = 1'700'000'000'000;
        r.toMs = 1'700'100'000'000;
        r.cachePath = testsupport::makeTempDir(QStringLiteral("klines")) + QStringLiteral("/klines.sqlite");
        r.restUrl = ex.restUrl();
        const auto unknown = app::binanceBars(r);
        QVERIFY(!unknown.ok());
        QVERIFY2(unknown.error().message.contains(QStringLiteral("NOPEUSDT")), qPrintable(unknown.error().message));
        r.interval = QStringLiteral("7m");
        QCOMPARE(app::binanceBars(r).error().code, QStringLiteral("USAGE"));
    }

    void theCommandLineBacktestsFromBinance()
    {
        const QList<Candle> bars = sampleBars();
        binancetest::FakeExchange ex(kKey, kSecret, exchangeInfo());
        serve(ex, bars);
        const QString cache = testsupport::makeTempDir(QStringLiteral("klines")) + QStringLiteral("/klines.sqlite");
        QProcess p;
        p.start(qEnvironmentVariable("MEMEDESK_APP"),
                {QStringLiteral("backtest"), QStringLiteral("--binance"), QStringLiteral("--binance-rest-url"), ex.restUrl().toString(),
                 QStringLiteral("--cache"), cache, QStringLiteral("--symbol"), QStringLiteral("PEPEUSDT"), QStringLiteral("--interval"),
                 QStringLiteral("1h"), QStringLiteral("--from"), isoUtc(bars.first().openTimeMs), QStringLiteral("--to"),
                 isoUtc(bars.last().openTimeMs), QStringLiteral("--strategy"), QStringLiteral("ema_cross"), QStringLiteral("--slippage"),
                 QStringLiteral("0.0005"), QStringLiteral("--json")});
        // The fake answers on this thread's event loop: wait without blocking it.
        QTRY_VERIFY_WITH_TIMEOUT(p.state() == QProcess::NotRunning, 60000);
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const QJsonObject out = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        MemoryBars all(bars);
        const QJsonObject expected = QJsonDocument::fromJson(runJson(all)).object();
        QCOMPARE(out.value(QStringLiteral("trades")), expected.value(QStringLiteral("trades")));
        QCOMPARE(out.value(QStringLiteral("metrics")), expected.value(QStringLiteral("metrics")));
        QCOMPARE(ex.klineRequests, 2);
    }
};

QTEST_GUILESS_MAIN(TestBinanceBars)
#include "test_binancebars.moc"
