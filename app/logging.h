#pragma once

#include "engine/api/botevents.h"

#include <QMutex>
#include <QString>
#include <QStringList>

namespace app {

//! Removes secrets from text before it reaches a log: known secret values, and
//! anything shaped like `key=value` for secret-ish keys.
class Redactor {
public:
    static Redactor &instance();
    //! Registers a secret value so it is masked wherever it appears.
    void addSecret(const QString &value);
    [[nodiscard]] QString redact(QString text) const;

private:
    mutable QMutex m_mutex;
    QStringList m_secrets;
};

//! The log file in `dataDir`: memedesk.log.
[[nodiscard]] QString logFilePath(const QString &dataDir);
//! Rotating log file logFilePath(dataDir) (5 MB × 3) plus warnings on stderr.
void setupLogging(const QString &dataDir, bool verboseConsole);
//! Writes an engine log entry to the named subsystem logger, redacted.
void writeLog(const engine::LogEntry &entry);
void shutdownLogging();

} // namespace app
