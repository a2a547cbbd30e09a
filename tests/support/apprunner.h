#pragma once

// Runs the real memedesk executable (MEMEDESK_APP, set by CTest) for the end-to-end tests.
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

namespace testsupport {

//! The executable under test; empty outside CTest.
QString appPath();
//! No display (headless by itself) and a keychain service of the test's own.
QProcessEnvironment headlessEnv();

struct AppRun {
    int exitCode = -1;
    bool crashed = false;
    QString out; // stdout and stderr together
};

//! Runs the app to completion (or kills it after `timeoutMs`), in headlessEnv() unless `env` is given.
AppRun runApp(const QStringList &arguments, int timeoutMs = 60000, const QProcessEnvironment &env = {});

//! A command-line run with its outputs apart (what a script piping into the app sees).
struct CliRun {
    int exitCode = -1;
    bool crashed = false;
    QByteArray out;
    QByteArray err;
};
//! Runs `memedesk <arguments>` with `input` on standard input (then closed), in headlessEnv().
CliRun runCli(const QStringList &arguments, const QByteArray &input = {}, int timeoutMs = 300000);

//! Starts the app in the background, output merged.
std::unique_ptr<QProcess> startApp(const QStringList &arguments, const QProcessEnvironment &env = {});
//! Reads what the app printed until `needle` appears (true) or `timeoutMs` passes (false).
bool waitForOutput(QProcess &process, QString *out, const QString &needle, int timeoutMs);

//! The largest "| fills N" in the app's status lines (-1 when none).
qint64 maxFillsIn(const QString &out);

//! Runs SQL against a journal file through a connection of its own (the app must not hold it).
bool execSql(const QString &dbPath, const QString &sql, QString *error = nullptr);
QString querySql(const QString &dbPath, const QString &sql);

//! SHA-256 of a file's bytes.
QByteArray fileDigest(const QString &path);

} // namespace testsupport
