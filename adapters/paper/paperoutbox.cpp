#include "adapters/paper/paperoutbox.h"

namespace adapters::paper {

void PaperOutbox::setSink(engine::ExecutionSink *sink)
{
    std::lock_guard lock(m_mutex);
    m_sink = sink;
}

void PaperOutbox::post(Event event)
{
    std::lock_guard lock(m_mutex);
    m_queue.push_back(std::move(event));
}

void PaperOutbox::flush()
{
    std::unique_lock lock(m_mutex);
    if (m_delivering)
        return; // the delivering thread picks up what was queued
    m_delivering = true;
    while (!m_queue.empty()) {
        std::deque<Event> batch;
        batch.swap(m_queue);
        engine::ExecutionSink *sink = m_sink;
        lock.unlock();
        try {
            for (const Event &event : batch)
                deliver(sink, event);
        } catch (...) {
            lock.lock();
            m_delivering = false;
            throw;
        }
        lock.lock();
    }
    m_delivering = false;
}

void PaperOutbox::deliver(engine::ExecutionSink *sink, const Event &event)
{
    if (!sink)
        return;
    if (const auto *r = std::get_if<engine::ExecutionReport>(&event))
        sink->onExecutionReport(*r);
    else if (const auto *f = std::get_if<engine::Fill>(&event))
        sink->onFill(*f);
    else if (const auto *b = std::get_if<Balances>(&event))
        sink->onBalances(*b);
    else if (const auto *e = std::get_if<engine::AdapterError>(&event))
        sink->onExecutionError(*e);
    else if (const auto *o = std::get_if<engine::SimulatedVenue::OpenOrders>(&event))
        sink->onOpenOrders(o->orders);
}

} // namespace adapters::paper
