#include "adapters/demo/evaluation/latencyvenue.h"

namespace adapters::demo::evaluation {

LatencyVenue::LatencyVenue(engine::SimVenueConfig config, engine::EventClock *clock, qint64 latencyMs)
    : m_clock(clock)
    , m_latencyMs(std::max<qint64>(0, latencyMs))
    , m_takerFee(config.takerFee)
    , m_venue(std::move(config), clock, [this](engine::SimulatedVenue::Event e) {
        if (const auto *report = std::get_if<engine::ExecutionReport>(&e); report && engine::isTerminal(report->status)) {
            if (const auto it = m_working.constFind(report->clientId); it != m_working.cend()) {
                if (--m_workingPerSymbol[it.value()] <= 0)
                    m_workingPerSymbol.remove(it.value());
                m_working.erase(it);
            }
        }
        m_outbox.push_back(std::move(e));
    })
{
}

void LatencyVenue::submit(const engine::OrderRequest &request)
{
    m_inFlight[request.symbol].push_back({m_clock->nowMs() + m_latencyMs, false, request});
}

void LatencyVenue::cancel(const QString &clientId, const QString &symbol)
{
    engine::OrderRequest r;
    r.clientId = clientId;
    r.symbol = symbol;
    m_inFlight[symbol].push_back({m_clock->nowMs() + m_latencyMs, true, r});
}

void LatencyVenue::query(const QString &clientId, const QString &symbol)
{
    // An order still on its way is not known to the venue yet; ask again once it has arrived.
    if (const auto it = m_inFlight.find(symbol); it != m_inFlight.end()) {
        for (const InFlight &f : it->second) {
            if (!f.cancel && f.request.clientId == clientId)
                return;
        }
    }
    m_venue.query(clientId);
}

void LatencyVenue::onBook(const engine::BookUpdate &book)
{
    m_clock->advanceTo(book.tsMs);
    const auto it = m_inFlight.find(book.symbol);
    const bool due = it != m_inFlight.end() && !it->second.empty() && it->second.front().arriveMs <= book.tsMs;
    // The venue needs a book when an order of its symbol is working or arrives with it; skipping
    // the others is what keeps twenty baseline accounts cheap.
    if (!due && !m_workingPerSymbol.contains(book.symbol))
        return;
    m_venue.onBook(book);
    if (!due)
        return;
    std::deque<InFlight> &queue = it->second;
    while (!queue.empty() && queue.front().arriveMs <= book.tsMs) {
        const InFlight f = std::move(queue.front());
        queue.pop_front();
        if (f.cancel) {
            m_venue.cancel(f.request.clientId);
        } else {
            if (!m_working.contains(f.request.clientId)) {
                m_working.insert(f.request.clientId, f.request.symbol);
                ++m_workingPerSymbol[f.request.symbol];
            }
            m_venue.submit(f.request);
        }
    }
}

bool LatencyVenue::deliver()
{
    bool any = false;
    while (!m_outbox.empty() && m_sink) {
        engine::SimulatedVenue::Event event = std::move(m_outbox.front());
        m_outbox.pop_front();
        any = true;
        struct Visitor {
            engine::ExecutionSink *sink;
            void operator()(const engine::ExecutionReport &r) const { sink->onExecutionReport(r); }
            void operator()(const engine::Fill &f) const { sink->onFill(f); }
            void operator()(const engine::SimulatedVenue::Balances &b) const { sink->onBalances(b); }
            void operator()(const engine::AdapterError &e) const { sink->onExecutionError(e); }
            void operator()(const engine::SimulatedVenue::OpenOrders &o) const { sink->onOpenOrders(o.orders); }
        };
        std::visit(Visitor{m_sink}, event);
    }
    return any;
}

} // namespace adapters::demo::evaluation
