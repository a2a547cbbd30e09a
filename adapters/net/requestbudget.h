#pragma once

#include <QtGlobal>

#include <deque>
#include <vector>

namespace adapters::net {

//! A venue's request budget: one or more windows of "at most N weight units per W ms"
//! (Binance: 6000 per minute; a per-10-s order window). Each window is a sliding log of what
//! was spent, which never exceeds N inside any W-ms span and so also respects a server that
//! counts in fixed, aligned windows. Pure: every call takes the current monotonic time, so
//! tests drive it with a fake clock. Not thread-safe (it belongs to its client's thread).
class RequestBudget {
public:
    struct Window {
        int limit = 0;       //!< weight units allowed per window
        qint64 windowMs = 0; //!< window length
    };

    RequestBudget() = default;
    //! Windows with a non-positive limit or length are ignored.
    explicit RequestBudget(const std::vector<Window> &windows);

    //! True when `weight` fits in every window now.
    [[nodiscard]] bool canSpend(int weight, qint64 nowMs);
    //! Milliseconds until `weight` fits in every window (0 = now); -1 when it never can
    //! because it exceeds a window's whole limit.
    [[nodiscard]] qint64 delayUntilAvailable(int weight, qint64 nowMs);
    //! Records `weight` as spent in every window (callers check canSpend first).
    void spend(int weight, qint64 nowMs);
    //! Aligns the window of length `windowMs` with the usage the server reports for it
    //! (X-MBX-USED-WEIGHT-1M). Only ever raises local usage: requests still in flight are
    //! not in the server's figure yet. Returns false when no window has that length.
    bool syncUsed(qint64 windowMs, int usedWeight, qint64 nowMs);

    //! Weight spent in the window of length `windowMs` during the last `windowMs` (-1: no such window).
    [[nodiscard]] int used(qint64 windowMs, qint64 nowMs);
    [[nodiscard]] bool isEmpty() const { return m_logs.empty(); }
    //! True when `weight` fits in every window's whole limit, i.e. can ever be sent.
    [[nodiscard]] bool fitsAtAll(int weight) const;

private:
    struct Spend {
        qint64 atMs;
        int weight;
    };
    struct Log {
        Window window;
        std::deque<Spend> spends; // oldest first
        int total = 0;            // sum of spends' weights
    };

    static void expire(Log &log, qint64 nowMs);
    static qint64 delayFor(Log &log, int weight, qint64 nowMs);

    std::vector<Log> m_logs;
};

} // namespace adapters::net
