#include "app/journaladvice.h"

#include "app/datadir.h"

#include "adapters/storage/journalbackups.h"

#include <QDir>
#include <QLocale>

namespace app {

QString formatBytes(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString unusableJournalMessage(const QString &dataDir, const QString &problem)
{
    const QString journal = QDir::toNativeSeparators(journalPath(dataDir));
    const QString folder = QDir::toNativeSeparators(dataDir);
    QString text = QStringLiteral("%1\n\nMemedesk has not written anything to %2 and will not trade on it.\n")
                       .arg(problem, journal);
    const auto backups = adapters::storage::JournalBackups(journalPath(dataDir)).list();
    if (backups.isEmpty()) {
        text += QStringLiteral("There is no backup in %1 yet.\nTo start a new account, move %2 away (keep it for "
                               "inspection); to look at it: memedesk journal check --data-dir \"%3\"")
                    .arg(QDir::toNativeSeparators(dataDir + QStringLiteral("/backups")), journal, folder);
        return text;
    }
    const auto &newest = backups.first();
    text += QStringLiteral("Newest backup: %1 (taken %2 UTC, %3 backups in all).\n"
                           "To restore it: memedesk journal restore --data-dir \"%4\"\n"
                           "  (the current file is kept beside it; anything journaled after the backup is not in "
                           "it)\nTo look first: memedesk journal check --data-dir \"%4\"")
                .arg(QDir::toNativeSeparators(newest.path),
                     newest.takenUtc.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")))
                .arg(backups.size())
                .arg(folder);
    return text;
}

} // namespace app
