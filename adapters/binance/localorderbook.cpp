#include "adapters/binance/localorderbook.h"

namespace adapters::binance {

namespace {
constexpr std::size_t kMaxBuffered = 10000; // a snapshot that never comes must not eat memory
}

LocalOrderBook::LocalOrderBook(QString symbol, int levelsOut)
    : m_symbol(std::move(symbol))
    , m_levelsOut(std::max(1, levelsOut))
{
}

void LocalOrderBook::reset()
{
    m_state = State::WaitingForSnapshot;
    m_lastUpdateId = 0;
    m_firstApplied = false;
    m_buffer.clear();
    m_bids.clear();
    m_asks.clear();
}

void LocalOrderBook::set(std::map<engine::Decimal, engine::Decimal, std::greater<>> &side, const engine::BookLevel &level)
{
    if (level.qty.isZero())
        side.erase(level.price);
    else
        side[level.price] = level.qty;
}

void LocalOrderBook::set(std::map<engine::Decimal, engine::Decimal> &side, const engine::BookLevel &level)
{
    if (level.qty.isZero())
        side.erase(level.price);
    else
        side[level.price] = level.qty;
}

bool LocalOrderBook::apply(const DepthUpdate &d)
{
    if (d.finalUpdateId <= m_lastUpdateId)
        return true; // already in the book
    const bool follows = m_firstApplied ? d.firstUpdateId == m_lastUpdateId + 1
                                        : d.firstUpdateId <= m_lastUpdateId + 1 && m_lastUpdateId + 1 <= d.finalUpdateId;
    if (!follows) {
        m_state = State::NeedsResync;
        return false;
    }
    for (const engine::BookLevel &l : d.bids)
        set(m_bids, l);
    for (const engine::BookLevel &l : d.asks)
        set(m_asks, l);
    m_lastUpdateId = d.finalUpdateId;
    m_firstApplied = true;
    return true;
}

void LocalOrderBook::onDiff(const DepthUpdate &diff)
{
    switch (m_state) {
    case State::WaitingForSnapshot:
        if (m_buffer.size() >= kMaxBuffered)
            m_buffer.pop_front();
        m_buffer.push_back(diff);
        return;
    case State::Synced:
        apply(diff);
        return;
    case State::NeedsResync:
        return; // nothing is applied to a book that lost its place
    }
}

engine::Result<void> LocalOrderBook::onSnapshot(qint64 lastUpdateId, const QList<engine::BookLevel> &bids,
                                                const QList<engine::BookLevel> &asks)
{
    m_bids.clear();
    m_asks.clear();
    for (const engine::BookLevel &l : bids)
        set(m_bids, l);
    for (const engine::BookLevel &l : asks)
        set(m_asks, l);
    m_lastUpdateId = lastUpdateId;
    m_firstApplied = false;
    m_state = State::Synced;
    std::deque<DepthUpdate> buffered;
    buffered.swap(m_buffer);
    for (const DepthUpdate &d : buffered) {
        if (!apply(d))
            return engine::Error{QStringLiteral("DEPTH_GAP"),
                                 QStringLiteral("%1: diff %2..%3 does not continue the book at %4; a newer snapshot is needed")
                                     .arg(m_symbol)
                                     .arg(d.firstUpdateId)
                                     .arg(d.finalUpdateId)
                                     .arg(m_lastUpdateId)};
    }
    return {};
}

engine::BookUpdate LocalOrderBook::top(qint64 tsMs) const
{
    engine::BookUpdate b;
    b.symbol = m_symbol;
    b.tsMs = tsMs;
    for (auto it = m_bids.cbegin(); it != m_bids.cend() && b.bids.size() < m_levelsOut; ++it)
        b.bids.append({it->first, it->second});
    for (auto it = m_asks.cbegin(); it != m_asks.cend() && b.asks.size() < m_levelsOut; ++it)
        b.asks.append({it->first, it->second});
    return b;
}

} // namespace adapters::binance
