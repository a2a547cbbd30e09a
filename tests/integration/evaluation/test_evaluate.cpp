// `memedesk evaluate` as a user runs it: the demo market in simulated time over seeds, the
// strategy next to random entries and buy-and-hold, a report that is byte-identical for the same
// inputs however many threads ran it, and clear errors for bad input.
#include "tests/support/apprunner.h"
#include "tests/support/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

testsupport::CliRun evaluate(const QStringList &args)
{
    return testsupport::runCli(QStringList{QStringLiteral("evaluate")} + args);
}

} // namespace

class TestEvaluate : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("MEMEDESK_APP"))
            QSKIP("MEMEDESK_APP is not set (ctest sets it)");
    }

    void reportsTheStrategyAgainstBothBaselinesReproducibly()
    {
        const QStringList args{QStringLiteral("--seeds"), QStringLiteral("1-3"), QStringLiteral("--hours"), QStringLiteral("3"),
                               QStringLiteral("--draws"), QStringLiteral("4"), QStringLiteral("--json")};
        const auto a = evaluate(args + QStringList{QStringLiteral("--threads"), QStringLiteral("2")});
        QVERIFY2(a.exitCode == 0, a.err.constData());
        const auto b = evaluate(args + QStringList{QStringLiteral("--threads"), QStringLiteral("1")});
        QCOMPARE(b.exitCode, 0);
        QCOMPARE(a.out, b.out); // byte-identical, whatever the scheduling

        const QJsonObject report = QJsonDocument::fromJson(a.out).object();
        const QJsonArray perSeed = report[QStringLiteral("per_seed")].toArray();
        QCOMPARE(perSeed.size(), 3);
        for (const QJsonValue &v : perSeed) {
            const QJsonObject seed = v.toObject();
            for (const char *who : {"strategy", "random_entries", "buy_and_hold"}) {
                const QJsonObject m = seed[QLatin1String(who)].toObject();
                for (const char *field : {"pnl", "return_pct", "sharpe", "max_drawdown_pct", "trades", "win_rate_pct", "exposure_pct"})
                    QVERIFY2(m.contains(QLatin1String(field)), field);
            }
            // Random entries make as many entries as the strategy did (unless positions were full).
            QVERIFY(seed[QStringLiteral("random_entries")][QStringLiteral("trades")].toDouble()
                    <= seed[QStringLiteral("strategy")][QStringLiteral("trades")].toDouble());
            QCOMPARE(seed[QStringLiteral("buy_and_hold")][QStringLiteral("exposure_pct")].toDouble(), 100.0);
        }
        const QJsonObject aggregate = report[QStringLiteral("aggregate")].toObject();
        QCOMPARE(aggregate[QStringLiteral("seeds")].toInt(), 3);
        const QJsonObject ret = aggregate[QStringLiteral("strategy")][QStringLiteral("return_pct")].toObject();
        QVERIFY(ret[QStringLiteral("ci95_low")].toDouble() <= ret[QStringLiteral("mean")].toDouble());
        QVERIFY(ret[QStringLiteral("ci95_high")].toDouble() >= ret[QStringLiteral("mean")].toDouble());
        QVERIFY(aggregate.contains(QStringLiteral("return_pct_minus_random")));
        QVERIFY(aggregate.contains(QStringLiteral("return_pct_minus_buy_and_hold")));
        QVERIFY(report.contains(QStringLiteral("by_regime")));
        QVERIFY(a.err.contains("simulated hours per second"));
    }

    void badInputIsRefusedClearly_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("seeds") << QStringList{QStringLiteral("--seeds"), QStringLiteral("x-3")} << QStringLiteral("--seeds");
        QTest::newRow("reversed") << QStringList{QStringLiteral("--seeds"), QStringLiteral("9-3")} << QStringLiteral("--seeds");
        QTest::newRow("hours") << QStringList{QStringLiteral("--hours"), QStringLiteral("0")} << QStringLiteral("--hours");
        QTest::newRow("key") << QStringList{QStringLiteral("--param"), QStringLiteral("nope=1")} << QStringLiteral("unknown key");
        QTest::newRow("value") << QStringList{QStringLiteral("--param"), QStringLiteral("entryScore=abc")} << QStringLiteral("not a number");
        QTest::newRow("range") << QStringList{QStringLiteral("--param"), QStringLiteral("entryScore=7")} << QStringLiteral("entry score");
        QTest::newRow("strategy") << QStringList{QStringLiteral("--strategy"), QStringLiteral("ema_cross")} << QStringLiteral("backtest");
    }

    void badInputIsRefusedClearly()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const auto r = evaluate(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestEvaluate)
#include "test_evaluate.moc"
