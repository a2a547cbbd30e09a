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
    //! A fee in a third asset (Binance's BNB discount): its value in the quote asset when it was
    //! paid. 0 when that price was not known.
    Decimal feeValue;
    bool isMaker = false;
    qint64 tsMs = 0;

    //! The fee was paid in the traded token (Binance takes a buy's commission from what was
    //! bought): the position holds `qty - fee` after a buy, and a sell gives up `qty + fee`.
    [[nodiscard]] bool feeInBase() const
    {
        return !feeAsset.isEmpty() && symbol.size() > feeAsset.size() && symbol.startsWith(feeAsset);
    }
    //! The fee was paid in an asset that is neither side of the pair (BNB): it leaves neither the
    //! cash nor the position, and counts at `feeValue`.
    [[nodiscard]] bool feeInOtherAsset() const
    {
        return !feeAsset.isEmpty() && !feeInBase() && !(symbol.size() > feeAsset.size() && symbol.endsWith(feeAsset));
    }
    //! The fee's value in the quote asset (a base-asset fee at the fill price).
    [[nodiscard]] Decimal feeInQuote() const
    {
        return feeInBase() ? fee * price : feeInOtherAsset() ? feeValue : fee;
    }
};

} // namespace engine
