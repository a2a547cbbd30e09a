#include "tests/support/apprunner.h"

#include <QCoreApplication>

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>

#include <atomic>

namespace testsupport {

QString appPath() { return qEnvironmentVariable("MEMEDESK_APP"); }

QProcessEnvironment headlessEnv()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.insert(QStringLiteral("MEMEDESK_KEYCHAIN_SERVICE"), QStringLiteral("memedesk-test-e2e"));
    return env;
}

AppRun runApp(const QStringList &arguments, int timeoutMs, const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env.isEmpty() ? headlessEnv() : env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(appPath(), arguments);
    AppRun r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.out = QString::fromUtf8(p.readAll()) + QStringLiteral("\n[killed after %1 ms]").arg(timeoutMs);
        return r;
    }
    r.crashed = p.exitStatus() == QProcess::CrashExit;
    r.exitCode = p.exitCode();
    r.out = QString::fromUtf8(p.readAll());
    return r;
}

CliRun runCli(const QStringList &arguments, const QByteArray &input, int timeoutMs)
{
    QProcess p;
    p.setProcessEnvironment(headlessEnv());
    p.start(appPath(), arguments);
    p.write(input);
    p.closeWriteChannel();
    CliRun r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.err = p.readAllStandardError() + "\n[killed]";
        return r;
    }
    r.crashed = p.exitStatus() == QProcess::CrashExit;
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

std::unique_ptr<QProcess> startApp(const QStringList &arguments, const QProcessEnvironment &env)
{
    auto p = std::make_unique<QProcess>();
    p->setProcessEnvironment(env.isEmpty() ? headlessEnv() : env);
    p->setProcessChannelMode(QProcess::MergedChannels);
    p->start(appPath(), arguments);
    p->waitForStarted(10000);
    return p;
}

bool waitForOutput(QProcess &process, QString *out, const QString &needle, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        *out += QString::fromUtf8(process.readAll());
        if (out->contains(needle))
            return true;
        if (timer.elapsed() > timeoutMs || process.state() == QProcess::NotRunning)
            return false;
        // Keep this thread's event loop turning: a fake server in the test process must answer the app.
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        process.waitForReadyRead(30);
    }
}

qint64 maxFillsIn(const QString &out)
{
    static const QRegularExpression re(QStringLiteral("\\| fills (\\d+)"));
    qint64 best = -1;
    for (auto it = re.globalMatch(out); it.hasNext();)
        best = std::max(best, it.next().captured(1).toLongLong());
    return best;
}

namespace {
template<class F>
auto withDb(const QString &dbPath, F &&f)
{
    static std::atomic<int> counter{0};
    const QString name = QStringLiteral("e2e-sql-%1").arg(++counter);
    decltype(f(std::declval<QSqlDatabase &>())) result{};
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(dbPath);
        if (db.open())
            result = f(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}
} // namespace

bool execSql(const QString &dbPath, const QString &sql, QString *error)
{
    return withDb(dbPath, [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        const bool ok = q.exec(sql);
        if (!ok && error)
            *error = q.lastError().text();
        return ok;
    });
}

QString querySql(const QString &dbPath, const QString &sql)
{
    return withDb(dbPath, [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        return q.exec(sql) && q.next() ? q.value(0).toString() : QString();
    });
}

QByteArray fileDigest(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

} // namespace testsupport
