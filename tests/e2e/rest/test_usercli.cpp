// `memedesk user …` as an operator runs it to create the remote API's first admin: the password
// comes from standard input and never shows on the screen or in the output; bad names, roles and
// passwords are refused with exit code 2 and change nothing.
#include "tests/support/apprunner.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QTest>

namespace {

testsupport::CliRun user(const QString &dir, const QStringList &args, const QByteArray &input = {})
{
    return testsupport::runCli(QStringList{QStringLiteral("user")} + args + QStringList{QStringLiteral("--data-dir"), dir}, input, 60'000);
}

} // namespace

class TestUserCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("MEMEDESK_APP"))
            QSKIP("MEMEDESK_APP is not set (ctest sets it)");
    }

    void theFirstAdminIsCreatedFromStandardInput()
    {
        const QString dir = testsupport::makeTempDir(QStringLiteral("memedesk-usercli"));
        const QByteArray password = "a long enough passphrase";
        const auto added = user(dir, {QStringLiteral("add"), QStringLiteral("alice"), QStringLiteral("--role"), QStringLiteral("admin")},
                               password + '\n');
        QVERIFY2(added.exitCode == 0, added.err.constData());
        QVERIFY(!added.out.contains(password) && !added.err.contains(password));
        QVERIFY(QFile::exists(dir + QStringLiteral("/api-users.sqlite")));

        const auto list = user(dir, {QStringLiteral("list")});
        QCOMPARE(list.exitCode, 0);
        QCOMPARE(list.out, QByteArray("alice\tadmin\n"));

        QCOMPARE(user(dir, {QStringLiteral("add"), QStringLiteral("alice"), QStringLiteral("--role"), QStringLiteral("viewer")}, password + '\n').exitCode, 2);
        QCOMPARE(user(dir, {QStringLiteral("add"), QStringLiteral("bob"), QStringLiteral("--role"), QStringLiteral("root")}, password + '\n').exitCode, 2);
        QCOMPARE(user(dir, {QStringLiteral("add"), QStringLiteral("bob")}, password + '\n').exitCode, 2); // no role
        QCOMPARE(user(dir, {QStringLiteral("add"), QStringLiteral("bob"), QStringLiteral("--role"), QStringLiteral("viewer")}, "short\n").exitCode, 2);
        QCOMPARE(user(dir, {QStringLiteral("add"), QStringLiteral("bob"), QStringLiteral("--role"), QStringLiteral("viewer")}).exitCode, 2); // no input
        QCOMPARE(user(dir, {QStringLiteral("add"), QStringLiteral("x'; DROP TABLE api_users;--"), QStringLiteral("--role"), QStringLiteral("viewer")},
                      password + '\n')
                     .exitCode,
                 2);
        QCOMPARE(user(dir, {QStringLiteral("list")}).out, QByteArray("alice\tadmin\n")); // nothing changed

        QCOMPARE(user(dir, {QStringLiteral("role"), QStringLiteral("alice"), QStringLiteral("trader")}).exitCode, 0);
        QCOMPARE(user(dir, {QStringLiteral("password"), QStringLiteral("alice")}, "another long passphrase\n").exitCode, 0);
        QCOMPARE(user(dir, {QStringLiteral("list")}).out, QByteArray("alice\ttrader\n"));
        QCOMPARE(user(dir, {QStringLiteral("delete"), QStringLiteral("alice")}).exitCode, 0);
        QCOMPARE(user(dir, {QStringLiteral("delete"), QStringLiteral("alice")}).exitCode, 2);
        QCOMPARE(user(dir, {QStringLiteral("list")}).out, QByteArray());
        QCOMPARE(user(dir, {QStringLiteral("frobnicate")}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestUserCli)
#include "test_usercli.moc"
