// A crash leaves a readable report: the real executable, made to die of SIGSEGV or SIGABRT
// (MEMEDESK_CRASH_TEST) while it trades the demo market with a Binance key in the keychain, writes
// crash-reports/crash-*.txt with the version, the signal, a stack trace and the last log lines —
// and never the key. The next start says where the report is, once.
#include "tests/support/apprunner.h"
#include "tests/support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTest>
#include <QUuid>

using testsupport::appPath;
using testsupport::headlessEnv;

namespace {
//! A keychain service of this test's own: other tests running beside it expect no Binance key.
QProcessEnvironment crashEnv()
{
    QProcessEnvironment env = headlessEnv();
    env.insert(QStringLiteral("MEMEDESK_KEYCHAIN_SERVICE"), QStringLiteral("memedesk-test-crashreport"));
    return env;
}

//! `memedesk secrets …` in that service.
int secrets(const QStringList &args, const QByteArray &input)
{
    QProcess p;
    p.setProcessEnvironment(crashEnv());
    p.start(appPath(), QStringList{QStringLiteral("secrets")} + args);
    p.write(input);
    p.closeWriteChannel();
    return p.waitForFinished(60000) ? p.exitCode() : -1;
}
} // namespace

class TestCrashReport : public QObject {
    Q_OBJECT
    QByteArray m_secret;

    void crashOnce(const QString &dir, const char *kind, QProcess::ExitStatus *status, QString *out)
    {
        QProcess p;
        QProcessEnvironment env = crashEnv();
        env.insert(QStringLiteral("MEMEDESK_CRASH_TEST"), QLatin1String(kind));
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(appPath(), {QStringLiteral("--headless"), QStringLiteral("--data-dir"), dir, QStringLiteral("--speed"), QStringLiteral("100"),
                            QStringLiteral("--exit-after"), QStringLiteral("60")});
        QVERIFY(p.waitForFinished(60000));
        *status = p.exitStatus();
        *out = QString::fromUtf8(p.readAll());
    }

    //! The one report in `dir` (its file name in *name).
    static QByteArray onlyReport(const QString &dir, QString *name = nullptr)
    {
        const QStringList reports = QDir(dir + QStringLiteral("/crash-reports")).entryList({QStringLiteral("crash-*.txt")});
        if (reports.size() != 1)
            return {};
        QFile file(dir + QStringLiteral("/crash-reports/") + reports.first());
        if (!file.open(QIODevice::ReadOnly))
            return {};
        if (name)
            *name = reports.first();
        return file.readAll();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (appPath().isEmpty())
            QSKIP("MEMEDESK_APP is not set (run through ctest)");
        // A key in the keychain the app reads at start: it must never reach a report.
        m_secret = "CRASHTESTKEY" + QUuid::createUuid().toByteArray(QUuid::Id128);
        QCOMPARE(secrets({QStringLiteral("set"), QStringLiteral("binance.api_key")}, m_secret + '\n'), 0);
    }

    void cleanupTestCase()
    {
        (void)secrets({QStringLiteral("delete"), QStringLiteral("binance.api_key")}, {});
    }

    void aSegfaultLeavesAReport()
    {
        const QString dir = testsupport::makeTempDir(QStringLiteral("memedesk-crash"));
        QProcess::ExitStatus status = QProcess::NormalExit;
        QString out;
        crashOnce(dir, "segv", &status, &out);
        QCOMPARE(status, QProcess::CrashExit);
        QString name;
        const QByteArray report = onlyReport(dir, &name);
        QVERIFY2(report.startsWith("Memedesk crash report\nversion: memedesk "), report.left(200).constData());
        QVERIFY(report.contains("signal: 11 SIGSEGV"));
        const QByteArray stack = report.mid(report.indexOf("stack"), report.indexOf("last log lines") - report.indexOf("stack"));
        QVERIFY2(stack.count('\n') >= 5, stack.constData());
        QVERIFY(stack.contains("main")); // the program's own symbols are named
        QVERIFY2(report.contains("engine RUNNING"), report.right(1500).constData());
        QVERIFY(!report.contains(m_secret));
        QVERIFY(!out.contains(QString::fromLatin1(m_secret)));
        QCOMPARE(QFile(dir + QStringLiteral("/crash-reports/") + name).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
                 QFileDevice::Permissions());

        // The next start says where it is; the one after does not say it again.
        const auto next = testsupport::runApp({QStringLiteral("--headless"), QStringLiteral("--data-dir"), dir, QStringLiteral("--exit-after"), QStringLiteral("2")},
                                              60000, crashEnv());
        QCOMPARE(next.exitCode, 0);
        QVERIFY2(next.out.contains(QStringLiteral("stopped unexpectedly last time")) && next.out.contains(name), qPrintable(next.out));
        const auto after = testsupport::runApp({QStringLiteral("--headless"), QStringLiteral("--data-dir"), dir, QStringLiteral("--exit-after"), QStringLiteral("2")},
                                               60000, crashEnv());
        QVERIFY(!after.out.contains(QStringLiteral("stopped unexpectedly")));
    }

    void anAbortLeavesAReportToo()
    {
        const QString dir = testsupport::makeTempDir(QStringLiteral("memedesk-abort"));
        QProcess::ExitStatus status = QProcess::NormalExit;
        QString out;
        crashOnce(dir, "abort", &status, &out);
        QCOMPARE(status, QProcess::CrashExit);
        QVERIFY(onlyReport(dir).contains("signal: 6 SIGABRT"));
    }
};

QTEST_GUILESS_MAIN(TestCrashReport)
#include "test_crashreport.moc"
