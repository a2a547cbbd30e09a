#pragma once

#include "engine/execution/simulatedvenue.h"
#include "engine/ports/executionclient.h"

#include <deque>
#include <mutex>
#include <variant>

namespace adapters::paper {

//! Ordered delivery of venue events to the ExecutionSink. Events are posted while
//! the venue holds its own lock and delivered by flush() after it has let go, so
//! the sink never runs under the venue's lock. Only one thread delivers at a time
//! and it drains everything queued meanwhile: the sink sees events in the order
//! they happened, even when the engine and market threads race or the sink calls
//! back into the venue. Thread-safe.
class PaperOutbox {
public:
    using Balances = engine::SimulatedVenue::Balances;
    using Event = engine::SimulatedVenue::Event;

    //! Events delivered while no sink is set are dropped.
    void setSink(engine::ExecutionSink *sink);
    void post(Event event);
    //! Delivers everything queued, unless another thread is already doing so.
    void flush();

private:
    static void deliver(engine::ExecutionSink *sink, const Event &event);

    std::mutex m_mutex;
    engine::ExecutionSink *m_sink = nullptr;
    std::deque<Event> m_queue;
    bool m_delivering = false;
};

} // namespace adapters::paper
