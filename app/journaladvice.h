#pragma once

#include <QString>

namespace app {

//! What a user reads when the journal in `dataDir` cannot be used: the problem, that nothing was
//! written to it, the newest backup, and the commands that inspect or restore it.
[[nodiscard]] QString unusableJournalMessage(const QString &dataDir, const QString &problem);

//! Human size: "1.2 MiB".
[[nodiscard]] QString formatBytes(qint64 bytes);

} // namespace app
