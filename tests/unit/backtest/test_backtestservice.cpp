// The backtest service: runs on its own thread and reports on the caller's, refuses a second run
// while one goes, and keeps every run on disk so it comes back after a restart whole (request,
// metrics, trades, equity), skipping a damaged file instead of failing.
#include "engine/backtest/backtestjson.h"
#include "engine/backtest/backtestservice.h"
#include "tests/support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace engine;

namespace {

BacktestRequest sampleRequest()
{
    BacktestRequest r;
    r.dataPath = testsupport::testDataDir() + QStringLiteral("/backtest/pepeusdt_1h_sample.csv");
    r.symbols = {QStringLiteral("PEPEUSDT")};
    r.strategy = QStringLiteral("ema_cross");
    r.params = {{QStringLiteral("fast"), 8}, {QStringLiteral("slow"), 21}};
    r.config.slippage = Decimal::fromString("0.0005");
    return r;
}

} // namespace

class TestBacktestService : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void runsAreKeptAndComeBackAfterARestart()
    {
        const QString dir = testsupport::makeTempDir(QStringLiteral("backtests"));
        QJsonDocument original;
        {
            BacktestService service;
            QVERIFY(service.setStoreDir(dir).isEmpty());
            double progress = 0;
            std::optional<Result<BacktestRunPtr>> done;
            service.run(sampleRequest(), this, [&](double f) { progress = f; }, [&](const Result<BacktestRunPtr> &r) { done = r; });
            // A second run while the first goes is refused, not queued.
            std::optional<Result<BacktestRunPtr>> busy;
            service.run(sampleRequest(), this, {}, [&](const Result<BacktestRunPtr> &r) { busy = r; });
            QTRY_VERIFY(done.has_value());
            QTRY_VERIFY(busy.has_value());
            QVERIFY(done->ok());
            QCOMPARE(busy->error().code, QStringLiteral("BACKTEST_BUSY"));
            QCOMPARE(progress, 1.0);
            QCOMPARE(done->value()->id, 1);
            QVERIFY(done->value()->chart.size() == 2000);
            original = QJsonDocument(backtestRunToJson(*done->value()));
        }
        QVERIFY(QFile::exists(dir + QStringLiteral("/run-000001.json")));
        QFile damaged(dir + QStringLiteral("/run-000009.json"));
        QVERIFY(damaged.open(QIODevice::WriteOnly));
        damaged.write("{\"id\": 9, \"request\": {\"strategy\": \"ema_cross\", \"fee\": \"x\"");
        damaged.close();

        BacktestService again;
        const QStringList skipped = again.setStoreDir(dir);
        QCOMPARE(skipped.size(), 1);
        QVERIFY(skipped.first().startsWith(QStringLiteral("run-000009.json")));
        QCOMPARE(again.runs().size(), 1);
        const BacktestRunPtr back = again.runs().first();
        QCOMPARE(QJsonDocument(backtestRunToJson(*back)).toJson(), original.toJson()); // whole, to the last digit
        QCOMPARE(back->request.params.value(QStringLiteral("slow")), 21.0);
        QCOMPARE(back->chart.size(), 0); // the candles stay in their file

        // The next run continues the numbering.
        std::optional<Result<BacktestRunPtr>> next;
        again.run(sampleRequest(), this, {}, [&](const Result<BacktestRunPtr> &r) { next = r; });
        QTRY_VERIFY(next.has_value());
        QCOMPARE(next->value()->id, 2);
    }
};

QTEST_GUILESS_MAIN(TestBacktestService)
#include "test_backtestservice.moc"
