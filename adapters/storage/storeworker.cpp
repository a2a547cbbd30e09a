#include "storeworker.h"

#include "journalreader.h"
#include "journalwriter.h"
#include "migrator.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

#include <algorithm>
#include <atomic>

namespace adapters::storage {

Q_LOGGING_CATEGORY(lcStorage, "memedesk.storage")

namespace {

constexpr int kBusyTimeoutMs = 5000;
constexpr int kMaxProblemsReported = 20; // a badly damaged file should not flood the log/UI

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
{
    m_batchTimer->setSingleShot(true);
    m_batchTimer->setInterval(kBatchIntervalMs);
    connect(m_batchTimer, &QTimer::timeout, this, &StoreWorker::commitPending);
}

StoreWorker::~StoreWorker()
{
    close();
}

bool StoreWorker::open(QString *error)
{
    QString dummy;
    if (!error)
        error = &dummy;
    if (m_writer)
        return true;
    const QString where = QDir::toNativeSeparators(m_path);
    const QFileInfo info(m_path);
    if (info.exists() && !info.isFile()) {
        *error = QStringLiteral("Cannot open the journal %1: it is not a file").arg(where);
        return false;
    }
    if (!QDir().mkpath(info.absolutePath())) {
        *error = QStringLiteral("Cannot create the folder for the journal %1").arg(where);
        return false;
    }

    m_connectionName = nextConnectionName();
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        auto pragma = [&](const QString &sql, QString *result) {
            QSqlQuery q(db);
            if (!q.exec(sql)) {
                *error = sqlError(q);
                return false;
            }
            if (result)
                *result = q.next() ? q.value(0).toString() : QString();
            return true;
        };
        QString mode;
        db.setDatabaseName(m_path);
        if (!db.isValid()) {
            *error = QStringLiteral("The Qt SQLite driver (QSQLITE) is not available; install the Qt 6 SQLite plugin");
        } else if (!db.open()) {
            *error = QStringLiteral("Cannot open the journal %1: %2").arg(where, db.lastError().text());
        } else if (!pragma(QStringLiteral("PRAGMA busy_timeout=%1").arg(kBusyTimeoutMs), nullptr)
                   || !pragma(QStringLiteral("PRAGMA journal_mode=WAL"), &mode)
                   || !pragma(QStringLiteral("PRAGMA synchronous=NORMAL"), nullptr)) {
            // SQLite opens lazily, so a foreign file is only noticed at the first statement.
            if (error->contains(QLatin1String("not a database"), Qt::CaseInsensitive))
                *error = QStringLiteral("Cannot open the journal %1: the file is not an SQLite database (%2). "
                                        "Move it away or choose another data folder.")
                             .arg(where, *error);
            else
                *error = QStringLiteral("Cannot open the journal %1: %2").arg(where, *error);
        } else {
            if (mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
                qCWarning(lcStorage) << "journal" << where << "runs in journal mode" << mode << "instead of WAL";
            Migrator migrator(db);
            QString why;
            if (migrator.migrate(&why)) {
                ok = true;
                if (migrator.appliedCount() > 0)
                    qCInfo(lcStorage) << "journal" << where << "migrated to schema" << migrator.knownVersion();
            } else {
                *error = QStringLiteral("Cannot prepare the journal %1: %2").arg(where, why);
            }
        }
        if (ok) {
            m_writer = std::make_unique<JournalWriter>(db);
            m_reader = std::make_unique<JournalReader>(db);
        } else {
            db.close();
        }
    }
    if (!ok)
        removeConnection();
    return ok;
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
    if (!m_writer) {
        reportError(QStringLiteral("The journal is not open: %1 write(s) were not saved").arg(batch.size()));
        return;
    }
    QString error;
    if (applyBatch(batch, &error)) {
        for (const PendingWrite &write : batch)
            acknowledge(write);
        return;
    }
    if (batch.size() == 1) {
        reportError(QStringLiteral("Could not save %1 to the journal: %2")
                        .arg(JournalWriter::describe(batch.front()), error));
        return;
    }
    // One bad write must not cost the others: retry each alone so only the failing ones are lost.
    reportError(QStringLiteral("Could not save %1 journal writes together (%2); retrying them one by one")
                    .arg(batch.size())
                    .arg(error));
    qsizetype lost = 0;
    QString lastError;
    for (const PendingWrite &write : batch) {
        if (applyBatch(std::span(&write, 1), &error)) {
            acknowledge(write);
        } else if (needsAcknowledgement(write)) {
            reportError(QStringLiteral("Could not save %1 to the journal: %2").arg(JournalWriter::describe(write), error));
        } else {
            ++lost;
            lastError = error;
        }
    }
    if (lost > 0)
        reportError(QStringLiteral("%1 signal/equity/portfolio/setting write(s) were not saved: %2").arg(lost).arg(lastError));
}

void StoreWorker::acknowledge(const PendingWrite &write)
{
    if (!m_sink)
        return;
    if (const auto *order = std::get_if<engine::Order>(&write))
        m_sink->onOrderDurable(*order);
    else if (const auto *fill = std::get_if<engine::Fill>(&write))
        m_sink->onFillDurable(*fill);
}

void StoreWorker::reportError(const QString &message)
{
    qCWarning(lcStorage).noquote() << message;
    if (m_sink)
        m_sink->onStoreError(message);
}

void StoreWorker::reportProblems(const QStringList &problems)
{
    for (qsizetype i = 0; i < problems.size() && i < kMaxProblemsReported; ++i)
        reportError(problems.at(i));
    if (problems.size() > kMaxProblemsReported)
        reportError(QStringLiteral("%1 more journal rows could not be read and were skipped")
                        .arg(problems.size() - kMaxProblemsReported));
}

engine::JournalSnapshot StoreWorker::loadSnapshot()
{
    commitPending(); // the snapshot must include everything written so far
    engine::JournalSnapshot snapshot;
    if (!m_reader) {
        reportError(QStringLiteral("The journal is not open: nothing to restore"));
        return snapshot;
    }
    QStringList problems;
    QString error;
    const bool ok = m_reader->loadSnapshot(&snapshot, &problems, &error);
    reportProblems(problems);
    if (!ok)
        reportError(QStringLiteral("Could not read the journal: %1").arg(error));
    return snapshot;
}

engine::HistoryPage StoreWorker::queryHistory(const engine::HistoryQuery &query)
{
    commitPending(); // history includes writes made just before the query
    if (!m_reader) {
        engine::HistoryPage page;
        page.query = query;
        page.error = QStringLiteral("The journal is not open");
        return page;
    }
    QStringList problems;
    engine::HistoryPage page = m_reader->queryHistory(query, &problems);
    reportProblems(problems);
    return page;
}

} // namespace adapters::storage
