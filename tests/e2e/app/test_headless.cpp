// The memedesk executable itself: --help/--version, bad arguments, headless status
// lines with fills, and a hard kill (SIGKILL) followed by a restart on the same data dir.
#include "tests/support/apprunner.h"
#include "tests/support/journalcheck.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using testsupport::appPath;
using testsupport::headlessEnv;
using testsupport::maxFillsIn;

class TestHeadless : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (appPath().isEmpty())
            QSKIP("MEMEDESK_APP is not set (run through ctest)");
    }

    void helpVersionAndBadArguments()
    {
        QProcess p;
        p.start(appPath(), {QStringLiteral("--help")});
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitCode(), 0);
        const QString help = QString::fromUtf8(p.readAllStandardOutput());
        for (const char *opt : {"--headless", "--data-dir", "--demo-seed", "--speed", "--version"})
            QVERIFY2(help.contains(QLatin1String(opt)), opt);
        p.start(appPath(), {QStringLiteral("--version")});
        QVERIFY(p.waitForFinished(20000));
        QVERIFY(QString::fromUtf8(p.readAllStandardOutput()).startsWith(QLatin1String("memedesk ")));
        p.start(appPath(), {QStringLiteral("--speed"), QStringLiteral("1000")});
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(QLatin1String("--speed must be")));
        p.start(appPath(), {QStringLiteral("--bogus")});
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitCode(), 2);
        p.start(appPath(), {QStringLiteral("--mode"), QStringLiteral("paper")});
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitCode(), 2);
    }

    void liveWithoutKeysSaysSoInsteadOfRunningDemo()
    {
        for (const char *mode : {"live"}) {
            const QString dir = testsupport::makeTempDir(QStringLiteral("memedesk-mode"));
            QProcess p;
            p.setProcessEnvironment(headlessEnv());
            p.setProcessChannelMode(QProcess::MergedChannels);
            QStringList args{QStringLiteral("--data-dir"), dir, QStringLiteral("--mode"), QLatin1String(mode),
                             QStringLiteral("--exit-after"), QStringLiteral("5")};
            if (QLatin1String(mode) == QLatin1String("live"))
                args << QStringLiteral("--confirm-live");
            p.start(appPath(), args);
            QVERIFY(p.waitForFinished(20000));
            const QString out = QString::fromUtf8(p.readAll());
            QCOMPARE(p.exitCode(), 1);
            QVERIFY2(out.contains(QLatin1String("Binance Spot needs binance.api_key, binance.api_secret in the keychain")),
                     qPrintable(out));
            QVERIFY(out.contains(QLatin1String("Available: demo, dry-run")));
            QVERIFY(!out.contains(QLatin1String("RUNNING")));
            QVERIFY2(!QFile::exists(dir + QStringLiteral("/memedesk.sqlite")), "nothing is created for a mode that cannot run");
        }
    }

    void statusLinesShowFillsThenSurviveAKill()
    {
        const QString dir = testsupport::makeTempDir(QStringLiteral("memedesk-headless"));
        QProcess p;
        p.setProcessEnvironment(headlessEnv());
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(appPath(), {QStringLiteral("--data-dir"), dir, QStringLiteral("--speed"), QStringLiteral("100"),
                            QStringLiteral("--status-interval"), QStringLiteral("1")});
        QVERIFY(p.waitForStarted(10000));
        QString out;
        QTRY_VERIFY_WITH_TIMEOUT((out += QString::fromUtf8(p.readAll()), maxFillsIn(out) > 0), 120000);
#ifdef MEMEDESK_HAS_GUI
        // a desktop build falls back to headless by itself when there is no display
        QVERIFY2(out.contains(QLatin1String("no display found: running headless")), qPrintable(out.left(500)));
#endif
        QVERIFY(out.contains(QStringLiteral("headless — Ctrl-C to stop")));
        QVERIFY(out.contains(QLatin1String("RUNNING")));
        QVERIFY(out.contains(QLatin1String("equity")));
        QVERIFY(out.contains(QLatin1String(", last: BUY")));
        // a hard kill: no shutdown code runs at all
        p.kill();
        QVERIFY(p.waitForFinished(10000));

        // the journal is consistent on its own after the crash
        engine::JournalSnapshot journal;
        const auto replay = testsupport::replayJournal(dir + QStringLiteral("/memedesk.sqlite"),
                                                       engine::Decimal::fromInt(10000), &journal);
        QVERIFY(replay.fills > 0);

        // restart on the same data: it restores, reconciles and runs, fills not lost
        QProcess again;
        again.setProcessEnvironment(headlessEnv());
        again.setProcessChannelMode(QProcess::MergedChannels);
        again.start(appPath(), {QStringLiteral("--data-dir"), dir, QStringLiteral("--speed"), QStringLiteral("100"),
                                QStringLiteral("--status-interval"), QStringLiteral("1"),
                                QStringLiteral("--exit-after"), QStringLiteral("6")});
        QVERIFY(again.waitForFinished(60000));
        const QString out2 = QString::fromUtf8(again.readAll());
        QCOMPARE(again.exitCode(), 0);
        QVERIFY2(out2.contains(QLatin1String("RUNNING")), qPrintable(out2.left(800)));
        QVERIFY2(maxFillsIn(out2) >= replay.fills, qPrintable(out2.left(800)));
        QVERIFY(out2.trimmed().endsWith(QLatin1String("stopped")));
    }
};

QTEST_GUILESS_MAIN(TestHeadless)
#include "test_headless.moc"
