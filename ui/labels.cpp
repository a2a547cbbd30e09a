#include "ui/labels.h"

#include "ui/format.h"

namespace ui {

QString Labels::denial(const engine::Denial &d)
{
    using C = engine::Denial::Code;
    const auto f = [&d](const char *name) { return d.field(QLatin1String(name)); };
    switch (d.code) {
    case C::InvalidQuantity: return tr("The quantity must be positive (got %1).").arg(f("qty"));
    case C::InvalidLimitPrice: return tr("The limit price must be positive.");
    case C::NoMarketPrice: return tr("There is no market price for %1 yet.").arg(f("symbol"));
    case C::UnknownSymbol: return tr("%1 is not a known symbol.").arg(f("symbol"));
    case C::UnknownOutcomePending:
        return tr("An earlier %1 order has an unknown outcome; waiting for the venue's answer.").arg(f("symbol"));
    case C::ReduceOnlyNotSell: return tr("A reduce-only order must be a sell.");
    case C::SellExceedsPosition: return tr("Selling %1 is more than the position of %2.").arg(f("requested"), f("position"));
    case C::TradingHalted: return tr("Trading is halted: %1").arg(f("reason"));
    case C::TradingReducing: return tr("Trading is reducing only: no new positions.");
    case C::OrderRateExceeded: return tr("Order rate limit: at most %1 orders a minute.").arg(f("max_per_minute"));
    case C::NotionalExceedsMax:
        return tr("The order's value %1 is above the limit of %2 per order.").arg(f("requested"), f("max"));
    case C::MaxOpenPositions: return tr("The maximum of %1 open positions is reached.").arg(f("max"));
    case C::InsufficientCash: return tr("Not enough cash: %1 needed, %2 available.").arg(f("needed"), f("available"));
    }
    return d.codeName();
}

QString Labels::side(engine::Side side)
{
    return side == engine::Side::Buy ? tr("Buy") : tr("Sell");
}

QString Labels::orderType(engine::OrderType type)
{
    switch (type) {
    case engine::OrderType::Market: return tr("Market");
    case engine::OrderType::Limit: return tr("Limit");
    case engine::OrderType::LimitMaker: return tr("Limit maker");
    }
    return {};
}

QString Labels::orderStatus(engine::OrderStatus status)
{
    using S = engine::OrderStatus;
    switch (status) {
    case S::New: return tr("New");
    case S::Accepted: return tr("Accepted");
    case S::PartiallyFilled: return tr("Partially filled");
    case S::Filled: return tr("Filled");
    case S::Cancelled: return tr("Cancelled");
    case S::Rejected: return tr("Rejected");
    case S::Expired: return tr("Expired");
    case S::Unknown: return tr("Unknown");
    }
    return {};
}

QString Labels::engineState(engine::EngineState state)
{
    using S = engine::EngineState;
    switch (state) {
    case S::Stopped: return tr("Stopped");
    case S::Starting: return tr("Starting");
    case S::Reconciling: return tr("Reconciling");
    case S::Running: return tr("Running");
    case S::Stopping: return tr("Stopping");
    }
    return {};
}

QString Labels::tradingState(engine::TradingState state)
{
    using S = engine::TradingState;
    switch (state) {
    case S::Active: return tr("Active");
    case S::Reducing: return tr("Reducing");
    case S::Halted: return tr("Halted");
    }
    return {};
}

QString Labels::tradingMode(engine::TradingMode mode)
{
    using M = engine::TradingMode;
    switch (mode) {
    case M::Demo: return tr("Demo (simulated market)");
    case M::DryRun: return tr("Dry run (live data, paper fills)");
    case M::Live: return tr("Live trading");
    }
    return {};
}

QString Labels::logLevel(engine::LogEntry::Level level)
{
    using L = engine::LogEntry::Level;
    switch (level) {
    case L::Debug: return tr("Debug");
    case L::Info: return tr("Info");
    case L::Warning: return tr("Warning");
    case L::Error: return tr("Error");
    }
    return {};
}

QString Labels::signalAction(const QString &action)
{
    if (action == QLatin1String("BUY"))
        return tr("Buy");
    if (action == QLatin1String("SELL"))
        return tr("Sell");
    if (action == QLatin1String("HOLD"))
        return tr("Hold");
    return action;
}

QString Labels::venueHealth(const engine::VenueHealth &h, bool *problem)
{
    if (problem)
        *problem = false;
    if (h.venue.isEmpty())
        return {};
    // A stream quiet for this long on liquid meme pairs means it is stuck, not calm.
    constexpr qint64 kStaleMs = 30'000;
    QStringList parts;
    parts << (h.restLatencyMs >= 0 ? tr("REST %1 ms").arg(h.restLatencyMs) : tr("REST —"));
    if (h.weightUsed >= 0)
        parts << tr("weight %1/%2").arg(h.weightUsed).arg(h.weightLimit);
    const bool stale = h.lastMessageAgeMs < 0 || h.lastMessageAgeMs > kStaleMs;
    if (!h.streamConnected)
        parts << tr("stream down");
    else if (h.lastMessageAgeMs >= 0)
        parts << tr("stream live, last message %1 s ago").arg(double(h.lastMessageAgeMs) / 1000.0, 0, 'f', 1);
    else
        parts << tr("stream live, no message yet");
    parts << tr("clock offset %1%2 ms").arg(h.clockOffsetMs >= 0 ? QStringLiteral("+") : QString()).arg(h.clockOffsetMs);
    if (h.userStream >= 0)
        parts << (h.userStream == 1 ? tr("account stream up") : tr("account stream down"));
    if (problem)
        *problem = !h.streamConnected || stale || h.userStream == 0 || (h.weightLimit > 0 && h.weightUsed > h.weightLimit * 8 / 10);
    return parts.join(QStringLiteral(" · "));
}

QString Labels::orderIssue(const QString &code, const QStringList &v)
{
    const auto at = [&v](int i) { return i < v.size() ? v.at(i) : QString(); };
    if (code == QLatin1String("SYMBOL_UNKNOWN"))
        return tr("%1 is not a symbol of this market").arg(at(0));
    if (code == QLatin1String("NO_PRICE"))
        return tr("No price for %1 yet: a market order needs the order book.").arg(at(0));
    if (code == QLatin1String("PRICE_REQUIRED"))
        return tr("Enter a limit price above 0.");
    if (code == QLatin1String("PRICE_ROUNDS_TO_ZERO"))
        return tr("The limit price rounds to 0 at the price tick %1.").arg(at(0));
    if (code == QLatin1String("MAKER_WOULD_TAKE"))
        return tr("A maker-only order at %1 would trade at once against %2; it must rest on the book.").arg(at(0), at(1));
    if (code == QLatin1String("QTY_REQUIRED"))
        return tr("Enter a quantity (or, for a market order, an amount) above 0.");
    if (code == QLatin1String("QTY_ROUNDS_TO_ZERO"))
        return tr("The quantity rounds to 0 at the quantity step %1.").arg(at(0));
    if (code == QLatin1String("BELOW_MIN_NOTIONAL"))
        return tr("The order value %1 %3 is below the minimum of %2 %3.").arg(at(0), at(1), at(2));
    if (code == QLatin1String("OUT_OF_RANGE"))
        return tr("The amounts are out of range.");
    if (code == QLatin1String("NO_SESSION"))
        return tr("No market session is running.");
    return code;
}

QString Labels::venueRejection(const QString &reason)
{
    const QString code = reason.section(QLatin1Char(':'), 0, 0).trimmed();
    if (code == QLatin1String("BINANCE_-2010"))
        return tr("The exchange refused it: not enough balance, or a maker-only order would have traded at once.");
    if (code == QLatin1String("BINANCE_-1013") || code.startsWith(QLatin1String("FILTER_")))
        return tr("It breaks one of the symbol's trading rules (price tick, quantity step or minimum value).");
    if (code == QLatin1String("BINANCE_-2015") || code == QLatin1String("BINANCE_-1022"))
        return tr("The exchange did not accept the API key or its signature: check the key in Trading Config.");
    if (code == QLatin1String("BINANCE_-1021"))
        return tr("This computer's clock is too far from the exchange's.");
    if (code == QLatin1String("BINANCE_-1121") || code == QLatin1String("SYMBOL_UNKNOWN"))
        return tr("The exchange does not list this symbol.");
    if (code == QLatin1String("SYMBOL_NOT_TRADING"))
        return tr("The symbol is not trading right now (halted or in a break).");
    if (code == QLatin1String("ORDER_TYPE_NOT_ALLOWED"))
        return tr("The exchange does not take this order type for the symbol.");
    if (code == QLatin1String("NO_API_KEY"))
        return tr("No API key in the keychain: nothing was sent.");
    return reason;
}

QString Labels::orderSize(const engine::Decimal &qty, const engine::Decimal &quoteQty)
{
    if (qty.isPositive() || !quoteQty.isPositive())
        return format::qty(qty);
    return tr("for %1").arg(format::amount(quoteQty));
}

} // namespace ui
