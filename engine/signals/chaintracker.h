#pragma once

#include "engine/core/chainevent.h"

#include <QHash>
#include <QString>

#include <deque>

namespace engine {

//! Liquidity picture of a token from on-chain events.
struct ChainStats {
    double liquidityChange = 0; // relative change over the window (-0.9 = 90 % gone)
    bool liquidityPulled = false; // a removal took out more than half of the pool recently
    int whaleTransfers = 0;
};

//! Follows pool liquidity and large transfers per token (by symbol, "PEPE").
class ChainTracker {
public:
    void add(const ChainEvent &event);
    [[nodiscard]] ChainStats stats(const QString &token, qint64 nowMs, int windowMin = 30);

private:
    struct Point {
        qint64 tsMs;
        double liquidity;
        bool pulled;
        bool whale;
    };
    QHash<QString, std::deque<Point>> m_points;
    QHash<QString, double> m_lastLiquidity;
};

} // namespace engine
