#pragma once

#include <QString>
#include <QStringList>

#include <string>

//! Crash reports: when the app dies of a fatal signal it leaves a readable report in the data
//! folder (crash-reports/crash-<start time>-<pid>.txt): the version, the signal, a stack trace
//! where the platform gives one (Linux, macOS), and the last log lines — which are written to the
//! log already redacted, so a report never holds a secret. The next start offers to open it.
namespace app::crash {

//! Keeps a log line (already redacted) in memory for a report; called for every line logged.
void remember(const std::string &line);
//! Installs the handlers (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT); the report goes to
//! `dataDir`/crash-reports. Nothing happens on platforms without POSIX signals yet.
void install(const QString &dataDir);
//! Reports written since they were last shown, oldest first; marks them shown.
[[nodiscard]] QStringList takeUnseenReports(const QString &dataDir);
//! The folder the reports go to.
[[nodiscard]] QString reportDir(const QString &dataDir);

} // namespace app::crash
