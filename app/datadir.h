#pragma once

#include "engine/core/result.h"

#include <QLockFile>
#include <QString>

#include <memory>

namespace app {

//! The data folder the app and every subcommand use: `--data-dir` made absolute, or the
//! platform's app data folder.
[[nodiscard]] QString resolveDataDir(const QString &option);
//! The journal inside a data folder.
[[nodiscard]] QString journalPath(const QString &dataDir);

//! One process per data folder. An exclusive lock file (`memedesk.lock`) that the OS releases
//! when the process dies: QLockFile holds an OS lock on it and also treats a lock whose process no
//! longer exists as stale. The journal's own SQLite lock (exclusive locking mode) backs it up.
class DataDirLock {
public:
    explicit DataDirLock(QString dataDir);
    ~DataDirLock();

    //! DATA_DIR_IN_USE names the process that holds the folder; DATA_DIR_UNAVAILABLE otherwise.
    engine::Result<void> acquire();
    //! The process that held the lock when acquire() failed (0 when unknown).
    [[nodiscard]] qint64 ownerPid() const { return m_ownerPid; }

private:
    QString m_dataDir;
    std::unique_ptr<QLockFile> m_lock;
    qint64 m_ownerPid = 0;
};

} // namespace app
