#pragma once

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace adapters::storage {

//! Rotating online copies of the journal in `<data folder>/backups/`, taken with SQLite's
//! `VACUUM INTO` on the journal's own connection: a consistent, compacted snapshot while the app
//! keeps running, with no second connection (the journal is opened in exclusive locking mode).
class JournalBackups {
public:
    struct Backup {
        QString path;
        QDateTime takenUtc;
        qint64 bytes = 0;
    };

    static constexpr int kKeep = 5;

    //! `databasePath` is the journal; backups live beside it in "backups/".
    explicit JournalBackups(const QString &databasePath, int keep = kKeep);

    [[nodiscard]] QString folder() const { return m_folder; }
    //! Newest first.
    [[nodiscard]] QList<Backup> list() const;
    //! True when there is no backup younger than `maxAgeMs` (wall clock).
    [[nodiscard]] bool due(qint64 maxAgeMs) const;
    //! Copies the open database into a new backup and drops the oldest beyond `keep`.
    //! Must run outside a transaction. False + error (the journal itself is untouched).
    bool create(QSqlDatabase db, QString *createdPath, QString *error);

    //! Checks a backup file on its own: it opens, passes SQLite's integrity check and has a
    //! schema_version table. False + what is wrong.
    static bool verify(const QString &path, QString *problem);

private:
    QString m_folder;
    QString m_stem;
    int m_keep;
};

} // namespace adapters::storage
