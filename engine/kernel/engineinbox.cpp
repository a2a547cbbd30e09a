#include "engine/kernel/engineinbox.h"

#include "engine/kernel/tradingengine.h"

#include <QMetaObject>

namespace engine {

namespace {
// Market messages handled per drain before yielding to the event loop, so that
// commands from the UI (start/stop) are never starved at 100x speed.
constexpr int kMarketBatch = 512;
} // namespace

EngineInbox::EngineInbox(TradingEngine *engine) : m_engine(engine) {}

void EngineInbox::postPriority(Task task)
{
    QMutexLocker lock(&m_mutex);
    ++m_received;
    m_priority.push_back(std::move(task));
    scheduleDrain();
}

void EngineInbox::postMarket(Task task)
{
    QMutexLocker lock(&m_mutex);
    ++m_received;
    m_market.push_back(std::move(task));
    scheduleDrain();
}

bool EngineInbox::isSettled() const
{
    QMutexLocker lock(&m_mutex);
    return m_settled == m_received;
}

void EngineInbox::scheduleDrain()
{
    if (m_drainScheduled || !m_engine)
        return;
    m_drainScheduled = true;
    QMetaObject::invokeMethod(m_engine.data(), [this] { drain(); }, Qt::QueuedConnection);
}

qsizetype EngineInbox::pending() const
{
    QMutexLocker lock(&m_mutex);
    return qsizetype(m_priority.size() + m_market.size()) + m_books.size();
}

void EngineInbox::drain()
{
    TradingEngine *engine = m_engine.data();
    if (!engine)
        return;
    int marketDone = 0;
    for (;;) {
        Task task;
        {
            QMutexLocker lock(&m_mutex);
            if (!m_priority.empty()) {
                task = std::move(m_priority.front());
                m_priority.pop_front();
            } else if (marketDone >= kMarketBatch) {
                m_drainScheduled = false;
                if (!m_market.empty() || !m_books.isEmpty())
                    scheduleDrain();
                return;
            } else if (!m_market.empty()) {
                task = std::move(m_market.front());
                m_market.pop_front();
                ++marketDone;
            } else if (!m_bookOrder.empty()) {
                const QString symbol = m_bookOrder.front();
                m_bookOrder.pop_front();
                const BookUpdate book = m_books.take(symbol);
                task = [book](TradingEngine &e) { e.handleBook(book); };
                ++marketDone;
            } else {
                m_drainScheduled = false;
                if (!engine->hasOrdersAwaitingJournal())
                    m_settled = m_received; // everything seen is handled, every decision has left
                return;
            }
        }
        ++m_processed;
        // One bad message (an overflowing value, a throwing handler) must not end the process.
        engine->guarded("an inbox message", [&task, engine] { task(*engine); });
    }
}

void EngineInbox::onInstruments(const QList<Instrument> &v)
{
    postPriority([v](TradingEngine &e) { e.handleInstruments(v); });
}
void EngineInbox::onCandleHistory(const QList<Candle> &v)
{
    postMarket([v](TradingEngine &e) { e.handleCandleHistory(v); });
}
void EngineInbox::onTrade(const TradeTick &v)
{
    postMarket([v](TradingEngine &e) { e.handleTrade(v); });
}
void EngineInbox::onBook(const BookUpdate &v)
{
    QMutexLocker lock(&m_mutex);
    ++m_received;
    auto it = m_books.find(v.symbol);
    if (it == m_books.end()) {
        m_books.insert(v.symbol, v);
        m_bookOrder.push_back(v.symbol);
    } else {
        *it = v; // conflate: only the newest book matters
    }
    scheduleDrain();
}
void EngineInbox::onCandle(const Candle &v)
{
    postMarket([v](TradingEngine &e) { e.handleCandle(v); });
}
void EngineInbox::onTicker(const Ticker24h &ticker)
{
    postMarket([ticker](TradingEngine &e) { e.handleTicker(ticker); });
}

void EngineInbox::onVenueHealth(const VenueHealth &health)
{
    postPriority([health](TradingEngine &e) { e.handleVenueHealth(health); });
}

void EngineInbox::onMarketConnection(bool connected, const QString &detail)
{
    postPriority([connected, detail](TradingEngine &e) { e.handleMarketConnection(connected, detail); });
}
void EngineInbox::onMarketError(const AdapterError &v)
{
    postPriority([v](TradingEngine &e) { e.handleAdapterError(v); });
}
void EngineInbox::onPostHistory(const QList<SocialPost> &v)
{
    postMarket([v](TradingEngine &e) { e.handlePostHistory(v); });
}
void EngineInbox::onPost(const SocialPost &v)
{
    postMarket([v](TradingEngine &e) { e.handlePost(v); });
}
void EngineInbox::onSocialError(const AdapterError &v)
{
    postPriority([v](TradingEngine &e) { e.handleAdapterError(v); });
}
void EngineInbox::onChainEvent(const ChainEvent &v)
{
    postMarket([v](TradingEngine &e) { e.handleChainEvent(v); });
}
void EngineInbox::onChainError(const AdapterError &v)
{
    postPriority([v](TradingEngine &e) { e.handleAdapterError(v); });
}
void EngineInbox::onExecutionReport(const ExecutionReport &v)
{
    postPriority([v](TradingEngine &e) { e.handleExecutionReport(v); });
}
void EngineInbox::onFill(const Fill &v)
{
    postPriority([v](TradingEngine &e) { e.handleFill(v); });
}
void EngineInbox::onBalances(const QHash<QString, Decimal> &v)
{
    postPriority([v](TradingEngine &e) { e.handleBalances(v); });
}
void EngineInbox::onOpenOrders(const QList<Order> &v)
{
    postPriority([v](TradingEngine &e) { e.handleOpenOrders(v); });
}
void EngineInbox::onExecutionError(const AdapterError &v)
{
    postPriority([v](TradingEngine &e) { e.handleAdapterError(v); });
}
void EngineInbox::onOrderDurable(const Order &v)
{
    postPriority([v](TradingEngine &e) { e.handleOrderDurable(v); });
}
void EngineInbox::onFillDurable(const Fill &v)
{
    postPriority([v](TradingEngine &e) { e.handleFillDurable(v); });
}
void EngineInbox::onOrderNotDurable(const Order &order, const QString &message)
{
    postPriority([order, message](TradingEngine &e) { e.handleOrderNotDurable(order, message); });
}
void EngineInbox::onFillNotDurable(const Fill &fill, const QString &message)
{
    postPriority([fill, message](TradingEngine &e) { e.handleFillNotDurable(fill, message); });
}
void EngineInbox::onStoreError(const QString &message)
{
    postPriority([message](TradingEngine &e) { e.handleStoreError(message); });
}

} // namespace engine
