#include "adapters/binance/binancevenue.h"

#include "adapters/binance/binancevenueworker.h"

namespace adapters::binance {

net::WebSocketOptions binanceSocketOptions()
{
    net::WebSocketOptions o;
    o.maxLifetimeMs = 23LL * 60 * 60 * 1000 + 50LL * 60 * 1000; // 23 h 50 min, before Binance's 24 h cut
    return o;
}

BinanceVenue::BinanceVenue(BinanceSettings settings)
    : m_worker(new BinanceVenueWorker(std::move(settings), [this](engine::Decimal rate) {
        QMutexLocker lock(&m_feeMutex);
        m_takerFee = rate;
    }))
{
    m_thread.setObjectName(QStringLiteral("binance-io"));
    m_worker->moveToThread(&m_thread);
    m_thread.start();
    // The sockets and timers are thread-affine: they are made on the I/O thread.
    BinanceVenueWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker] { worker->build(); }, Qt::BlockingQueuedConnection);
}

BinanceVenue::~BinanceVenue()
{
    BinanceVenueWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QString BinanceVenue::setupError() const { return m_worker->setupError(); }

engine::Decimal BinanceVenue::takerFeeRate() const
{
    QMutexLocker lock(&m_feeMutex);
    return m_takerFee;
}

QString BinanceVenue::venue() const { return QStringLiteral("binance"); }

void BinanceVenue::addMarketSink(engine::MarketDataSink *sink)
{
    BinanceVenueWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker, sink] { worker->addMarketSink(sink); }, Qt::BlockingQueuedConnection);
}

void BinanceVenue::setExecutionSink(engine::ExecutionSink *sink)
{
    // Blocking, so that after a detach (nullptr) nothing more reaches the old sink.
    BinanceVenueWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker, sink] { worker->setExecutionSink(sink); }, Qt::BlockingQueuedConnection);
}

void BinanceVenue::setSymbols(const QStringList &symbols)
{
    BinanceVenueWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker, symbols] { worker->setSymbols(symbols); }, Qt::QueuedConnection);
}

void BinanceVenue::startMarketData()
{
    BinanceVenueWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker] { worker->startMarketData(); }, Qt::QueuedConnection);
}

void BinanceVenue::stopMarketData()
{
    BinanceVenueWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker] { worker->stopMarketData(); }, Qt::BlockingQueuedConnection);
}

void BinanceVenue::submit(const engine::OrderRequest &request)
{
    BinanceVenueWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker, request] { worker->submit(request); }, Qt::QueuedConnection);
}

void BinanceVenue::cancel(const QString &clientId, const QString &symbol)
{
    BinanceVenueWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker, clientId, symbol] { worker->cancel(clientId, symbol); }, Qt::QueuedConnection);
}

void BinanceVenue::query(const QString &clientId, const QString &symbol)
{
    BinanceVenueWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker, clientId, symbol] { worker->query(clientId, symbol); }, Qt::QueuedConnection);
}

void BinanceVenue::requestOpenOrders()
{
    BinanceVenueWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker] { worker->requestOpenOrders(); }, Qt::QueuedConnection);
}

void BinanceVenue::requestBalances()
{
    BinanceVenueWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker] { worker->requestBalances(); }, Qt::QueuedConnection);
}

} // namespace adapters::binance
