// Twenty hard kills (SIGKILL, no shutdown code at all) at random moments of a trading session,
// each followed by a restart on the same data folder; after every kill the journal is replayed
// independently (plain SQL, no Memedesk code) and its cash, positions, realized PnL and fees must
// match what it stored, to the last digit.
#include "tests/support/apprunner.h"
#include "tests/support/journalcheck.h"
#include "tests/support/testsupport.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

#include <csignal>

using namespace testsupport;

class TestKillLoop : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (appPath().isEmpty())
            QSKIP("MEMEDESK_APP is not set (run through ctest)");
    }

    void twentyRandomKillsLoseAndInventNothing()
    {
        const QString dir = makeTempDir(QStringLiteral("memedesk-kills"));
        const QString journal = dir + QStringLiteral("/memedesk.sqlite");
        const QStringList args{QStringLiteral("--data-dir"), dir, QStringLiteral("--speed"), QStringLiteral("100"),
                               QStringLiteral("--status-interval"), QStringLiteral("1")};
        QRandomGenerator rng(20261125); // reproducible "random" moments
        qint64 fills = 0;
        for (int round = 1; round <= 20; ++round) {
            auto app = startApp(args);
            QString out;
            // Half the kills land once it trades, half at any moment (start-up, reconciliation included).
            if (round % 2 == 0)
                QVERIFY2(waitForOutput(*app, &out, QStringLiteral("RUNNING"), 60000), qPrintable(out.right(800)));
            QTest::qWait(int(rng.bounded(300, 4000)));
            ::kill(pid_t(app->processId()), SIGKILL);
            QVERIFY(app->waitForFinished(10000));
            out += QString::fromUtf8(app->readAll());
            QVERIFY2(!out.contains(QLatin1String("already running")), qPrintable(out.left(800)));
            QVERIFY2(!out.contains(QLatin1String("will not trade on it")), qPrintable(out.left(2000)));
            qint64 now = 0;
            const QStringList problems = auditJournalFile(journal, &now);
            QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("round %1: %2").arg(round).arg(problems.join(QStringLiteral("; ")))));
            QVERIFY2(now >= fills, "a fill disappeared");
            fills = now;
        }
        qInfo("20 kills, %lld fills journaled, every replay matched", fills);
        QVERIFY(fills > 0);
        // the journal still passes the app's own check, and the app trades on from it
        const AppRun check = runApp({QStringLiteral("journal"), QStringLiteral("check"), QStringLiteral("--data-dir"), dir});
        QVERIFY2(check.exitCode == 0, qPrintable(check.out));
        const AppRun last = runApp(args + QStringList{QStringLiteral("--exit-after"), QStringLiteral("3")});
        QCOMPARE(last.exitCode, 0);
        static const QRegularExpression re(QStringLiteral("\\| fills (\\d+)"));
        const auto m = re.match(last.out);
        QVERIFY2(m.hasMatch() && m.captured(1).toLongLong() >= fills, qPrintable(last.out.left(800)));
    }
};

QTEST_GUILESS_MAIN(TestKillLoop)
#include "test_killloop.moc"
