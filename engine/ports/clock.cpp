#include "engine/ports/clock.h"

#include <QDateTime>

namespace engine {

qint64 WallClock::nowMs() const { return QDateTime::currentMSecsSinceEpoch(); }

void EventClock::advanceTo(qint64 tsMs)
{
    qint64 cur = m_now.load(std::memory_order_relaxed);
    while (tsMs > cur && !m_now.compare_exchange_weak(cur, tsMs, std::memory_order_relaxed)) {
    }
}

} // namespace engine
