#pragma once

#include <QStringList>

namespace app {

//! `memedesk journal check|restore [--data-dir DIR] [--from FILE]`: inspects the journal without
//! writing to it (integrity, contents, money re-derived from fills, backups), or replaces a damaged
//! journal with the newest backup that passes the same checks. `arguments` is the whole argv.
//! Returns the exit code: 0 fine, 1 problems found or the restore failed, 2 bad usage.
int runJournalCommand(const QStringList &arguments);

} // namespace app
