// `memedesk secrets set/list/delete` against the real Secret Service (a throwaway GNOME keyring in
// the test session): the value goes in through standard input and never comes out again.
#include "tests/support/apprunner.h"

#include <QProcess>
#include <QTest>
#include <QRegularExpression>
#include <QUuid>

using namespace testsupport;

namespace {
QProcessEnvironment keychainEnv(const QString &service)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment(); // keeps the session bus
    env.insert(QStringLiteral("MEMEDESK_KEYCHAIN_SERVICE"), service);
    return env;
}

AppRun secrets(const QStringList &args, const QString &service, const QByteArray &stdinData = {})
{
    QProcess p;
    p.setProcessEnvironment(keychainEnv(service));
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(appPath(), QStringList{QStringLiteral("secrets")} + args);
    p.waitForStarted(10000);
    if (!stdinData.isNull())
        p.write(stdinData);
    p.closeWriteChannel();
    AppRun r;
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitCode();
    r.out = QString::fromUtf8(p.readAll());
    return r;
}
} // namespace

class TestSecretsCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (appPath().isEmpty())
            QSKIP("MEMEDESK_APP is not set (run through ctest)");
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("no D-Bus session: run through scripts/test");
    }

    void setListDeleteRoundTrip()
    {
        const QString service = QStringLiteral("memedesk-test-cli-") + QUuid::createUuid().toString(QUuid::Id128);
        const QByteArray secret = "cli-secret-" + QUuid::createUuid().toString(QUuid::Id128).toLatin1();

        AppRun r = secrets({QStringLiteral("list")}, service);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("binance\\.api_key\\s+not set"))), qPrintable(r.out));

        r = secrets({QStringLiteral("set"), QStringLiteral("binance.api_key")}, service, secret + "\n");
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("binance.api_key stored in the keychain")), qPrintable(r.out));
        QVERIFY(!r.out.contains(QString::fromLatin1(secret)));

        r = secrets({QStringLiteral("list")}, service);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("binance\\.api_key\\s+set"))), qPrintable(r.out));
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("binance\\.api_secret\\s+not set"))), qPrintable(r.out));
        QVERIFY(!r.out.contains(QString::fromLatin1(secret))); // never the value

        r = secrets({QStringLiteral("delete"), QStringLiteral("binance.api_key")}, service);
        QCOMPARE(r.exitCode, 0);
        r = secrets({QStringLiteral("list")}, service);
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("binance\\.api_key\\s+not set"))), qPrintable(r.out));
    }

    void badUsageChangesNothing()
    {
        const QString service = QStringLiteral("memedesk-test-cli-") + QUuid::createUuid().toString(QUuid::Id128);
        AppRun r = secrets({QStringLiteral("set"), QStringLiteral("binance.apikey")}, service, "x\n"); // a typo
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.contains(QLatin1String("unknown secret name")));
        r = secrets({QStringLiteral("set"), QStringLiteral("binance.api_key")}, service, QByteArray("")); // no value
        QCOMPARE(r.exitCode, 2);
        r = secrets({QStringLiteral("set"), QStringLiteral("binance.api_key"), QStringLiteral("value-on-cmdline")}, service);
        QCOMPARE(r.exitCode, 2); // a value in the arguments would show in the process list
        r = secrets({QStringLiteral("list")}, service);
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("binance\\.api_key\\s+not set"))), qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestSecretsCli)
#include "test_secretscli.moc"
