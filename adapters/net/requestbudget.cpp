#include "adapters/net/requestbudget.h"

#include <algorithm>

namespace adapters::net {

RequestBudget::RequestBudget(const std::vector<Window> &windows)
{
    for (const Window &w : windows) {
        if (w.limit > 0 && w.windowMs > 0)
            m_logs.push_back(Log{w, {}, 0});
    }
}

void RequestBudget::expire(Log &log, qint64 nowMs)
{
    // A spend at t stops counting at t + W.
    while (!log.spends.empty() && log.spends.front().atMs + log.window.windowMs <= nowMs) {
        log.total -= log.spends.front().weight;
        log.spends.pop_front();
    }
}

qint64 RequestBudget::delayFor(Log &log, int weight, qint64 nowMs)
{
    expire(log, nowMs);
    if (weight > log.window.limit)
        return -1;
    int excess = log.total + weight - log.window.limit;
    if (excess <= 0)
        return 0;
    // Walk the oldest spends until enough of them have expired to make room.
    for (const Spend &s : log.spends) {
        excess -= s.weight;
        if (excess <= 0)
            return std::max<qint64>(0, s.atMs + log.window.windowMs - nowMs);
    }
    return -1; // unreachable while total is consistent
}

bool RequestBudget::canSpend(int weight, qint64 nowMs)
{
    return delayUntilAvailable(weight, nowMs) == 0;
}

qint64 RequestBudget::delayUntilAvailable(int weight, qint64 nowMs)
{
    weight = std::max(0, weight);
    qint64 delay = 0;
    for (Log &log : m_logs) {
        const qint64 d = delayFor(log, weight, nowMs);
        if (d < 0)
            return -1;
        delay = std::max(delay, d);
    }
    return delay;
}

void RequestBudget::spend(int weight, qint64 nowMs)
{
    if (weight <= 0)
        return;
    for (Log &log : m_logs) {
        expire(log, nowMs);
        log.spends.push_back(Spend{nowMs, weight});
        log.total += weight;
    }
}

bool RequestBudget::syncUsed(qint64 windowMs, int usedWeight, qint64 nowMs)
{
    bool found = false;
    for (Log &log : m_logs) {
        if (log.window.windowMs != windowMs)
            continue;
        found = true;
        expire(log, nowMs);
        // The missing part is booked now, so it expires a full window later: conservative
        // against a server whose fixed window started before our first spend.
        const int missing = std::min(usedWeight, log.window.limit) - log.total;
        if (missing > 0) {
            log.spends.push_back(Spend{nowMs, missing});
            log.total += missing;
        }
    }
    return found;
}

int RequestBudget::used(qint64 windowMs, qint64 nowMs)
{
    for (Log &log : m_logs) {
        if (log.window.windowMs == windowMs) {
            expire(log, nowMs);
            return log.total;
        }
    }
    return -1;
}

bool RequestBudget::fitsAtAll(int weight) const
{
    return std::all_of(m_logs.begin(), m_logs.end(),
                       [weight](const Log &log) { return weight <= log.window.limit; });
}

} // namespace adapters::net
