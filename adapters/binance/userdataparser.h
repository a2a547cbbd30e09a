#pragma once

#include "engine/core/fill.h"
#include "engine/core/order.h"
#include "engine/core/result.h"

#include <QByteArrayView>
#include <QHash>
#include <QString>

#include <optional>
#include <variant>

namespace adapters::binance {

//! An `executionReport`: the order's new state, and the fill when the execution was a trade.
struct ExecutionUpdate {
    engine::ExecutionReport report;
    std::optional<engine::Fill> fill;
    QString symbol;
};

//! An `outboundAccountPosition`: free balances of the assets that changed.
struct AccountUpdate {
    qint64 eventMs = 0;
    QHash<QString, engine::Decimal> free;
    QHash<QString, engine::Decimal> locked;
};

//! The user data stream ended (logout, unsubscribe, expired key): resubscribe, then reconcile.
struct StreamTerminated {
    qint64 eventMs = 0;
};

using UserDataEvent = std::variant<std::monostate, ExecutionUpdate, AccountUpdate, StreamTerminated>;

//! Parses one user-data message from the WebSocket API (`{"subscriptionId": N, "event": {...}}`,
//! protocols.md §2.4). Fill ids are "<symbol>-<tradeId>", unique per venue, so the same trade
//! delivered twice is recognised by the engine. MALFORMED_FRAME names the missing field; event
//! types the engine does not use are monostate.
[[nodiscard]] engine::Result<UserDataEvent> parseUserData(QByteArrayView frame);

} // namespace adapters::binance
