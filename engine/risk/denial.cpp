#include "engine/risk/denial.h"

#include <QStringList>

namespace engine {

QString Denial::codeName(Code code)
{
    switch (code) {
    case Code::InvalidQuantity: return QStringLiteral("INVALID_QUANTITY");
    case Code::InvalidLimitPrice: return QStringLiteral("INVALID_LIMIT_PRICE");
    case Code::NoMarketPrice: return QStringLiteral("NO_MARKET_PRICE");
    case Code::UnknownSymbol: return QStringLiteral("UNKNOWN_SYMBOL");
    case Code::UnknownOutcomePending: return QStringLiteral("UNKNOWN_OUTCOME_PENDING");
    case Code::ReduceOnlyNotSell: return QStringLiteral("REDUCE_ONLY_NOT_SELL");
    case Code::SellExceedsPosition: return QStringLiteral("SELL_EXCEEDS_POSITION");
    case Code::TradingHalted: return QStringLiteral("TRADING_HALTED");
    case Code::TradingReducing: return QStringLiteral("TRADING_REDUCING_ONLY");
    case Code::OrderRateExceeded: return QStringLiteral("ORDER_RATE_EXCEEDED");
    case Code::NotionalExceedsMax: return QStringLiteral("NOTIONAL_EXCEEDS_MAX_PER_ORDER");
    case Code::MaxOpenPositions: return QStringLiteral("MAX_OPEN_POSITIONS_REACHED");
    case Code::InsufficientCash: return QStringLiteral("INSUFFICIENT_CASH");
    }
    return QStringLiteral("UNKNOWN");
}

QString Denial::field(const QString &name) const
{
    for (const auto &[key, value] : fields) {
        if (key == name)
            return value;
    }
    return {};
}

QString Denial::toLogString() const
{
    QStringList parts{codeName()};
    for (const auto &[key, value] : fields)
        parts << key + QLatin1Char('=') + value;
    return parts.join(QLatin1Char(' '));
}

QString Denial::message() const
{
    const auto f = [this](const char *name) { return field(QLatin1String(name)); };
    switch (code) {
    case Code::InvalidQuantity: return QStringLiteral("quantity must be positive (got %1)").arg(f("qty"));
    case Code::InvalidLimitPrice: return QStringLiteral("limit price must be positive");
    case Code::NoMarketPrice: return QStringLiteral("no market price for %1 yet").arg(f("symbol"));
    case Code::UnknownSymbol: return QStringLiteral("unknown symbol '%1'").arg(f("symbol"));
    case Code::UnknownOutcomePending:
        return QStringLiteral("%1 has an order with an unknown outcome; waiting for the venue").arg(f("symbol"));
    case Code::ReduceOnlyNotSell: return QStringLiteral("reduce-only order must be a sell");
    case Code::SellExceedsPosition:
        return QStringLiteral("sell of %1 exceeds the position of %2").arg(f("requested"), f("position"));
    case Code::TradingHalted: return QStringLiteral("trading halted: %1").arg(f("reason"));
    case Code::TradingReducing: return QStringLiteral("trading is reducing only: new positions are not allowed");
    case Code::OrderRateExceeded:
        return QStringLiteral("order rate limit: %1 orders in the last minute").arg(f("max_per_minute"));
    case Code::NotionalExceedsMax:
        return QStringLiteral("order notional %1 exceeds the limit of %2").arg(f("requested"), f("max"));
    case Code::MaxOpenPositions: return QStringLiteral("max open positions (%1) reached").arg(f("max"));
    case Code::InsufficientCash: return QStringLiteral("insufficient cash: need %1, have %2").arg(f("needed"), f("available"));
    }
    return codeName();
}

} // namespace engine
