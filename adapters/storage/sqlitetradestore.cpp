#include "adapters/storage/sqlitetradestore.h"

#include "adapters/storage/storeworker.h"

namespace adapters::storage {

SqliteTradeStore::SqliteTradeStore(QString databasePath)
    : m_path(std::move(databasePath))
    , m_worker(new StoreWorker(m_path))
{
    m_thread.setObjectName(QStringLiteral("memedesk-store"));
    m_worker->moveToThread(&m_thread);
    // The worker's timer and connection belong to the store thread, so it is deleted there too.
    QObject::connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

SqliteTradeStore::~SqliteTradeStore()
{
    Q_ASSERT_X(QThread::currentThread() != &m_thread, "SqliteTradeStore",
               "must not be destroyed from its own store thread");
    runBlocking([w = m_worker] { w->close(); });
    m_thread.quit();
    m_thread.wait();
}

template<class F>
void SqliteTradeStore::runBlocking(F &&function) const
{
    // Blocking on our own thread would deadlock; there the call can simply run in place.
    if (QThread::currentThread() == &m_thread)
        function();
    else
        QMetaObject::invokeMethod(m_worker, std::forward<F>(function), Qt::BlockingQueuedConnection);
}

template<class F>
void SqliteTradeStore::post(F &&function)
{
    QMetaObject::invokeMethod(m_worker, std::forward<F>(function), Qt::QueuedConnection);
}

engine::Result<void> SqliteTradeStore::open()
{
    bool ok = false;
    QString why;
    OpenFailure failure = OpenFailure::None;
    runBlocking([&] {
        ok = m_worker->open(&why);
        failure = m_worker->openFailure();
    });
    if (ok)
        return {};
    const char *code = engine::errors::kJournalUnavailable;
    switch (failure) {
    case OpenFailure::Damaged: code = engine::errors::kJournalDamaged; break;
    case OpenFailure::InUse: code = engine::errors::kJournalInUse; break;
    case OpenFailure::TooNew: code = engine::errors::kJournalTooNew; break;
    case OpenFailure::None:
    case OpenFailure::Other: break;
    }
    return engine::Error{QLatin1String(code), why};
}

engine::Result<engine::JournalSnapshot> SqliteTradeStore::loadSnapshot()
{
    engine::JournalSnapshot snapshot;
    bool ok = false;
    QString why;
    runBlocking([&] { ok = m_worker->loadSnapshot(&snapshot, &why); });
    if (!ok)
        return engine::Error{QLatin1String(engine::errors::kJournalUnreadable), why};
    return snapshot;
}

engine::Result<void> SqliteTradeStore::replayFills(const std::function<bool(const engine::Fill &)> &visit)
{
    bool ok = false;
    QString why;
    runBlocking([&] { ok = m_worker->replayFills(visit, &why); });
    if (!ok)
        return engine::Error{QLatin1String(engine::errors::kJournalUnreadable), why};
    return {};
}

engine::Result<QString> SqliteTradeStore::backupNow()
{
    bool ok = false;
    QString path;
    QString why;
    runBlocking([&] { ok = m_worker->backupNow(&path, &why); });
    if (!ok)
        return engine::Error{QLatin1String(engine::errors::kBackupFailed), why};
    return path;
}

void SqliteTradeStore::setExclusive(bool exclusive)
{
    runBlocking([w = m_worker, exclusive] { w->setExclusive(exclusive); });
}

void SqliteTradeStore::setReadOnly(bool readOnly)
{
    runBlocking([w = m_worker, readOnly] { w->setReadOnly(readOnly); });
}

void SqliteTradeStore::setBackupInterval(qint64 ms)
{
    runBlocking([w = m_worker, ms] { w->setBackupInterval(ms); });
}

void SqliteTradeStore::setStoreSink(engine::TradeStoreSink *sink)
{
    runBlocking([w = m_worker, sink] { w->setSink(sink); });
}

void SqliteTradeStore::saveOrder(const engine::Order &order)
{
    post([w = m_worker, order] { w->enqueue(order); });
}

void SqliteTradeStore::saveFill(const engine::Fill &fill)
{
    post([w = m_worker, fill] { w->enqueue(fill); });
}

void SqliteTradeStore::saveFillChange(const engine::FillChange &change)
{
    post([w = m_worker, change] { w->enqueue(change); });
}

void SqliteTradeStore::savePortfolio(const QList<engine::Position> &positions,
                                     const QHash<QString, engine::Decimal> &balances, const QHash<QString, QString> &settings)
{
    post([w = m_worker, p = PortfolioWrite{positions, balances, settings}] { w->enqueue(p); });
}

void SqliteTradeStore::saveSignal(const engine::Signal &signal)
{
    post([w = m_worker, signal] { w->enqueue(signal); });
}

void SqliteTradeStore::saveEquity(const engine::EquityPoint &point)
{
    post([w = m_worker, point] { w->enqueue(point); });
}

void SqliteTradeStore::saveCandle(const engine::Candle &candle)
{
    post([w = m_worker, candle] { w->enqueue(candle); });
}

void SqliteTradeStore::saveSetting(const QString &key, const QString &value)
{
    post([w = m_worker, s = SettingWrite{key, value}] { w->enqueue(s); });
}

void SqliteTradeStore::queryHistory(const engine::HistoryQuery &query, std::function<void(engine::HistoryPage)> done)
{
    post([w = m_worker, query, done = std::move(done)] {
        engine::HistoryPage page = w->queryHistory(query);
        if (done)
            done(std::move(page));
    });
}

void SqliteTradeStore::flush()
{
    runBlocking([w = m_worker] { w->commitPending(); });
}

} // namespace adapters::storage
