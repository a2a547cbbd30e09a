#include "adapters/demo/evaluation/researchjournal.h"

namespace adapters::demo::evaluation {

engine::Result<void> ResearchJournal::replayFills(const std::function<bool(const engine::Fill &)> &visit)
{
    for (const engine::Fill &f : m_fills) {
        if (!visit(f))
            break;
    }
    return {};
}

void ResearchJournal::saveFill(const engine::Fill &fill)
{
    m_fills.append(fill);
    m_acks.emplace_back(fill);
}

void ResearchJournal::saveFillChange(const engine::FillChange &change)
{
    saveFill(change.fill);
    m_acks.emplace_back(change.order); // acknowledged as a fill and then an order, like the real journal
}

void ResearchJournal::queryHistory(const engine::HistoryQuery &query, std::function<void(engine::HistoryPage)> done)
{
    engine::HistoryPage page;
    page.query = query;
    done(page);
}

bool ResearchJournal::deliver()
{
    bool any = false;
    while (!m_acks.empty() && m_sink) {
        const auto ack = std::move(m_acks.front());
        m_acks.pop_front();
        any = true;
        if (const auto *order = std::get_if<engine::Order>(&ack))
            m_sink->onOrderDurable(*order);
        else
            m_sink->onFillDurable(std::get<engine::Fill>(ack));
    }
    return any;
}

} // namespace adapters::demo::evaluation
