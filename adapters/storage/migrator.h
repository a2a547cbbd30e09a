#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace adapters::storage {

//! Brings a journal database to the newest schema this build knows.
//! Migrations are the numbered scripts NNN_name.sql in the :/sql resource (resources/sql), applied in
//! order, each in its own transaction, and recorded in schema_version so a reopen applies nothing.
class Migrator {
public:
    explicit Migrator(QSqlDatabase db, QString scriptDir = QStringLiteral(":/sql"));

    //! Applies every missing migration. False + readable error on failure (nothing half-applied),
    //! including a database written by a newer Memedesk.
    bool migrate(QString *error);
    //! Highest version found in the script folder (0 when it has none).
    [[nodiscard]] int knownVersion() const;
    //! How many migrations the last migrate() applied.
    [[nodiscard]] int appliedCount() const { return m_applied; }
    //! True when the last migrate() failed because a newer Memedesk wrote the database.
    [[nodiscard]] bool tooNew() const { return m_tooNew; }

    //! Splits a script into statements: ';' ends one, except inside quotes, comments and
    //! CREATE TRIGGER bodies (which end at "END;").
    [[nodiscard]] static QStringList splitStatements(const QString &script);

private:
    struct Script {
        int version = 0;
        QString name;
        QString path;
    };
    bool listScripts(QList<Script> *scripts, QString *error) const;
    bool currentVersion(int *version, QString *error);
    bool apply(const Script &script, QString *error);

    QSqlDatabase m_db;
    QString m_scriptDir;
    int m_applied = 0;
    bool m_tooNew = false;
};

} // namespace adapters::storage
