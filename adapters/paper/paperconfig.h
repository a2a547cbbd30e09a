#pragma once

#include "core/decimal.h"

#include <QHash>
#include <QString>

namespace adapters::paper {

//! Settings of the simulated venue, with their defaults in one place.
struct PaperConfig {
    //! Starting balance per asset ("USDT" -> 10000). Replaced by restoreBalances() after a restart.
    QHash<QString, engine::Decimal> initialBalances;
    //! Fee fractions of the notional (0.001 = 0.1 %), charged in the quote asset.
    engine::Decimal takerFee = engine::Decimal::fromRaw(engine::Decimal::kOne / 1000);
    engine::Decimal makerFee = engine::Decimal::fromRaw(engine::Decimal::kOne / 1000);
    //! Extra price impact of market orders in basis points, on top of walking the book.
    engine::Decimal marketSlippageBps = engine::Decimal::fromInt(5);
    //! A market order with a remainder after this many book updates of its symbol is expired.
    int marketExpiryBooks = 20;
    //! Terminal orders remembered for idempotent resubmits and queries; the oldest are forgotten.
    int maxTerminalOrders = 10000;
    QString venueName = QStringLiteral("paper");
    //! Part of every venue order id and fill id, so ids stay unique across restarts.
    //! Empty = derived from the wall clock at construction; tests may fix it.
    QString idTag;
};

} // namespace adapters::paper
