#include "adapters/paper/paperexecutionclient.h"

namespace adapters::paper {

PaperExecutionClient::PaperExecutionClient(PaperConfig config, const engine::Clock *clock)
    : m_takerFee(config.takerFee)
    , m_venue(std::move(config), clock, [this](engine::SimulatedVenue::Event e) { m_outbox.post(std::move(e)); })
{
}

PaperExecutionClient::~PaperExecutionClient() = default;

template<class F>
void PaperExecutionClient::run(F &&operation)
{
    {
        std::lock_guard lock(m_mutex);
        operation(m_venue);
    }
    // Delivered outside the lock: the sink may call straight back into the venue.
    m_outbox.flush();
}

QString PaperExecutionClient::venue() const { return m_venue.venueName(); }

void PaperExecutionClient::setExecutionSink(engine::ExecutionSink *sink) { m_outbox.setSink(sink); }

void PaperExecutionClient::submit(const engine::OrderRequest &request)
{
    run([&](engine::SimulatedVenue &v) { v.submit(request); });
}

void PaperExecutionClient::cancel(const QString &clientId, const QString &)
{
    run([&](engine::SimulatedVenue &v) { v.cancel(clientId); });
}

void PaperExecutionClient::query(const QString &clientId, const QString &)
{
    run([&](engine::SimulatedVenue &v) { v.query(clientId); });
}

void PaperExecutionClient::requestBalances()
{
    run([](engine::SimulatedVenue &v) { v.requestBalances(); });
}

void PaperExecutionClient::requestOpenOrders()
{
    run([](engine::SimulatedVenue &v) { v.requestOpenOrders(); });
}

void PaperExecutionClient::restoreBalances(const QHash<QString, engine::Decimal> &balances)
{
    run([&](engine::SimulatedVenue &v) { v.restoreBalances(balances); });
}

void PaperExecutionClient::onInstruments(const QList<engine::Instrument> &instruments)
{
    run([&](engine::SimulatedVenue &v) { v.onInstruments(instruments); });
}

void PaperExecutionClient::onBook(const engine::BookUpdate &book)
{
    run([&](engine::SimulatedVenue &v) { v.onBook(book); });
}

// Fills come from the book alone; trades and candles carry nothing the fill model uses.
void PaperExecutionClient::onCandleHistory(const QList<engine::Candle> &) {}
void PaperExecutionClient::onTrade(const engine::TradeTick &) {}
void PaperExecutionClient::onCandle(const engine::Candle &) {}
// The engine hears about connection and feed errors from the market data client itself.
void PaperExecutionClient::onMarketConnection(bool, const QString &) {}
void PaperExecutionClient::onMarketError(const engine::AdapterError &) {}

} // namespace adapters::paper
