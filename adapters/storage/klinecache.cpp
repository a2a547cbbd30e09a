#include "adapters/storage/klinecache.h"

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

//! Streams rows of the cache as bars; every value is checked as it is read.
class CachedBars final : public engine::BarSource {
public:
    CachedBars(const QSqlDatabase &db, const QString &symbol, const QString &interval, qint64 fromMs, qint64 toMs)
        : m_query(db)
        , m_symbol(symbol)
    {
        m_query.setForwardOnly(true);
        m_query.prepare(QStringLiteral("SELECT open_time_ms, open, high, low, close, volume, interval_sec FROM klines"
                                       " WHERE symbol = ? AND interval = ? AND open_time_ms BETWEEN ? AND ? ORDER BY open_time_ms"));
        m_query.addBindValue(symbol);
        m_query.addBindValue(interval);
        m_query.addBindValue(fromMs);
        m_query.addBindValue(toMs);
        m_ok = m_query.exec();
    }

    engine::Result<bool> next(engine::Candle &bar) override
    {
        if (!m_ok)
            return failed(QStringLiteral("reading the cached klines of %1").arg(m_symbol), m_query);
        if (!m_query.next()) {
            if (m_query.lastError().isValid())
                return failed(QStringLiteral("reading the cached klines of %1").arg(m_symbol), m_query);
            if (m_rows == 0)
                return engine::Error{QStringLiteral("BAR_DATA_INVALID"), QStringLiteral("no cached bars of %1 in that range").arg(m_symbol)};
            return false;
        }
        bar.symbol = m_symbol;
        bar.openTimeMs = m_query.value(0).toLongLong();
        bar.intervalSec = m_query.value(6).toInt();
        engine::Decimal *fields[] = {&bar.open, &bar.high, &bar.low, &bar.close, &bar.volume};
        for (int i = 0; i < 5; ++i) {
            const auto d = engine::Decimal::parse(m_query.value(i + 1).toString());
            if (!d)
                return engine::Error{QStringLiteral("BAR_DATA_INVALID"),
                                     QStringLiteral("the cached bar of %1 at %2 has an unreadable price").arg(m_symbol).arg(bar.openTimeMs)};
            *fields[i] = *d;
        }
        bar.closed = true;
        ++m_rows;
        return true;
    }

private:
    QSqlQuery m_query;
    QString m_symbol;
    bool m_ok = false;
    qint64 m_rows = 0;
};

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
    return std::make_unique<CachedBars>(m_db, symbol, interval, fromMs, toMs);
}

} // namespace adapters::storage
