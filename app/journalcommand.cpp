#include "app/journalcommand.h"

#include "app/datadir.h"
#include "app/journaladvice.h"

#include "engine/execution/journalaudit.h"
#include "adapters/storage/journalbackups.h"
#include "adapters/storage/sqlitetradestore.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimeZone>

#include <cstdio>

namespace app {

namespace {

const QString kQuote = QStringLiteral("USDT");

//! What a read-only look at one journal file found.
struct Inspection {
    bool usable = false;        // opened, loaded and consistent
    QString problem;            // why not
    engine::JournalSnapshot snapshot;
    qint64 fills = 0;
    QStringList audit;          // money disagreements
};

Inspection inspectFile(const QString &path);

//! Inspects a copy of the journal (with its -wal), so that nothing SQLite does when a connection
//! closes (checkpointing the WAL, deleting it) touches the file the user may need to restore from.
Inspection inspect(const QString &path)
{
    QTemporaryDir scratch;
    const QString copy = scratch.filePath(QFileInfo(path).fileName());
    if (!scratch.isValid() || !QFile::copy(path, copy)) {
        Inspection r;
        r.problem = QStringLiteral("cannot copy %1 to inspect it").arg(QDir::toNativeSeparators(path));
        return r;
    }
    for (const QString &extra : {QStringLiteral("-wal")}) {
        if (QFileInfo::exists(path + extra))
            QFile::copy(path + extra, copy + extra);
    }
    Inspection r = inspectFile(copy);
    r.problem.replace(copy, path); // name the user's file, not the scratch copy
    for (QString &a : r.audit)
        a.replace(copy, path);
    return r;
}

Inspection inspectFile(const QString &path)
{
    Inspection r;
    adapters::storage::SqliteTradeStore store(path);
    store.setReadOnly(true);
    store.setBackupInterval(0);
    if (const engine::Result<void> opened = store.open(); !opened) {
        r.problem = opened.error().message;
        return r;
    }
    auto loaded = store.loadSnapshot();
    if (!loaded) {
        r.problem = loaded.error().message;
        return r;
    }
    r.snapshot = std::move(loaded.value());
    r.fills = r.snapshot.fillCount;
    if (const engine::Result<void> audit = engine::JournalAudit::run(store, r.snapshot, kQuote); !audit) {
        r.audit = audit.error().details.isEmpty() ? QStringList{audit.error().message} : audit.error().details;
        r.problem = QStringLiteral("money does not add up: ") + r.audit.join(QStringLiteral("; "));
        return r;
    }
    r.usable = true;
    return r;
}

void print(const QString &line)
{
    fprintf(stdout, "%s\n", qPrintable(line));
    fflush(stdout);
}

QString describeContents(const engine::JournalSnapshot &s)
{
    int open = 0;
    for (const auto &p : s.positions)
        open += p.isOpen() ? 1 : 0;
    return QStringLiteral("%1 fills, %2 open orders, %3 open positions, cash %4 %5")
        .arg(s.fillCount)
        .arg(s.openOrders.size())
        .arg(open)
        .arg(s.balances.value(kQuote).toString(), kQuote);
}

int check(const QString &dataDir)
{
    const QString path = journalPath(dataDir);
    if (!QFileInfo::exists(path)) {
        print(QStringLiteral("no journal at %1 yet").arg(QDir::toNativeSeparators(path)));
        return 1;
    }
    print(QStringLiteral("journal   %1 (%2)").arg(QDir::toNativeSeparators(path), formatBytes(QFileInfo(path).size())));
    const Inspection r = inspect(path);
    if (!r.problem.isEmpty() && r.audit.isEmpty()) {
        print(QStringLiteral("state     DAMAGED: %1").arg(r.problem));
    } else {
        print(QStringLiteral("integrity ok (SQLite integrity_check, every row readable)"));
        print(QStringLiteral("contents  %1").arg(describeContents(r.snapshot)));
        if (r.usable)
            print(QStringLiteral("money     consistent: cash and positions re-derived from %1 fills match to the last digit")
                      .arg(r.fills));
        else
            for (const QString &a : r.audit)
                print(QStringLiteral("money     MISMATCH: %1").arg(a));
    }
    const auto backups = adapters::storage::JournalBackups(path).list();
    print(QStringLiteral("backups   %1 in %2").arg(backups.size()).arg(QDir::toNativeSeparators(dataDir + QStringLiteral("/backups"))));
    for (const auto &b : backups) {
        QString why;
        const bool ok = adapters::storage::JournalBackups::verify(b.path, &why);
        print(QStringLiteral("          %1  taken %2 UTC  %3  %4")
                  .arg(QFileInfo(b.path).fileName(), b.takenUtc.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                       formatBytes(b.bytes), ok ? QStringLiteral("ok") : QStringLiteral("DAMAGED: ") + why));
    }
    if (r.usable) {
        print(QStringLiteral("result    OK"));
        return 0;
    }
    print(QStringLiteral("result    PROBLEMS FOUND\n\n") + unusableJournalMessage(dataDir, r.problem));
    return 1;
}

//! Moves `path` and its -wal/-shm companions aside (a stale WAL must never meet the restored file).
bool moveAside(const QString &path, const QString &suffix, QString *kept, QString *error)
{
    *kept = path + suffix;
    // The WAL first: a journal must never end up separated from its committed-but-unmerged pages.
    QStringList moved;
    for (const QString &extra : {QStringLiteral("-wal"), QStringLiteral("-shm"), QString()}) {
        const QString from = path + extra;
        if (!QFileInfo::exists(from))
            continue;
        if (!QFile::rename(from, *kept + extra)) {
            for (const QString &back : std::as_const(moved)) // put everything back as it was
                QFile::rename(*kept + back, path + back);
            *error = QStringLiteral("cannot move %1 aside; nothing was changed").arg(QDir::toNativeSeparators(from));
            return false;
        }
        moved << extra;
    }
    if (QFileInfo::exists(path + QStringLiteral("-wal")) || QFileInfo::exists(path + QStringLiteral("-shm"))) {
        *error = QStringLiteral("a -wal or -shm file is still next to %1").arg(QDir::toNativeSeparators(path));
        return false;
    }
    return true;
}

int restore(const QString &dataDir, const QString &from)
{
    const QString path = journalPath(dataDir);
    QStringList candidates;
    if (!from.isEmpty()) {
        candidates << QFileInfo(from).absoluteFilePath();
    } else {
        for (const auto &b : adapters::storage::JournalBackups(path).list())
            candidates << b.path;
    }
    if (candidates.isEmpty()) {
        print(QStringLiteral("no backup to restore from in %1").arg(QDir::toNativeSeparators(dataDir + QStringLiteral("/backups"))));
        return 1;
    }
    QString chosen;
    Inspection chosenState;
    for (const QString &candidate : candidates) {
        Inspection r = inspect(candidate);
        if (r.usable) {
            chosen = candidate;
            chosenState = r;
            break;
        }
        print(QStringLiteral("skipped   %1: %2").arg(QDir::toNativeSeparators(candidate), r.problem));
    }
    if (chosen.isEmpty()) {
        print(QStringLiteral("no usable backup: nothing was changed"));
        return 1;
    }
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString kept;
    QString error;
    if (QFileInfo::exists(path) || QFileInfo::exists(path + QStringLiteral("-wal"))) {
        if (!moveAside(path, QStringLiteral(".replaced-") + stamp, &kept, &error)) {
            print(QStringLiteral("restore failed: %1").arg(error));
            return 1;
        }
    }
    const QString partial = path + QStringLiteral(".restoring");
    QFile::remove(partial);
    if (!QFile::copy(chosen, partial) || !QFile::rename(partial, path)) {
        QFile::remove(partial);
        print(QStringLiteral("restore failed: cannot copy %1 to %2; the previous file is %3")
                  .arg(QDir::toNativeSeparators(chosen), QDir::toNativeSeparators(path), QDir::toNativeSeparators(kept)));
        return 1;
    }
    QFile(path).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const Inspection after = inspect(path);
    if (!after.usable) {
        print(QStringLiteral("restore failed: the restored journal does not pass the checks (%1)").arg(after.problem));
        return 1;
    }
    print(QStringLiteral("restored  %1\nfrom      %2\ncontents  %3")
              .arg(QDir::toNativeSeparators(path), QDir::toNativeSeparators(chosen), describeContents(after.snapshot)));
    if (!kept.isEmpty())
        print(QStringLiteral("kept      the previous journal as %1").arg(QDir::toNativeSeparators(kept)));
    print(QStringLiteral("note      anything journaled after this backup is not in the restored journal; a live "
                         "venue's orders and fills are reconciled at the next start"));
    return 0;
}

} // namespace

int runJournalCommand(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "memedesk journal check   — inspect the journal without writing to it\n"
        "memedesk journal restore — replace the journal with the newest backup that passes the checks"));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"), QStringLiteral("The data folder (default: the app's)."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption from(QStringLiteral("from"), QStringLiteral("restore: this backup file instead of the newest."),
                                  QStringLiteral("FILE"));
    p.addOptions({help, dataDir, from});
    p.addPositionalArgument(QStringLiteral("journal"), QStringLiteral("journal"));
    p.addPositionalArgument(QStringLiteral("action"), QStringLiteral("check or restore"));
    auto usage = [&](const QString &message) {
        fprintf(stderr, "%s\n\n%s", qPrintable(message), qPrintable(p.helpText()));
        return 2;
    };
    if (!p.parse(arguments))
        return usage(p.errorText());
    if (p.isSet(help)) {
        fprintf(stdout, "%s", qPrintable(p.helpText()));
        return 0;
    }
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 2 || (pos.at(1) != QLatin1String("check") && pos.at(1) != QLatin1String("restore")))
        return usage(QStringLiteral("memedesk journal needs one action: check or restore"));
    if (p.isSet(dataDir) && p.value(dataDir).isEmpty())
        return usage(QStringLiteral("--data-dir needs a folder"));
    if (p.isSet(from) && pos.at(1) != QLatin1String("restore"))
        return usage(QStringLiteral("--from only goes with restore"));
    const QString dir = resolveDataDir(p.value(dataDir));
    if (!QFileInfo(dir).isDir()) {
        print(QStringLiteral("no data folder at %1").arg(QDir::toNativeSeparators(dir)));
        return 1;
    }
    DataDirLock lock(dir);
    if (const engine::Result<void> locked = lock.acquire(); !locked) {
        print(locked.error().message);
        return 1;
    }
    return pos.at(1) == QLatin1String("check") ? check(dir) : restore(dir, p.value(from));
}

} // namespace app
