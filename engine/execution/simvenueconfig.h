#pragma once

#include "engine/core/decimal.h"

#include <QHash>
#include <QString>

namespace engine {

//! Settings of a simulated venue (paper trading, dry run, backtests), with their defaults in one place.
struct SimVenueConfig {
    //! Starting balance per asset ("USDT" -> 10000). Replaced by restoreBalances() after a restart.
    QHash<QString, Decimal> initialBalances;
    //! Fee fractions of the notional (0.001 = 0.1 %), charged in the quote asset.
    Decimal takerFee = Decimal::fromRaw(Decimal::kOne / 1000);
    Decimal makerFee = Decimal::fromRaw(Decimal::kOne / 1000);
    //! Extra price impact of market orders in basis points, on top of walking the book.
    Decimal marketSlippageBps = Decimal::fromInt(5);
    //! A market order with a remainder after this many book updates of its symbol is expired.
    int marketExpiryBooks = 20;
    //! Terminal orders remembered for idempotent resubmits and queries; the oldest are forgotten.
    int maxTerminalOrders = 10000;
    QString venueName = QStringLiteral("paper");
    //! Part of every venue order id and fill id, so ids stay unique across restarts.
    //! Empty = derived from the wall clock at construction; tests may fix it.
    QString idTag;
};

} // namespace engine
