#pragma once

#include "engine/core/decimal.h"
#include "engine/core/fill.h"
#include "engine/core/order.h"
#include "engine/core/position.h"
#include "engine/core/signal.h"
#include "engine/ports/tradestore.h"

#include <QHash>
#include <QList>
#include <QString>

#include <variant>

namespace adapters::storage {

//! A full portfolio snapshot as handed to TradeStore::savePortfolio.
struct PortfolioWrite {
    QList<engine::Position> positions;
    QHash<QString, engine::Decimal> balances;
    QHash<QString, QString> settings; // written in the same transaction
};

struct SettingWrite {
    QString key;
    QString value;
};

//! One queued journal write; the store thread applies them in the order they were made.
using PendingWrite = std::variant<engine::Order, engine::Fill, engine::FillChange, PortfolioWrite, engine::Signal,
                                  engine::EquityPoint, SettingWrite, engine::Candle>;

//! Order and fill writes must be committed (and fsync'ed) before the sink is told.
[[nodiscard]] inline bool needsAcknowledgement(const PendingWrite &write)
{
    return std::holds_alternative<engine::Order>(write) || std::holds_alternative<engine::Fill>(write)
        || std::holds_alternative<engine::FillChange>(write);
}

} // namespace adapters::storage
