#include "adapters/storage/migrator.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <mutex>

// The migrations live in a resource compiled into this static library; nothing references its
// initializer, so the linker would drop it unless it is called by name (outside any namespace).
static void initMigrationResource()
{
    static std::once_flag once;
    std::call_once(once, [] { Q_INIT_RESOURCE(migrations); });
}

namespace adapters::storage {

namespace {

QString sqlError(const QSqlQuery &query)
{
    const QSqlError e = query.lastError();
    const QString text = e.databaseText().isEmpty() ? e.text() : e.databaseText();
    return text.isEmpty() ? QStringLiteral("unknown SQL error") : text;
}

bool execute(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    if (error)
        *error = sqlError(q);
    return false;
}

bool isTriggerStatement(const QString &statement)
{
    static const QRegularExpression re(QStringLiteral("^\\s*CREATE\\s+(TEMP\\s+|TEMPORARY\\s+)?TRIGGER\\b"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re.match(statement).hasMatch();
}

} // namespace

Migrator::Migrator(QSqlDatabase db, QString scriptDir)
    : m_db(std::move(db))
    , m_scriptDir(std::move(scriptDir))
{
    initMigrationResource();
}

QStringList Migrator::splitStatements(const QString &script)
{
    QStringList statements;
    QString current;
    QString word;
    QString lastWord;
    const qsizetype n = script.size();
    auto endWord = [&] {
        if (!word.isEmpty()) {
            lastWord = word;
            word.clear();
        }
    };
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = script.at(i);
        const QChar next = i + 1 < n ? script.at(i + 1) : QChar();
        if (c == QLatin1Char('-') && next == QLatin1Char('-')) {
            while (i < n && script.at(i) != QLatin1Char('\n'))
                ++i;
            endWord();
            current += QLatin1Char('\n');
            continue;
        }
        if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
            i += 2;
            while (i + 1 < n && !(script.at(i) == QLatin1Char('*') && script.at(i + 1) == QLatin1Char('/')))
                ++i;
            ++i; // on the closing '/'
            endWord();
            current += QLatin1Char(' ');
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('[')) {
            // A doubled quote ('it''s') is just two quoted runs back to back, so this stays correct.
            const QChar close = c == QLatin1Char('[') ? QLatin1Char(']') : c;
            endWord();
            current += c;
            ++i;
            while (i < n && script.at(i) != close)
                current += script.at(i++);
            if (i < n)
                current += close;
            lastWord.clear();
            continue;
        }
        if (c == QLatin1Char(';')) {
            endWord();
            if (isTriggerStatement(current) && lastWord.compare(QLatin1String("END"), Qt::CaseInsensitive) != 0) {
                current += c; // a statement inside the trigger body
                lastWord.clear();
                continue;
            }
            const QString statement = current.trimmed();
            if (!statement.isEmpty())
                statements << statement;
            current.clear();
            lastWord.clear();
            continue;
        }
        current += c;
        if (c.isLetterOrNumber() || c == QLatin1Char('_'))
            word += c;
        else
            endWord();
    }
    const QString tail = current.trimmed();
    if (!tail.isEmpty())
        statements << tail;
    return statements;
}

bool Migrator::listScripts(QList<Script> *scripts, QString *error) const
{
    static const QRegularExpression re(QStringLiteral("^(\\d+)_([A-Za-z0-9_]+)\\.sql$"));
    const QStringList files = QDir(m_scriptDir).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    scripts->clear();
    for (const QString &file : files) {
        const auto m = re.match(file);
        if (!m.hasMatch())
            continue;
        scripts->append({m.captured(1).toInt(), file, m_scriptDir + QLatin1Char('/') + file});
    }
    std::sort(scripts->begin(), scripts->end(), [](const Script &a, const Script &b) { return a.version < b.version; });
    // A gap or a duplicate means a broken build; refusing is safer than guessing the order.
    for (int i = 0; i < scripts->size(); ++i) {
        if (scripts->at(i).version != i + 1) {
            *error = QStringLiteral("Schema migrations in %1 are not numbered 1, 2, 3...: found %2 at position %3")
                         .arg(m_scriptDir, scripts->at(i).name)
                         .arg(i + 1);
            return false;
        }
    }
    if (scripts->isEmpty()) {
        *error = QStringLiteral("No schema migrations found in %1").arg(m_scriptDir);
        return false;
    }
    return true;
}

int Migrator::knownVersion() const
{
    QList<Script> scripts;
    QString ignored;
    return listScripts(&scripts, &ignored) ? scripts.last().version : 0;
}

bool Migrator::currentVersion(int *version, QString *error)
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version")) || !q.next()) {
        *error = QStringLiteral("Cannot read the schema version: %1").arg(sqlError(q));
        return false;
    }
    *version = q.value(0).toInt();
    return true;
}

bool Migrator::migrate(QString *error)
{
    QString dummy;
    if (!error)
        error = &dummy;
    m_applied = 0;
    m_tooNew = false;
    QList<Script> scripts;
    if (!listScripts(&scripts, error))
        return false;
    QString sqlErr;
    if (!execute(m_db,
                 QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                                "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_ms INTEGER NOT NULL)"),
                 &sqlErr)) {
        *error = QStringLiteral("Cannot create the schema_version table: %1").arg(sqlErr);
        return false;
    }
    int version = 0;
    if (!currentVersion(&version, error))
        return false;
    const int known = scripts.last().version;
    if (version > known) {
        m_tooNew = true;
        *error = QStringLiteral("The journal database has schema version %1, but this Memedesk only knows up to "
                                "version %2. It was written by a newer Memedesk: update the app or use another "
                                "data folder.")
                     .arg(version)
                     .arg(known);
        return false;
    }
    for (const Script &script : std::as_const(scripts)) {
        if (script.version <= version)
            continue;
        if (!apply(script, error))
            return false;
    }
    return true;
}

bool Migrator::apply(const Script &script, QString *error)
{
    QFile file(script.path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("Cannot read migration %1: %2").arg(script.name, file.errorString());
        return false;
    }
    const QStringList statements = splitStatements(QString::fromUtf8(file.readAll()));
    QString sqlErr;
    // IMMEDIATE takes the write lock first, so two instances starting together cannot both migrate.
    if (!execute(m_db, QStringLiteral("BEGIN IMMEDIATE"), &sqlErr)) {
        *error = QStringLiteral("Cannot start migration %1: %2").arg(script.name, sqlErr);
        return false;
    }
    auto fail = [&](const QString &message) {
        QString ignored;
        execute(m_db, QStringLiteral("ROLLBACK"), &ignored);
        *error = message;
        return false;
    };
    int version = 0;
    if (!currentVersion(&version, error))
        return fail(*error);
    if (version >= script.version) // another process applied it meanwhile
        return execute(m_db, QStringLiteral("COMMIT"), error);
    for (int i = 0; i < statements.size(); ++i) {
        if (!execute(m_db, statements.at(i), &sqlErr))
            return fail(QStringLiteral("Migration %1 failed at statement %2: %3").arg(script.name).arg(i + 1).arg(sqlErr));
    }
    QSqlQuery record(m_db);
    record.prepare(QStringLiteral("INSERT INTO schema_version (version, name, applied_ms) VALUES (?, ?, ?)"));
    record.addBindValue(script.version);
    record.addBindValue(script.name);
    record.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!record.exec())
        return fail(QStringLiteral("Cannot record migration %1: %2").arg(script.name, sqlError(record)));
    if (!execute(m_db, QStringLiteral("COMMIT"), &sqlErr))
        return fail(QStringLiteral("Cannot commit migration %1: %2").arg(script.name, sqlErr));
    ++m_applied;
    return true;
}

} // namespace adapters::storage
