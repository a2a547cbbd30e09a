// The reference strategies on real PEPE history (../shared/data) against an independent
// implementation of the same rules (tests/data/backtest/reference_backtest.py, its output
// committed beside it): the same trades, to the bar, prices and PnL within 1e-9 relative; the same
// run twice is byte-identical; the command line prints the same, and refuses bad CSV with the line
// named and exit code 2; real gaps and zero-volume bars are reported.
#include "engine/backtest/backtester.h"
#include "engine/backtest/backtestjson.h"
#include "engine/backtest/barstrategies.h"
#include "engine/backtest/csvbarreader.h"
#include "tests/support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace engine;

namespace {

QString dataFile() { return testsupport::sharedDataDir() + QStringLiteral("/memecoins_binance_spot_1h.csv"); }

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

// Relative difference of two decimal strings (or numbers), read at double precision: enough for 1e-9.
double relDiff(const QJsonValue &a, const QJsonValue &b)
{
    const double x = a.isString() ? a.toString().toDouble() : a.toDouble();
    const double y = b.isString() ? b.toString().toDouble() : b.toDouble();
    if (x == y)
        return 0;
    return std::fabs(x - y) / std::max(std::fabs(x), std::fabs(y));
}

Result<BacktestResult> runOn(const QString &symbol, const QString &strategy, const QMap<QString, double> &params)
{
    BacktestConfig config;
    config.fee = Decimal::fromString("0.001");
    config.slippage = Decimal::fromString("0.0005");
    auto made = makeBarStrategy(strategy, params);
    if (!made)
        return made.error();
    CsvBarReader bars(dataFile(), symbol);
    return Backtester(config, *made.value()).run(bars);
}

void compareWithReference(const BacktestResult &mine, const QString &referenceFile)
{
    const QJsonObject ref = readJson(testsupport::testDataDir() + QStringLiteral("/backtest/") + referenceFile);
    QVERIFY2(!ref.isEmpty(), qPrintable(referenceFile));
    const QJsonObject got = backtestToJson(mine);
    const QJsonArray want = ref.value(QStringLiteral("trades")).toArray();
    const QJsonArray have = got.value(QStringLiteral("trades")).toArray();
    QCOMPARE(have.size(), want.size());
    for (qsizetype i = 0; i < want.size(); ++i) {
        const QJsonObject w = want.at(i).toObject();
        const QJsonObject h = have.at(i).toObject();
        QCOMPARE(h.value(QStringLiteral("entry_time")).toString(), w.value(QStringLiteral("entry_time")).toString());
        QCOMPARE(h.value(QStringLiteral("exit_time")).toString(), w.value(QStringLiteral("exit_time")).toString());
        for (const char *field : {"entry_price", "exit_price", "qty", "pnl", "fees"}) {
            const double d = relDiff(h.value(QLatin1String(field)), w.value(QLatin1String(field)));
            QVERIFY2(d <= 1e-9, qPrintable(QStringLiteral("trade %1 %2: %3 vs %4").arg(i).arg(QLatin1String(field),
                                                                                            h.value(QLatin1String(field)).toString(),
                                                                                            w.value(QLatin1String(field)).toString())));
        }
    }
    const QJsonObject wm = ref.value(QStringLiteral("metrics")).toObject();
    const QJsonObject hm = got.value(QStringLiteral("metrics")).toObject();
    for (auto it = wm.constBegin(); it != wm.constEnd(); ++it) {
        QVERIFY2(hm.contains(it.key()), qPrintable(it.key()));
        if (it.value().isNull()) {
            QVERIFY2(hm.value(it.key()).isNull(), qPrintable(it.key()));
            continue;
        }
        QVERIFY2(relDiff(hm.value(it.key()), it.value()) <= 1e-9,
                 qPrintable(QStringLiteral("%1: %2 vs %3").arg(it.key()).arg(hm.value(it.key()).toVariant().toString(),
                                                                            it.value().toVariant().toString())));
    }
    const QJsonValue wantOpen = ref.value(QStringLiteral("open_position"));
    const QJsonValue haveOpen = got.value(QStringLiteral("open_position"));
    QCOMPARE(haveOpen.isNull(), wantOpen.isNull());
    if (!wantOpen.isNull()) {
        QCOMPARE(haveOpen[QStringLiteral("entry_time")].toString(), wantOpen[QStringLiteral("entry_time")].toString());
        QVERIFY(relDiff(haveOpen[QStringLiteral("qty")], wantOpen[QStringLiteral("qty")]) <= 1e-9);
        QVERIFY(relDiff(haveOpen[QStringLiteral("unrealized_pnl")], wantOpen[QStringLiteral("unrealized_pnl")]) <= 1e-9);
    }
}

struct Cli {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Cli runCli(const QStringList &args, const QString &command = QStringLiteral("backtest"))
{
    QProcess p;
    p.start(qEnvironmentVariable("MEMEDESK_APP"), QStringList{command} + args);
    Cli c;
    if (!p.waitForFinished(60000))
        return c;
    c.exitCode = p.exitCode();
    c.out = p.readAllStandardOutput();
    c.err = p.readAllStandardError();
    return c;
}

} // namespace

#define REQUIRE_SHARED_DATA()                                                                                        \
    if (!QFile::exists(dataFile()))                                                                                  \
    QSKIP("../shared/data/memecoins_binance_spot_1h.csv is absent: this run needs it")

class TestReferenceBacktest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void emaCrossMatchesTheIndependentImplementation()
    {
        REQUIRE_SHARED_DATA();
        const auto r = runOn(QStringLiteral("PEPEUSDT"), QStringLiteral("ema_cross"), {{QStringLiteral("fast"), 12}, {QStringLiteral("slow"), 26}});
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->trades.size(), 172);
        compareWithReference(r.value(), QStringLiteral("pepeusdt_ema_cross_12_26.json"));
    }

    void rsiReversionMatchesTheIndependentImplementation()
    {
        REQUIRE_SHARED_DATA();
        const auto r = runOn(QStringLiteral("PEPEUSDT"), QStringLiteral("rsi_reversion"),
                             {{QStringLiteral("period"), 14}, {QStringLiteral("lower"), 30}, {QStringLiteral("upper"), 70}});
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        compareWithReference(r.value(), QStringLiteral("pepeusdt_rsi_reversion_14_30_70.json"));
    }

    void theSameRunTwiceIsByteIdentical()
    {
        REQUIRE_SHARED_DATA();
        const auto a = runOn(QStringLiteral("PEPEUSDT"), QStringLiteral("ema_cross"), {});
        const auto b = runOn(QStringLiteral("PEPEUSDT"), QStringLiteral("ema_cross"), {});
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(QJsonDocument(backtestToJson(a.value())).toJson(), QJsonDocument(backtestToJson(b.value())).toJson());
    }

    void realGapsAndZeroVolumeBarsAreReported()
    {
        REQUIRE_SHARED_DATA();
        const auto r = runOn(QStringLiteral("DOGEUSDT"), QStringLiteral("ema_cross"), {});
        QVERIFY(r.ok());
        QCOMPARE(r->data.intervalMs, 3'600'000);
        QCOMPARE(r->data.gaps.size(), 11);
        QCOMPARE(r->data.zeroVolumeBars, 2);
        for (const DataQuality::Gap &g : r->data.gaps)
            QVERIFY(g.missingBars >= 1 && g.symbol == QLatin1String("DOGEUSDT"));
    }

    void theCommandLinePrintsTheSameRun()
    {
        REQUIRE_SHARED_DATA();
        const Cli c = runCli({QStringLiteral("--data"), dataFile(), QStringLiteral("--symbol"), QStringLiteral("PEPEUSDT"),
                              QStringLiteral("--strategy"), QStringLiteral("ema_cross"), QStringLiteral("--param"), QStringLiteral("fast=12"),
                              QStringLiteral("--param"), QStringLiteral("slow=26"), QStringLiteral("--fee"), QStringLiteral("0.001"),
                              QStringLiteral("--slippage"), QStringLiteral("0.0005"), QStringLiteral("--json")});
        QVERIFY2(c.exitCode == 0, c.err.constData());
        const QJsonObject out = QJsonDocument::fromJson(c.out).object();
        QCOMPARE(out.value(QStringLiteral("trades")).toArray().size(), 172);
        QCOMPARE(out[QStringLiteral("trades")][0][QStringLiteral("entry_time")].toString(), QStringLiteral("2023-05-12T22:00:00Z"));
        for (const char *metric : {"total_return", "max_drawdown", "sharpe", "sortino", "calmar", "cagr", "win_rate",
                                   "profit_factor", "exposure", "num_trades"})
            QVERIFY2(out[QStringLiteral("metrics")].toObject().contains(QLatin1String(metric)), metric);
        // A range: only bars inside it, and no trades outside it.
        const Cli ranged = runCli({QStringLiteral("--data"), dataFile(), QStringLiteral("--symbol"), QStringLiteral("PEPEUSDT"),
                                   QStringLiteral("--strategy"), QStringLiteral("ema_cross"), QStringLiteral("--from"),
                                   QStringLiteral("2024-01-01T00:00:00Z"), QStringLiteral("--to"), QStringLiteral("2024-02-01"),
                                   QStringLiteral("--json")});
        QVERIFY2(ranged.exitCode == 0, ranged.err.constData());
        const QJsonObject data = QJsonDocument::fromJson(ranged.out).object().value(QStringLiteral("data")).toObject();
        QCOMPARE(data.value(QStringLiteral("first")).toString(), QStringLiteral("2024-01-01T00:00:00Z"));
        QCOMPARE(data.value(QStringLiteral("last")).toString(), QStringLiteral("2024-02-01T00:00:00Z"));
    }

    void theOptimizerShowsOutOfSampleNextToInSample()
    {
        REQUIRE_SHARED_DATA();
        const QStringList common{QStringLiteral("--data"), dataFile(), QStringLiteral("--symbol"), QStringLiteral("PEPEUSDT"),
                                 QStringLiteral("--strategy"), QStringLiteral("ema_cross"), QStringLiteral("--fee"), QStringLiteral("0.001"),
                                 QStringLiteral("--slippage"), QStringLiteral("0.0005")};
        const QString dataDir = testsupport::makeTempDir(QStringLiteral("optimize"));
        const Cli c = runCli(common + QStringList{QStringLiteral("--param"), QStringLiteral("fast=6:14:4"), QStringLiteral("--param"),
                                                  QStringLiteral("slow=26:46:10"), QStringLiteral("--top"), QStringLiteral("3"),
                                                  QStringLiteral("--data-dir"), dataDir, QStringLiteral("--json")},
                             QStringLiteral("optimize"));
        QVERIFY2(c.exitCode == 0, c.err.constData());
        // The search is kept in the data folder, the same as printed.
        const QStringList kept = QDir(dataDir + QStringLiteral("/optimizations")).entryList({QStringLiteral("*.json")});
        QCOMPARE(kept.size(), 1);
        QFile keptFile(dataDir + QStringLiteral("/optimizations/") + kept.first());
        QVERIFY(keptFile.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(keptFile.readAll()).object(), QJsonDocument::fromJson(c.out).object());
        QVERIFY(c.err.contains("optimize: ")); // progress with the time left
        const QJsonObject out = QJsonDocument::fromJson(c.out).object();
        QCOMPARE(out.value(QStringLiteral("evaluated")).toInt(), 9);
        const QJsonArray best = out.value(QStringLiteral("best")).toArray();
        QCOMPARE(best.size(), 3);
        QVERIFY(best[0][QStringLiteral("in_sample")][QStringLiteral("sharpe")].toDouble() >= best[1][QStringLiteral("in_sample")][QStringLiteral("sharpe")].toDouble());
        QVERIFY(best[0][QStringLiteral("out_of_sample")].isObject());
        QVERIFY(out[QStringLiteral("out_of_sample")][QStringLiteral("from")].toString() > out[QStringLiteral("in_sample")][QStringLiteral("to")].toString());
        // A run of the winning parameters alone gives the same in-sample figures.
        const QJsonObject params = best[0][QStringLiteral("params")].toObject();
        const Cli alone = runCli(common + QStringList{QStringLiteral("--param"), QStringLiteral("fast=%1").arg(params[QStringLiteral("fast")].toInt()),
                                                      QStringLiteral("--param"), QStringLiteral("slow=%1").arg(params[QStringLiteral("slow")].toInt()),
                                                      QStringLiteral("--to"), out[QStringLiteral("in_sample")][QStringLiteral("to")].toString(),
                                                      QStringLiteral("--json")});
        QVERIFY2(alone.exitCode == 0, alone.err.constData());
        QCOMPARE(QJsonDocument::fromJson(alone.out).object()[QStringLiteral("metrics")][QStringLiteral("final_equity")].toString(),
                 best[0][QStringLiteral("in_sample")][QStringLiteral("final_equity")].toString());
        const Cli wrongRange = runCli(common + QStringList{QStringLiteral("--param"), QStringLiteral("fast=9:3:1")}, QStringLiteral("optimize"));
        QCOMPARE(wrongRange.exitCode, 2);
        QVERIFY(wrongRange.err.contains("lo <= hi"));
    }

    void badDataIsRefusedWithTheLineAndExitCode2()
    {
        QTemporaryDir dir;
        const auto write = [&](const char *name, const QByteArray &content) {
            QFile f(dir.filePath(QLatin1String(name)));
            f.open(QIODevice::WriteOnly);
            f.write(content);
            return f.fileName();
        };
        const QByteArray header = "symbol,open_time_ms,open_time_utc,open,high,low,close,volume\n";
        const QByteArray good = "PEPEUSDT,1700000000000,x,1.0,1.2,0.9,1.1,5\n";
        const struct {
            const char *name;
            QByteArray content;
            const char *says;
        } cases[] = {
            {"empty.csv", "", "line 1: the file is empty"},
            {"truncated.csv", header + good + "PEPEUSDT,1700003600000,x,1.0,1.2", "line 3: 5 columns, 8 expected"},
            {"malformed.csv", header + good + "PEPEUSDT,1700003600000,x,1.0,abc,0.9,1.1,5\n", "line 3: high 'abc' is not a decimal"},
            {"backwards.csv", header + good + good, "line 3: PEPEUSDT at 1700000000000 is not after"},
            {"inverted.csv", header + "PEPEUSDT,1700000000000,x,1.0,0.8,0.9,1.1,5\n", "line 2: low 0.9 / high 0.8"},
            {"headeronly.csv", header, "no bars of PEPEUSDT"},
            {"garbage.csv", "hello world\n", "line 1: neither"},
        };
        for (const auto &c : cases) {
            const Cli r = runCli({QStringLiteral("--data"), write(c.name, c.content), QStringLiteral("--symbol"), QStringLiteral("PEPEUSDT"),
                                  QStringLiteral("--strategy"), QStringLiteral("ema_cross")});
            QVERIFY2(r.exitCode == 2, c.name);
            QVERIFY2(r.err.contains(c.says), qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(c.name), QString::fromUtf8(r.err))));
        }
        const Cli unknown = runCli({QStringLiteral("--data"), write("ok.csv", header + good), QStringLiteral("--symbol"),
                                    QStringLiteral("PEPEUSDT"), QStringLiteral("--strategy"), QStringLiteral("moon")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains("no strategy 'moon'"));
        const Cli badParam = runCli({QStringLiteral("--data"), write("ok2.csv", header + good), QStringLiteral("--symbol"),
                                     QStringLiteral("PEPEUSDT"), QStringLiteral("--strategy"), QStringLiteral("rsi_reversion"),
                                     QStringLiteral("--param"), QStringLiteral("lower=80")});
        QCOMPARE(badParam.exitCode, 2);
        QVERIFY(badParam.err.contains("0 < lower < upper < 100"));
    }
};

QTEST_GUILESS_MAIN(TestReferenceBacktest)
#include "test_referencebacktest.moc"
