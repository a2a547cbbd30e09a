#include "app/datadir.h"

#include <QDir>
#include <QStandardPaths>

namespace app {

QString resolveDataDir(const QString &option)
{
    return option.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                            : QDir(option).absolutePath();
}

QString journalPath(const QString &dataDir) { return QDir(dataDir).filePath(QStringLiteral("memedesk.sqlite")); }

DataDirLock::DataDirLock(QString dataDir)
    : m_dataDir(std::move(dataDir))
{
}

DataDirLock::~DataDirLock() = default;

engine::Result<void> DataDirLock::acquire()
{
    const QString where = QDir::toNativeSeparators(m_dataDir);
    m_lock = std::make_unique<QLockFile>(QDir(m_dataDir).filePath(QStringLiteral("memedesk.lock")));
    // Never stale by age: a long-running instance keeps its folder; a dead one is detected by PID.
    m_lock->setStaleLockTime(0);
    if (m_lock->tryLock(0))
        return {};
    engine::Error error;
    if (m_lock->error() == QLockFile::LockFailedError) {
        qint64 pid = 0;
        QString host;
        QString appName;
        m_lock->getLockInfo(&pid, &host, &appName);
        m_ownerPid = pid;
        error = engine::Error{QLatin1String(engine::errors::kDataDirInUse), QStringLiteral("Memedesk is already running on the data folder %1 (process %2%3). "
                                "Close it first, or start this one with another --data-dir.")
                     .arg(where)
                     .arg(pid)
                     .arg(host.isEmpty() ? QString() : QStringLiteral(" on %1").arg(host))};
    } else {
        error = engine::Error{QLatin1String(engine::errors::kDataDirUnavailable), QStringLiteral("Cannot lock the data folder %1: %2")
                     .arg(where, m_lock->error() == QLockFile::PermissionError ? QStringLiteral("permission denied")
                                                                               : QStringLiteral("unknown error"))};
    }
    m_lock.reset();
    return error;
}

} // namespace app
