#include "adapters/storage/journalbars.h"

#include "adapters/storage/sqlbars.h"

#include <QFileInfo>
#include <QSqlError>

#include <atomic>

namespace adapters::storage {

namespace {

//! The reader with its own read-only connection, closed when the replay is done.
class JournalBars final : public engine::BarSource {
public:
    JournalBars(QString connection, const QString &symbol, qint64 fromMs, qint64 toMs) : m_connection(std::move(connection))
    {
        m_bars = std::make_unique<SqlBars>(QSqlDatabase::database(m_connection, false), symbol,
                                           QStringLiteral("SELECT open_time_ms, open, high, low, close, volume, interval_sec FROM candles"
                                                          " WHERE symbol = ? AND open_time_ms BETWEEN ? AND ?"
                                                          " ORDER BY interval_sec, open_time_ms"),
                                           QVariantList{symbol, fromMs, toMs});
    }
    ~JournalBars() override
    {
        m_bars.reset();
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
    engine::Result<bool> next(engine::Candle &bar) override { return m_bars->next(bar); }

private:
    QString m_connection;
    std::unique_ptr<SqlBars> m_bars;
};

} // namespace

engine::Result<std::unique_ptr<engine::BarSource>> journalBars(const QString &journalPath, const QString &symbol, qint64 fromMs,
                                                               qint64 toMs)
{
    if (!QFileInfo::exists(journalPath))
        return engine::Error{QStringLiteral("USAGE"), QStringLiteral("there is no journal at %1").arg(journalPath)};
    static std::atomic<int> counter{0};
    const QString name = QStringLiteral("memedesk-journal-bars-%1").arg(++counter);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(journalPath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open()) {
            const QString why = db.lastError().text();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return engine::Error{QStringLiteral("BAR_DATA_UNREADABLE"), QStringLiteral("cannot read %1: %2").arg(journalPath, why)};
        }
    }
    return std::unique_ptr<engine::BarSource>(std::make_unique<JournalBars>(name, symbol, fromMs, toMs));
}

} // namespace adapters::storage
