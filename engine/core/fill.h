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
};

} // namespace engine
