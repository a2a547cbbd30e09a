#pragma once

#include "engine/core/enums.h"

#include <QString>

namespace adapters::binance {

// Binance's order status names (REST order answers and executionReport "X") in engine terms.
// PENDING_NEW and PENDING_CANCEL are still live on the book, so they read as Accepted.
// Returns false for a name Binance does not define; the caller treats the answer as malformed.
bool parseOrderStatus(const QString &name, engine::OrderStatus *out);

} // namespace adapters::binance
