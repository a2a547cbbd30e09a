#include "adapters/storage/storeworker.h"

#include "adapters/storage/journalreader.h"
#include "adapters/storage/journalwriter.h"
#include "adapters/storage/migrator.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <limits>

namespace adapters::storage {

Q_LOGGING_CATEGORY(lcStorage, "memedesk.storage")

namespace {

constexpr int kBusyTimeoutMs = 5000;
// Every table the newest schema has; one missing means the file was damaged or edited.
constexpr const char *kJournalTables[] = {"schema_version", "orders", "order_events", "fills", "positions",
                                          "balances", "signals", "equity", "settings", "candles"};
// Columns added by later migrations, checked like the tables (a hand-edited file may lack them).
constexpr std::pair<const char *, const char *> kJournalColumns[] = {
    {"orders", "mode"}, {"orders", "time_in_force"}, {"orders", "quote_qty"}, {"fills", "fee_value"}};

QString sqlError(const QSqlQuery &query)
{
    const QSqlError e = query.lastError();
    const QString text = e.databaseText().isEmpty() ? e.text() : e.databaseText();
    return text.isEmpty() ? QStringLiteral("unknown SQL error") : text;
}

QString nextConnectionName()
{
    static std::atomic<int> counter{0};
    return QStringLiteral("memedesk-journal-%1").arg(++counter);
}

} // namespace

StoreWorker::StoreWorker(QString databasePath, QObject *parent)
    : QObject(parent)
    , m_path(std::move(databasePath))
    , m_batchTimer(new QTimer(this))
    , m_backupTimer(new QTimer(this))
    , m_backups(m_path)
{
    m_batchTimer->setSingleShot(true);
    m_batchTimer->setInterval(kBatchIntervalMs);
    connect(m_batchTimer, &QTimer::timeout, this, &StoreWorker::commitPending);
    connect(m_backupTimer, &QTimer::timeout, this, &StoreWorker::periodicBackup);
}

StoreWorker::~StoreWorker()
{
    close();
}

bool isDamageMessage(const QString &sqlMessage)
{
    // SQLITE_CORRUPT ("database disk image is malformed") and SQLITE_NOTADB ("file is not a database").
    for (const char *marker : {"malformed", "not a database", "corrupt"}) {
        if (sqlMessage.contains(QLatin1String(marker), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool StoreWorker::open(QString *error)
{
    QString dummy;
    if (!error)
        error = &dummy;
    if (m_writer)
        return true;
    m_failure = OpenFailure::None;
    m_damaged = false;
    const bool existed = QFileInfo::exists(m_path);
    if (openConnection(error))
        return true;
    removeConnection();
    // SQLite creates the file on open: a first start that failed (a full disk during the first
    // migration) must not leave an empty file that the next start would take for a truncated journal.
    if (!existed && !m_readOnly) {
        for (const QString &extra : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
            QFile::remove(m_path + extra);
    }
    return false;
}

bool StoreWorker::openConnection(QString *error)
{
    const QString where = QDir::toNativeSeparators(m_path);
    const QFileInfo info(m_path);
    auto fail = [&](OpenFailure kind, const QString &message) {
        m_failure = kind;
        *error = message;
        return false;
    };
    if (info.exists() && !info.isFile())
        return fail(OpenFailure::Other, QStringLiteral("Cannot open the journal %1: it is not a file").arg(where));
    // An empty file is a valid empty database to SQLite, but here it means a journal that was
    // truncated (or replaced): starting a fresh account on it would hide the loss.
    if (info.exists() && info.size() == 0 && !QFileInfo::exists(m_path + QStringLiteral("-wal")))
        return fail(OpenFailure::Damaged,
                    QStringLiteral("The journal %1 is empty (0 bytes): it was truncated or replaced").arg(where));
    if (!QDir().mkpath(info.absolutePath()))
        return fail(OpenFailure::Other, QStringLiteral("Cannot create the folder for the journal %1").arg(where));
    const bool existed = info.exists();

    if (m_readOnly && !existed)
        return fail(OpenFailure::Other, QStringLiteral("There is no journal at %1").arg(where));

    m_connectionName = nextConnectionName();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_path);
    // Inspection still opens read-write: SQLite needs that to read a WAL journal (it creates the
    // -wal/-shm files); this worker simply never writes in that mode.
    if (!db.isValid())
        return fail(OpenFailure::Other,
                    QStringLiteral("The Qt SQLite driver (QSQLITE) is not available; install the Qt 6 SQLite plugin"));
    if (!db.open())
        return fail(OpenFailure::Other, QStringLiteral("Cannot open the journal %1: %2").arg(where, db.lastError().text()));

    // Runs one statement; a failure is classified so the app can say what to do about it.
    auto pragma = [&](const QString &sql, QString *result) {
        QSqlQuery q(db);
        if (q.exec(sql)) {
            if (result)
                *result = q.next() ? q.value(0).toString() : QString();
            return true;
        }
        const QString why = sqlError(q);
        if (why.contains(QLatin1String("not a database"), Qt::CaseInsensitive))
            fail(OpenFailure::Damaged, QStringLiteral("The journal %1 is not an SQLite database (%2)").arg(where, why));
        else if (isDamageMessage(why))
            fail(OpenFailure::Damaged, QStringLiteral("The journal %1 is damaged: %2").arg(where, why));
        else if (why.contains(QLatin1String("locked"), Qt::CaseInsensitive))
            fail(OpenFailure::InUse, QStringLiteral("The journal %1 is in use by another process (%2)").arg(where, why));
        else
            fail(OpenFailure::Other, QStringLiteral("Cannot open the journal %1: %2").arg(where, why));
        return false;
    };
    QString verdict;
    QString mode;
    // Exclusive: the first access takes the file's lock for as long as the connection lives, so a
    // second process (or a copy started by hand) cannot write to the same journal.
    if (!pragma(QStringLiteral("PRAGMA busy_timeout=%1").arg(kBusyTimeoutMs), nullptr)
        || (m_exclusive && !pragma(QStringLiteral("PRAGMA locking_mode=EXCLUSIVE"), nullptr))
        // Checked before anything that writes, so a damaged journal is left exactly as it was.
        || !pragma(m_readOnly ? QStringLiteral("PRAGMA integrity_check") : QStringLiteral("PRAGMA quick_check"), &verdict))
        return false;
    if (verdict != QLatin1String("ok"))
        return fail(OpenFailure::Damaged,
                    QStringLiteral("The journal %1 is damaged: SQLite's integrity check reports \"%2\"")
                        .arg(where, verdict.left(300)));
    if (!checkStructure(true, error))
        return fail(OpenFailure::Damaged, *error);
    if (m_readOnly) {
        if (!checkStructure(false, error))
            return fail(OpenFailure::Damaged, *error);
        m_writer = std::make_unique<JournalWriter>(db); // never used: every write is refused below
        m_reader = std::make_unique<JournalReader>(db);
        return true;
    }
    if (!pragma(QStringLiteral("PRAGMA journal_mode=WAL"), &mode)
        || !pragma(QStringLiteral("PRAGMA synchronous=NORMAL"), nullptr))
        return false;
    if (mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        qCWarning(lcStorage) << "journal" << where << "runs in journal mode" << mode << "instead of WAL";

    // A copy of the journal as it was before this run changes anything (migrations included).
    if (existed && m_backupIntervalMs > 0 && m_backups.due(m_backupIntervalMs)) {
        QString path;
        QString why;
        if (m_backups.create(db, &path, &why))
            qCInfo(lcStorage).noquote() << "journal backup" << QDir::toNativeSeparators(path);
        else
            qCWarning(lcStorage).noquote() << "journal backup failed:" << why;
    }

    Migrator migrator(db);
    QString why;
    if (!migrator.migrate(&why))
        return fail(migrator.tooNew() ? OpenFailure::TooNew : OpenFailure::Other,
                    QStringLiteral("Cannot prepare the journal %1: %2").arg(where, why));
    if (migrator.appliedCount() > 0)
        qCInfo(lcStorage) << "journal" << where << "migrated to schema" << migrator.knownVersion();
    if (!checkStructure(false, error))
        return fail(OpenFailure::Damaged, *error);

    m_writer = std::make_unique<JournalWriter>(db);
    m_reader = std::make_unique<JournalReader>(db);
    if (m_backupIntervalMs > 0)
        m_backupTimer->start(int(std::min<qint64>(m_backupIntervalMs, std::numeric_limits<int>::max())));
    return true;
}

bool StoreWorker::checkStructure(bool beforeMigration, QString *error)
{
    const QString where = QDir::toNativeSeparators(m_path);
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))) {
        *error = QStringLiteral("The journal %1 is damaged: its table list cannot be read (%2)").arg(where, sqlError(q));
        return false;
    }
    QStringList tables;
    while (q.next())
        tables << q.value(0).toString();
    if (beforeMigration) {
        // Tables without a schema version: not something migrations may build upon.
        if (!tables.isEmpty() && !tables.contains(QLatin1String("schema_version"))) {
            *error = QStringLiteral("The journal %1 is damaged: it has tables (%2) but no schema_version table")
                         .arg(where, tables.join(QStringLiteral(", ")));
            return false;
        }
        return true;
    }
    QStringList missing;
    for (const char *table : kJournalTables) {
        if (!tables.contains(QLatin1String(table)))
            missing << QLatin1String(table);
    }
    if (!missing.isEmpty()) {
        *error = QStringLiteral("The journal %1 is damaged: table(s) %2 missing").arg(where, missing.join(QStringLiteral(", ")));
        return false;
    }
    for (const auto &[table, column] : kJournalColumns) {
        QSqlQuery c(QSqlDatabase::database(m_connectionName, false));
        bool found = false;
        if (c.exec(QStringLiteral("PRAGMA table_info(%1)").arg(QLatin1String(table)))) {
            while (c.next())
                found = found || c.value(1).toString() == QLatin1String(column);
        }
        if (!found) {
            *error = QStringLiteral("The journal %1 is damaged: column %2.%3 missing").arg(where, QLatin1String(table), QLatin1String(column));
            return false;
        }
    }
    return true;
}

bool StoreWorker::backupNow(QString *path, QString *error)
{
    if (!m_writer) {
        *error = QStringLiteral("the journal is not open");
        return false;
    }
    commitPending();
    return m_backups.create(QSqlDatabase::database(m_connectionName, false), path, error);
}

void StoreWorker::periodicBackup()
{
    if (!m_writer || m_damaged)
        return;
    QString path;
    QString why;
    if (backupNow(&path, &why))
        qCInfo(lcStorage).noquote() << "journal backup" << QDir::toNativeSeparators(path);
    else
        reportError(QStringLiteral("Journal backup failed: %1").arg(why));
}

void StoreWorker::removeConnection()
{
    // removeDatabase needs every QSqlDatabase/QSqlQuery of this connection gone first.
    m_writer.reset();
    m_reader.reset();
    if (m_connectionName.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
}

void StoreWorker::close()
{
    commitPending();
    removeConnection();
}

void StoreWorker::enqueue(PendingWrite write)
{
    const bool urgent = needsAcknowledgement(write);
    m_pending.push_back(std::move(write));
    if (urgent) {
        // Posted behind whatever the caller already queued, so a burst of writes shares one commit
        // and call order is kept.
        if (!m_commitQueued) {
            m_commitQueued = true;
            QMetaObject::invokeMethod(
                this,
                [this] {
                    m_commitQueued = false;
                    commitPending();
                },
                Qt::QueuedConnection);
        }
    } else if (!m_batchTimer->isActive()) {
        m_batchTimer->start();
    }
}

bool StoreWorker::applyBatch(std::span<const PendingWrite> batch, QString *error)
{
    const bool durable = std::any_of(batch.begin(), batch.end(), needsAcknowledgement);
    if (!m_writer->setDurable(durable, error) || !m_writer->begin(error))
        return false;
    for (const PendingWrite &write : batch) {
        if (!m_writer->apply(write, error)) {
            *error = JournalWriter::describe(write) + QStringLiteral(": ") + *error;
            m_writer->rollback();
            return false;
        }
    }
    if (!m_writer->commit(error)) {
        m_writer->rollback();
        return false;
    }
    return true;
}

void StoreWorker::commitPending()
{
    m_batchTimer->stop();
    if (m_pending.empty())
        return;
    std::vector<PendingWrite> batch;
    batch.swap(m_pending);
    if (!m_writer || m_damaged || m_readOnly) {
        const QString why = m_damaged    ? QStringLiteral("the journal is damaged; nothing more is written to it")
                            : m_readOnly ? QStringLiteral("the journal is open read-only")
                                         : QStringLiteral("the journal is not open");
        for (const PendingWrite &write : batch)
            reportFailure(write, why);
        return;
    }
    QString error;
    if (applyBatch(batch, &error)) {
        for (const PendingWrite &write : batch)
            acknowledge(write);
        return;
    }
    noteDamage(error);
    if (batch.size() == 1 || m_damaged) {
        for (const PendingWrite &write : batch)
            reportFailure(write, error);
        return;
    }
    // One bad write must not cost the others: retry each alone so only the failing ones are lost.
    qCWarning(lcStorage).noquote() << "could not save" << batch.size() << "journal writes together (" << error
                                   << "); retrying them one by one";
    for (const PendingWrite &write : batch) {
        if (!m_damaged && applyBatch(std::span(&write, 1), &error)) {
            acknowledge(write);
        } else {
            noteDamage(error);
            reportFailure(write, error);
        }
    }
}

void StoreWorker::noteDamage(const QString &sqlMessage)
{
    if (m_damaged || !isDamageMessage(sqlMessage))
        return;
    m_damaged = true;
    reportError(QStringLiteral("The journal %1 is damaged (%2). Memedesk writes nothing more to it; quit and run "
                               "'memedesk journal check'.")
                    .arg(QDir::toNativeSeparators(m_path), sqlMessage));
}

void StoreWorker::acknowledge(const PendingWrite &write)
{
    if (!m_sink)
        return;
    if (const auto *order = std::get_if<engine::Order>(&write)) {
        m_sink->onOrderDurable(*order);
    } else if (const auto *fill = std::get_if<engine::Fill>(&write)) {
        m_sink->onFillDurable(*fill);
    } else if (const auto *change = std::get_if<engine::FillChange>(&write)) {
        m_sink->onFillDurable(change->fill);
        m_sink->onOrderDurable(change->order);
    }
}

void StoreWorker::reportFailure(const PendingWrite &write, const QString &message)
{
    const QString text = QStringLiteral("Could not save %1 to the journal: %2").arg(JournalWriter::describe(write), message);
    qCWarning(lcStorage).noquote() << text;
    if (!m_sink)
        return;
    if (const auto *order = std::get_if<engine::Order>(&write))
        m_sink->onOrderNotDurable(*order, text);
    else if (const auto *fill = std::get_if<engine::Fill>(&write))
        m_sink->onFillNotDurable(*fill, text);
    else if (const auto *change = std::get_if<engine::FillChange>(&write))
        m_sink->onFillNotDurable(change->fill, text);
    else
        m_sink->onStoreError(text);
}

void StoreWorker::reportError(const QString &message)
{
    qCWarning(lcStorage).noquote() << message;
    if (m_sink)
        m_sink->onStoreError(message);
}

bool StoreWorker::loadSnapshot(engine::JournalSnapshot *snapshot, QString *error)
{
    commitPending(); // the snapshot must include everything written so far
    *snapshot = engine::JournalSnapshot{};
    if (!m_reader) {
        *error = QStringLiteral("the journal is not open");
        return false;
    }
    QString why;
    if (m_reader->loadSnapshot(snapshot, &why))
        return true;
    *snapshot = engine::JournalSnapshot{};
    *error = QStringLiteral("Cannot read the journal %1: %2").arg(QDir::toNativeSeparators(m_path), why);
    noteDamage(why);
    return false;
}

bool StoreWorker::replayFills(const std::function<bool(const engine::Fill &)> &visit, QString *error)
{
    commitPending();
    if (!m_reader) {
        *error = QStringLiteral("the journal is not open");
        return false;
    }
    QString why;
    if (m_reader->replayFills(visit, &why))
        return true;
    *error = QStringLiteral("Cannot read the fills of the journal %1: %2").arg(QDir::toNativeSeparators(m_path), why);
    return false;
}

engine::HistoryPage StoreWorker::queryHistory(const engine::HistoryQuery &query)
{
    commitPending(); // history includes writes made just before the query
    if (!m_reader) {
        engine::HistoryPage page;
        page.query = query;
        page.error = engine::Error{QLatin1String(engine::errors::kJournalUnavailable), QStringLiteral("The journal is not open")};
        return page;
    }
    return m_reader->queryHistory(query);
}

} // namespace adapters::storage
