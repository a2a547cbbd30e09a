#include "adapters/storage/journalbackups.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

#include <atomic>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace adapters::storage {

namespace {

constexpr auto kStampFormat = "yyyyMMdd-HHmmss.zzz";

QString sqlError(const QSqlQuery &query)
{
    const QSqlError e = query.lastError();
    const QString text = e.databaseText().isEmpty() ? e.text() : e.databaseText();
    return text.isEmpty() ? QStringLiteral("unknown SQL error") : text;
}

} // namespace

JournalBackups::JournalBackups(const QString &databasePath, int keep)
    : m_folder(QFileInfo(databasePath).absoluteDir().filePath(QStringLiteral("backups")))
    , m_stem(QFileInfo(databasePath).completeBaseName())
    , m_keep(std::max(1, keep))
{
}

QList<JournalBackups::Backup> JournalBackups::list() const
{
    QList<Backup> backups;
    const QDir dir(m_folder);
    const QString prefix = m_stem + QLatin1Char('-');
    for (const QFileInfo &info : dir.entryInfoList({m_stem + QStringLiteral("-*.sqlite")}, QDir::Files, QDir::Name)) {
        // "memedesk-20260101-120000.123Z.sqlite": the stamp is in the name, so copying a folder keeps it.
        QString stamp = info.completeBaseName().mid(prefix.size());
        if (!stamp.endsWith(QLatin1Char('Z')))
            continue;
        stamp.chop(1);
        QDateTime taken = QDateTime::fromString(stamp, QLatin1String(kStampFormat));
        if (!taken.isValid())
            continue;
        taken.setTimeZone(QTimeZone::utc());
        backups.append({info.absoluteFilePath(), taken, info.size()});
    }
    std::sort(backups.begin(), backups.end(), [](const Backup &a, const Backup &b) { return a.takenUtc > b.takenUtc; });
    return backups;
}

bool JournalBackups::due(qint64 maxAgeMs) const
{
    const QList<Backup> all = list();
    if (all.isEmpty())
        return true;
    return all.first().takenUtc.msecsTo(QDateTime::currentDateTimeUtc()) >= maxAgeMs;
}

bool JournalBackups::create(QSqlDatabase db, QString *createdPath, QString *error)
{
    if (!QDir().mkpath(m_folder)) {
        *error = QStringLiteral("cannot create the backup folder %1").arg(QDir::toNativeSeparators(m_folder));
        return false;
    }
    // Names sort by time; a new backup is always newer than every existing one, even two taken
    // within one millisecond or after the clock stepped back.
    QDateTime stamp = QDateTime::currentDateTimeUtc();
    if (const QList<Backup> existing = list(); !existing.isEmpty() && existing.first().takenUtc >= stamp)
        stamp = existing.first().takenUtc.addMSecs(1);
    const QString path = QDir(m_folder).filePath(
        QStringLiteral("%1-%2Z.sqlite").arg(m_stem, stamp.toString(QLatin1String(kStampFormat))));
    const QString partial = path + QStringLiteral(".partial");
    QFile::remove(partial);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("VACUUM INTO ?"));
    q.addBindValue(partial);
    if (!q.exec()) {
        *error = QStringLiteral("backup failed: %1").arg(sqlError(q));
        QFile::remove(partial);
        return false;
    }
    // SQLite does not fsync what VACUUM INTO writes: make it durable, and check it, before it gets a
    // backup's name and before an older good backup is rotated out for it.
    {
        QFile out(partial);
        if (!out.open(QIODevice::ReadWrite)) {
            *error = QStringLiteral("cannot reopen the backup to make it durable");
            QFile::remove(partial);
            return false;
        }
#ifdef Q_OS_UNIX
        ::fsync(out.handle());
#endif
    }
    QString problem;
    if (!verify(partial, &problem)) {
        *error = QStringLiteral("the new backup does not pass the integrity check: %1").arg(problem);
        QFile::remove(partial);
        return false;
    }
    // Only a complete copy gets a backup's name.
    if (!QFile::rename(partial, path)) {
        *error = QStringLiteral("cannot name the backup %1").arg(QDir::toNativeSeparators(path));
        QFile::remove(partial);
        return false;
    }
    if (createdPath)
        *createdPath = path;
    const QList<Backup> all = list();
    for (qsizetype i = m_keep; i < all.size(); ++i)
        QFile::remove(all.at(i).path);
    return true;
}

bool JournalBackups::verify(const QString &path, QString *problem)
{
    static std::atomic<int> counter{0};
    const QString name = QStringLiteral("memedesk-verify-%1").arg(++counter);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!QFileInfo(path).isFile() || QFileInfo(path).size() == 0) {
            *problem = QStringLiteral("missing or empty");
        } else if (!db.open()) {
            *problem = db.lastError().text();
        } else {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next()) {
                *problem = sqlError(q);
            } else if (const QString verdict = q.value(0).toString(); verdict != QLatin1String("ok")) {
                *problem = QStringLiteral("integrity check: %1").arg(verdict);
            } else {
                QSqlQuery v(db);
                ok = v.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")) && v.next();
                if (!ok)
                    *problem = QStringLiteral("no schema version: %1").arg(sqlError(v));
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace adapters::storage
