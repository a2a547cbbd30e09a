// The journal as a new user meets it, through the real executable: one process per data folder,
// damage and unreadable values refused with advice (and the file left alone), `journal check` and
// `journal restore`, a failing disk halting trading, a halt surviving a restart, a far-future demo
// clock, signals at any moment and range-checked numbers on the command line.
#include "tests/support/apprunner.h"
#include "tests/support/journalcheck.h"
#include "tests/support/testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTest>

#include <csignal>

using namespace testsupport;

namespace {

QString journalOf(const QString &dir) { return dir + QStringLiteral("/memedesk.sqlite"); }

QStringList headlessArgs(const QString &dir, const QStringList &more = {})
{
    return QStringList{QStringLiteral("--data-dir"), dir, QStringLiteral("--speed"), QStringLiteral("100"),
                       QStringLiteral("--status-interval"), QStringLiteral("1")}
        + more;
}


//! A data folder with a journal that has fills, left by a clean stop (SIGTERM).
QString tradedFolder()
{
    const QString dir = makeTempDir(QStringLiteral("memedesk-journal"));
    auto app = startApp(headlessArgs(dir));
    QString out;
    QElapsedTimer t;
    t.start();
    while (maxFillsIn(out) <= 0 && t.elapsed() < 90000)
        waitForOutput(*app, &out, QStringLiteral("\n[never]"), 500);
    ::kill(pid_t(app->processId()), SIGTERM);
    app->waitForFinished(20000);
    if (maxFillsIn(out) <= 0)
        qWarning("no fill within 90 s: %s", qPrintable(out.right(800)));
    return dir;
}

//! Copies a folder (journal, backups) so each case damages its own copy.
QString copyFolder(const QString &from)
{
    const QString to = makeTempDir(QStringLiteral("memedesk-copy"));
    QDir src(from);
    for (const QString &f : src.entryList(QDir::Files))
        QFile::copy(src.filePath(f), to + QLatin1Char('/') + f);
    if (src.exists(QStringLiteral("backups"))) {
        QDir().mkpath(to + QStringLiteral("/backups"));
        QDir b(src.filePath(QStringLiteral("backups")));
        for (const QString &f : b.entryList(QDir::Files))
            QFile::copy(b.filePath(f), to + QStringLiteral("/backups/") + f);
    }
    return to;
}

} // namespace

class TestJournalSafety : public QObject {
    Q_OBJECT
    QString m_traded; // a folder with fills and a backup, copied by the cases that damage it

private Q_SLOTS:
    void initTestCase()
    {
        if (appPath().isEmpty())
            QSKIP("MEMEDESK_APP is not set (run through ctest)");
        m_traded = tradedFolder();
        // a second start takes the first backup (the journal existed) and restores cleanly
        const AppRun again = runApp(headlessArgs(m_traded, {QStringLiteral("--exit-after"), QStringLiteral("2")}));
        QCOMPARE(again.exitCode, 0);
        QVERIFY(QDir(m_traded + QStringLiteral("/backups")).entryList(QDir::Files).size() >= 1);
        QVERIFY(auditJournalFile(journalOf(m_traded)).isEmpty());
    }

    void theRestoredJournalLineReachesTheLogFile()
    {
        QFile log(m_traded + QStringLiteral("/memedesk.log"));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(log.readAll());
        QVERIFY2(text.contains(QLatin1String("restored journal: cash")), qPrintable(text.right(1500)));
    }

    void aKeychainThatCannotBeAskedIsLogged()
    {
        // No session bus: the Secret Service cannot be reached. The app runs on (demo needs no
        // keys) and says so in its log instead of dropping the error.
        const QString dir = makeTempDir(QStringLiteral("memedesk-nokeychain"));
        QProcessEnvironment env = headlessEnv();
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
        const AppRun r = runApp(headlessArgs(dir, {QStringLiteral("--exit-after"), QStringLiteral("3")}), 60000, env);
        QCOMPARE(r.exitCode, 0);
        QFile log(dir + QStringLiteral("/memedesk.log"));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(log.readAll());
        QVERIFY2(text.contains(QLatin1String("the OS keychain could not be asked")), qPrintable(text.right(1500)));
    }

    void aSecondInstanceOnTheSameFolderIsTurnedAway()
    {
        const QString dir = copyFolder(m_traded);
        auto first = startApp(headlessArgs(dir));
        QString out;
        QVERIFY2(waitForOutput(*first, &out, QStringLiteral("RUNNING"), 60000), qPrintable(out));
        const AppRun second = runApp(headlessArgs(dir, {QStringLiteral("--exit-after"), QStringLiteral("5")}));
        QCOMPARE(second.exitCode, 1);
        QVERIFY2(second.out.contains(QLatin1String("already running")), qPrintable(second.out));
        QVERIFY2(second.out.contains(QStringLiteral("process %1").arg(first->processId())), qPrintable(second.out));
        QVERIFY(!second.out.contains(QLatin1String("RUNNING")));
        // the first one trades on undisturbed, then stops cleanly
        out.clear();
        QVERIFY(waitForOutput(*first, &out, QStringLiteral("RUNNING"), 10000));
        ::kill(pid_t(first->processId()), SIGTERM);
        QVERIFY(first->waitForFinished(20000));
        QCOMPARE(first->exitCode(), 0);
        QVERIFY(auditJournalFile(journalOf(dir)).isEmpty());
    }

    void aDamagedJournalIsRefusedLeftAloneAndRestored()
    {
        const QString dir = copyFolder(m_traded);
        const QString journal = journalOf(dir);
        const int page = querySql(journal, QStringLiteral("SELECT rootpage FROM sqlite_master WHERE name = 'balances'")).toInt();
        QVERIFY(page > 1);
        {
            QFile f(journal);
            QVERIFY(f.open(QIODevice::ReadWrite));
            f.seek(qint64(page - 1) * 4096);
            f.write(QByteArray(48, char(0xA5))); // the page's b-tree header
        }
        const QByteArray before = fileDigest(journal);
        const AppRun refused = runApp(headlessArgs(dir, {QStringLiteral("--exit-after"), QStringLiteral("5")}));
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.out.contains(journal) && refused.out.contains(QLatin1String("damaged")), qPrintable(refused.out));
        QVERIFY2(refused.out.contains(QLatin1String("Newest backup:")), qPrintable(refused.out));
        QVERIFY(refused.out.contains(QLatin1String("memedesk journal restore --data-dir")));
        QVERIFY(!refused.out.contains(QLatin1String("RUNNING")));
        QCOMPARE(fileDigest(journal), before); // never written to

        const AppRun check = runApp({QStringLiteral("journal"), QStringLiteral("check"), QStringLiteral("--data-dir"), dir});
        QCOMPARE(check.exitCode, 1);
        QVERIFY2(check.out.contains(QLatin1String("DAMAGED")), qPrintable(check.out));
        QVERIFY(check.out.contains(QLatin1String("ok"))); // the backup verifies
        QCOMPARE(fileDigest(journal), before);

        const AppRun restore = runApp({QStringLiteral("journal"), QStringLiteral("restore"), QStringLiteral("--data-dir"), dir});
        QCOMPARE(restore.exitCode, 0);
        QVERIFY2(restore.out.contains(QLatin1String("restored")), qPrintable(restore.out));
        QVERIFY(!QDir(dir).entryList({QStringLiteral("memedesk.sqlite.replaced-*")}, QDir::Files).isEmpty());
        QCOMPARE(runApp({QStringLiteral("journal"), QStringLiteral("check"), QStringLiteral("--data-dir"), dir}).exitCode, 0);
        const AppRun back = runApp(headlessArgs(dir, {QStringLiteral("--exit-after"), QStringLiteral("3")}));
        QCOMPARE(back.exitCode, 0);
        QVERIFY2(back.out.contains(QLatin1String("RUNNING")), qPrintable(back.out));
    }

    void unreadableOrInconsistentJournalsRefuseTheStart_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unreadable balances row")
            << "UPDATE balances SET free = 'x' WHERE asset = 'USDT'" << "Journal balances row 'USDT' cannot be read";
        QTest::newRow("position quantity 1e999")
            << "UPDATE positions SET qty = '1e999' WHERE rowid = (SELECT MIN(rowid) FROM positions)" << "1e999";
        QTest::newRow("fills table missing") << "DROP TABLE fills" << "fills missing";
        QTest::newRow("schema_version missing") << "DROP TABLE schema_version" << "no schema_version table";
        QTest::newRow("cash that the fills do not give")
            << "UPDATE balances SET free = '99999' WHERE asset = 'USDT'" << "does not add up";
        QTest::newRow("a fill deleted") << "DELETE FROM fills WHERE rowid = (SELECT MAX(rowid) FROM fills)"
                                        << "does not add up";
        QTest::newRow("unreadable demo seed") << "UPDATE settings SET value = 'forty-two' WHERE key = 'demo.seed'"
                                              << "demo.seed ('forty-two') is not a whole number";
        QTest::newRow("unreadable starting equity")
            << "UPDATE settings SET value = '' WHERE key = 'portfolio.starting_equity'" << "starting_equity";
    }

    void unreadableOrInconsistentJournalsRefuseTheStart()
    {
        QFETCH(QString, sql);
        QFETCH(QString, expected);
        const QString dir = copyFolder(m_traded);
        QString error;
        QVERIFY2(execSql(journalOf(dir), sql, &error), qPrintable(error));
        const QByteArray before = fileDigest(journalOf(dir));
        const AppRun r = runApp(headlessArgs(dir, {QStringLiteral("--exit-after"), QStringLiteral("5")}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(expected), qPrintable(r.out));
        QVERIFY(r.out.contains(QLatin1String("will not trade on it")));
        QVERIFY(!r.out.contains(QLatin1String("RUNNING")));
        QCOMPARE(fileDigest(journalOf(dir)), before);
    }

    void anEmptyJournalFileIsNotANewAccount()
    {
        const QString dir = makeTempDir(QStringLiteral("memedesk-empty"));
        QFile(journalOf(dir)).open(QIODevice::WriteOnly);
        const AppRun r = runApp(headlessArgs(dir, {QStringLiteral("--exit-after"), QStringLiteral("5")}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QLatin1String("empty (0 bytes)")), qPrintable(r.out));
        QCOMPARE(QFileInfo(journalOf(dir)).size(), 0);
    }

    void aJournalThatCannotWriteHaltsTrading()
    {
        const QString dir = copyFolder(m_traded);
        // From now on the disk refuses new orders, as a full or read-only disk does.
        QVERIFY(execSql(journalOf(dir), QStringLiteral("CREATE TRIGGER full_disk BEFORE INSERT ON orders BEGIN "
                                                       "SELECT RAISE(ABORT, 'database or disk is full'); END")));
        const qint64 ordersBefore = querySql(journalOf(dir), QStringLiteral("SELECT COUNT(*) FROM orders")).toLongLong();
        auto app = startApp(headlessArgs(dir));
        QString out;
        const bool halted = waitForOutput(*app, &out, QStringLiteral("halted: journal write failed"), 120000);
        ::kill(pid_t(app->processId()), SIGTERM);
        app->waitForFinished(20000);
        out += QString::fromUtf8(app->readAll());
        QVERIFY2(halted, qPrintable(out.right(2000)));
        QVERIFY(out.contains(QLatin1String("disk is full")));
        // never ACTIVE again once halted, and no order was sent that the journal did not keep
        const QString after = out.mid(out.indexOf(QLatin1String("halted: journal write failed")));
        QVERIFY2(!after.contains(QLatin1String("RUNNING ACTIVE")), qPrintable(after.left(2000)));
        QVERIFY(!after.contains(QLatin1String("risk: denied BUY")) || after.contains(QLatin1String("trading halted")));
        QCOMPARE(querySql(journalOf(dir), QStringLiteral("SELECT COUNT(*) FROM orders")).toLongLong(), ordersBefore);
        QVERIFY(auditJournalFile(journalOf(dir)).isEmpty());
    }

    void aDailyLossHaltSurvivesARestart()
    {
        // A new account with a loss limit of one cent: the first fee halts trading.
        const QString dir = makeTempDir(QStringLiteral("memedesk-halt"));
        QCOMPARE(runApp(headlessArgs(dir, {QStringLiteral("--no-autostart"), QStringLiteral("--exit-after"), QStringLiteral("1")})).exitCode, 0);
        QVERIFY(execSql(journalOf(dir), QStringLiteral("INSERT INTO settings (key, value) VALUES "
                                                       "('config', '{\"risk\":{\"dailyLossLimit\":\"0.01\"}}') "
                                                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value")));
        auto app = startApp(headlessArgs(dir));
        QString out;
        const bool halted = waitForOutput(*app, &out, QStringLiteral("halted: daily loss limit"), 120000);
        ::kill(pid_t(app->processId()), SIGTERM);
        app->waitForFinished(20000);
        QVERIFY2(halted, qPrintable(out.right(1500)));
        QCOMPARE(querySql(journalOf(dir), QStringLiteral("SELECT value FROM settings WHERE key = 'risk.state'")),
                 QStringLiteral("HALTED"));
        // the same (simulated) UTC day: HALTED from the first status line on, today's PnL kept
        const AppRun again = runApp(headlessArgs(dir, {QStringLiteral("--exit-after"), QStringLiteral("3")}));
        QCOMPARE(again.exitCode, 0);
        const QString firstStatus = again.out.section(QLatin1Char('\n'), 0, -1).split(QLatin1Char('\n')).filter(QStringLiteral("] ")).value(0);
        QVERIFY2(firstStatus.contains(QLatin1String("HALTED")), qPrintable(again.out.left(1500)));
        QVERIFY(!again.out.contains(QLatin1String("RUNNING ACTIVE")));
        QVERIFY(!firstStatus.contains(QLatin1String("today +0.00")));
    }

    void aFarFutureDemoClockJumpsInsteadOfReplaying()
    {
        const QString dir = copyFolder(m_traded);
        const qint64 weekLater = 1767225600000LL + 7LL * 86'400'000;
        QVERIFY(execSql(journalOf(dir), QStringLiteral("UPDATE settings SET value = '%1' WHERE key = 'engine.clock_ms'").arg(weekLater)));
        QElapsedTimer t;
        t.start();
        auto app = startApp(headlessArgs(dir));
        QString out;
        QVERIFY2(waitForOutput(*app, &out, QStringLiteral("RUNNING"), 60000), qPrintable(out));
        const qint64 upMs = t.elapsed();
        t.restart();
        ::kill(pid_t(app->processId()), SIGTERM);
        QVERIFY(app->waitForFinished(20000));
        const qint64 stopMs = t.elapsed();
        out += QString::fromUtf8(app->readAll());
        qInfo("a week ahead: running after %lld ms, stopped %lld ms after SIGTERM", upMs, stopMs);
        QCOMPARE(app->exitCode(), 0);
        QVERIFY2(out.contains(QLatin1String("[2026-01-08 ")), qPrintable(out.left(1200)));
        QVERIFY(out.trimmed().endsWith(QLatin1String("stopped")));
    }

    void signalsStopCleanlyAtAnyMoment_data()
    {
        QTest::addColumn<int>("signal");
        QTest::addColumn<int>("afterMs"); // -1 = once running
        QTest::newRow("SIGTERM while running") << int(SIGTERM) << -1;
        QTest::newRow("SIGINT while running") << int(SIGINT) << -1;
        QTest::newRow("SIGHUP while running") << int(SIGHUP) << -1;
        QTest::newRow("SIGTERM during start-up") << int(SIGTERM) << 150;
        QTest::newRow("SIGHUP during start-up") << int(SIGHUP) << 250;
    }

    void signalsStopCleanlyAtAnyMoment()
    {
        QFETCH(int, signal);
        QFETCH(int, afterMs);
        const QString dir = copyFolder(m_traded);
        auto app = startApp(headlessArgs(dir));
        QString out;
        if (afterMs < 0)
            QVERIFY2(waitForOutput(*app, &out, QStringLiteral("RUNNING"), 60000), qPrintable(out));
        else
            QTest::qWait(afterMs);
        QElapsedTimer t;
        t.start();
        ::kill(pid_t(app->processId()), signal);
        QVERIFY(app->waitForFinished(20000));
        qInfo("stopped %lld ms after the signal", t.elapsed());
        out += QString::fromUtf8(app->readAll());
        QCOMPARE(app->exitStatus(), QProcess::NormalExit);
        QCOMPARE(app->exitCode(), 0);
        QVERIFY2(out.trimmed().endsWith(QLatin1String("stopped")), qPrintable(out.right(600)));
        QVERIFY(auditJournalFile(journalOf(dir)).isEmpty());
    }

    void numbersOnTheCommandLineAreRangeChecked()
    {
        const QString dir = makeTempDir(QStringLiteral("memedesk-args"));
        AppRun r = runApp({QStringLiteral("--data-dir"), QString()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.out.contains(QLatin1String("--data-dir needs a folder")), qPrintable(r.out));
        r = runApp({QStringLiteral("--data-dir"), dir, QStringLiteral("--exit-after"), QStringLiteral("99999999999")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.contains(QLatin1String("--exit-after must be")));
        r = runApp({QStringLiteral("--data-dir"), dir, QStringLiteral("--speed"), QStringLiteral("nan")});
        QCOMPARE(r.exitCode, 2);
        r = runApp({QStringLiteral("--data-dir"), dir, QStringLiteral("--status-interval"), QStringLiteral("0")});
        QCOMPARE(r.exitCode, 2);
        // a long but valid --exit-after runs (no timer overflow) and still stops on SIGTERM
        auto app = startApp({QStringLiteral("--data-dir"), dir, QStringLiteral("--exit-after"), QStringLiteral("3000000"),
                             QStringLiteral("--status-interval"), QStringLiteral("1")});
        QString out;
        QVERIFY2(waitForOutput(*app, &out, QStringLiteral("RUNNING"), 60000), qPrintable(out));
        ::kill(pid_t(app->processId()), SIGTERM);
        QVERIFY(app->waitForFinished(20000));
        out += QString::fromUtf8(app->readAll());
        QCOMPARE(app->exitCode(), 0);
        QVERIFY2(!out.contains(QLatin1String("negative")), qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(TestJournalSafety)
#include "test_journalsafety.moc"
