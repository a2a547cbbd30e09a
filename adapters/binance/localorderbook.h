#pragma once

#include "adapters/binance/streamparser.h"

#include "engine/core/marketdata.h"
#include "engine/core/result.h"

#include <QList>
#include <QString>

#include <deque>
#include <functional>
#include <map>

namespace adapters::binance {

//! One symbol's order book kept in sync from `depthUpdate` diffs and a REST snapshot, by the
//! documented procedure: buffer diffs until the snapshot arrives, drop those the snapshot already
//! contains (u <= lastUpdateId), require the first applied diff to straddle it
//! (U <= lastUpdateId + 1 <= u), then require every diff to follow the previous one (U == u + 1).
//! A gap puts the book in NeedsResync: it must not be used until a new snapshot is applied.
class LocalOrderBook {
public:
    enum class State { WaitingForSnapshot, Synced, NeedsResync };

    explicit LocalOrderBook(QString symbol, int levelsOut = 20);

    //! A diff from the stream: buffered before the snapshot, applied after it.
    void onDiff(const DepthUpdate &diff);
    //! The REST snapshot (`GET /api/v3/depth`): applied, then the buffered diffs on top.
    //! DEPTH_GAP when the buffered diffs cannot continue it (fetch a newer snapshot).
    engine::Result<void> onSnapshot(qint64 lastUpdateId, const QList<engine::BookLevel> &bids,
                                     const QList<engine::BookLevel> &asks);
    //! Forgets everything and waits for a new snapshot (after NeedsResync).
    void reset();

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] qint64 lastUpdateId() const { return m_lastUpdateId; }
    //! The best levels on each side (best first), as the engine takes a book.
    [[nodiscard]] engine::BookUpdate top(qint64 tsMs) const;

private:
    bool apply(const DepthUpdate &diff);
    static void set(std::map<engine::Decimal, engine::Decimal, std::greater<>> &side, const engine::BookLevel &level);
    static void set(std::map<engine::Decimal, engine::Decimal> &side, const engine::BookLevel &level);

    QString m_symbol;
    int m_levelsOut;
    State m_state = State::WaitingForSnapshot;
    qint64 m_lastUpdateId = 0;
    bool m_firstApplied = false;
    std::deque<DepthUpdate> m_buffer;
    std::map<engine::Decimal, engine::Decimal, std::greater<>> m_bids; // best (highest) first
    std::map<engine::Decimal, engine::Decimal> m_asks;                  // best (lowest) first
};

} // namespace adapters::binance
