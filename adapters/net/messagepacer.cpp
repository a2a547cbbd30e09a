#include "adapters/net/messagepacer.h"

#include <algorithm>

namespace adapters::net {

MessagePacer::MessagePacer(int maxMessages, qint64 windowMs, int maxQueued)
    : m_budget(maxMessages > 0 && windowMs > 0 ? std::vector<RequestBudget::Window>{{maxMessages, windowMs}}
                                               : std::vector<RequestBudget::Window>{})
    , m_maxQueued(std::max(1, maxQueued))
{
}

bool MessagePacer::push(Item item)
{
    if (size() >= m_maxQueued)
        return false;
    m_queue.push_back(std::move(item));
    return true;
}

void MessagePacer::pushFront(std::vector<Item> items)
{
    // Never refused: these are what makes the connection useful again.
    for (auto it = items.rbegin(); it != items.rend(); ++it)
        m_queue.push_front(std::move(*it));
}

std::optional<MessagePacer::Item> MessagePacer::takeReady(qint64 nowMs)
{
    if (m_queue.empty() || !m_budget.canSpend(1, nowMs))
        return std::nullopt;
    m_budget.spend(1, nowMs);
    Item item = std::move(m_queue.front());
    m_queue.pop_front();
    return item;
}

qint64 MessagePacer::delayMs(qint64 nowMs)
{
    if (m_queue.empty())
        return -1;
    return m_budget.delayUntilAvailable(1, nowMs);
}

void MessagePacer::removeAll(Item::Kind kind)
{
    m_queue.erase(std::remove_if(m_queue.begin(), m_queue.end(), [kind](const Item &i) { return i.kind == kind; }),
                  m_queue.end());
}

} // namespace adapters::net
