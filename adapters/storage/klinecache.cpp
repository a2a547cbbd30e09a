#include "adapters/storage/klinecache.h"

#include "adapters/storage/sqlbars.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <atomic>

namespace adapters::storage {

namespace {

engine::Error failed(const QString &what, const QSqlQuery &q)
{
    return engine::Error{QStringLiteral("KLINE_CACHE_FAILED"), QStringLiteral("%1: %2").arg(what, q.lastError().text())};
}

QString nextConnection()
{
    static std::atomic<int> counter{0};
    return QStringLiteral("memedesk-klines-%1").arg(++counter);
}

} // namespace

KlineCache::KlineCache(QString path) : m_path(std::move(path)), m_connection(nextConnection()) {}

KlineCache::~KlineCache()
{
    if (m_db.isValid())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connection);
}

engine::Result<void> KlineCache::open()
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    m_db.setDatabaseName(m_path);
    if (!m_db.open())
        return engine::Error{QStringLiteral("KLINE_CACHE_FAILED"), QStringLiteral("cannot open %1: %2").arg(m_path, m_db.lastError().text())};
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL"))
        || !q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS klines (symbol TEXT NOT NULL, interval TEXT NOT NULL,"
                                  " open_time_ms INTEGER NOT NULL, interval_sec INTEGER NOT NULL, open TEXT NOT NULL,"
                                  " high TEXT NOT NULL, low TEXT NOT NULL, close TEXT NOT NULL, volume TEXT NOT NULL,"
                                  " PRIMARY KEY (symbol, interval, open_time_ms)) WITHOUT ROWID")))
        return failed(QStringLiteral("preparing %1").arg(m_path), q);
    return {};
}

engine::Result<void> KlineCache::store(const QString &interval, const QList<engine::Candle> &bars)
{
    if (!m_db.transaction())
        return engine::Error{QStringLiteral("KLINE_CACHE_FAILED"), m_db.lastError().text()};
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO klines (symbol, interval, open_time_ms, interval_sec, open, high, low, close, volume)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const engine::Candle &c : bars) {
        q.addBindValue(c.symbol);
        q.addBindValue(interval);
        q.addBindValue(c.openTimeMs);
        q.addBindValue(c.intervalSec);
        q.addBindValue(c.open.toString());
        q.addBindValue(c.high.toString());
        q.addBindValue(c.low.toString());
        q.addBindValue(c.close.toString());
        q.addBindValue(c.volume.toString());
        if (!q.exec()) {
            const engine::Error e = failed(QStringLiteral("storing klines of %1").arg(c.symbol), q);
            m_db.rollback();
            return e;
        }
    }
    if (!m_db.commit())
        return engine::Error{QStringLiteral("KLINE_CACHE_FAILED"), m_db.lastError().text()};
    return {};
}

std::optional<KlineCache::Coverage> KlineCache::coverage(const QString &symbol, const QString &interval) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT MIN(open_time_ms), MAX(open_time_ms), COUNT(*) FROM klines WHERE symbol = ? AND interval = ?"));
    q.addBindValue(symbol);
    q.addBindValue(interval);
    if (!q.exec() || !q.next() || q.value(2).toLongLong() == 0)
        return std::nullopt;
    return Coverage{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong()};
}

std::unique_ptr<engine::BarSource> KlineCache::bars(const QString &symbol, const QString &interval, qint64 fromMs, qint64 toMs) const
{
    return std::make_unique<SqlBars>(m_db, symbol,
                                     QStringLiteral("SELECT open_time_ms, open, high, low, close, volume, interval_sec FROM klines"
                                                    " WHERE symbol = ? AND interval = ? AND open_time_ms BETWEEN ? AND ?"
                                                    " ORDER BY open_time_ms"),
                                     QVariantList{symbol, interval, fromMs, toMs});
}

} // namespace adapters::storage
