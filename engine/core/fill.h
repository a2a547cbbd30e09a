#pragma once

#include "engine/core/decimal.h"
#include "engine/core/enums.h"

#include <QString>

namespace engine {

//! One execution against an order. fillId is unique per venue, so replays are idempotent.
struct Fill {
    QString fillId;
    QString clientId;
    QString symbol;
    Side side = Side::Buy;
    Decimal price;
    Decimal qty;
    Decimal fee;           // in feeAsset
    QString feeAsset;      // quote asset for paper/demo
    bool isMaker = false;
    qint64 tsMs = 0;

    //! The fee was paid in the traded token (Binance takes a buy's commission from what was
    //! bought): the position holds `qty - fee` after a buy, and a sell gives up `qty + fee`.
    [[nodiscard]] bool feeInBase() const
    {
        return !feeAsset.isEmpty() && symbol.size() > feeAsset.size() && symbol.startsWith(feeAsset);
    }
    //! The fee's value in the quote asset (a base-asset fee at the fill price).
    [[nodiscard]] Decimal feeInQuote() const { return feeInBase() ? fee * price : fee; }
};

} // namespace engine
