#include "engine/core/enums.h"

namespace engine {

QString toString(Side s) { return s == Side::Buy ? QStringLiteral("BUY") : QStringLiteral("SELL"); }
QString toString(OrderType t)
{
    switch (t) {
    case OrderType::Market: return QStringLiteral("MARKET");
    case OrderType::Limit: return QStringLiteral("LIMIT");
    case OrderType::LimitMaker: return QStringLiteral("LIMIT_MAKER");
    }
    return {};
}

QString toString(TimeInForce t)
{
    switch (t) {
    case TimeInForce::Gtc: return QStringLiteral("GTC");
    case TimeInForce::Ioc: return QStringLiteral("IOC");
    case TimeInForce::Fok: return QStringLiteral("FOK");
    }
    return {};
}

QString toString(OrderStatus s)
{
    switch (s) {
    case OrderStatus::New: return QStringLiteral("NEW");
    case OrderStatus::Accepted: return QStringLiteral("ACCEPTED");
    case OrderStatus::PartiallyFilled: return QStringLiteral("PARTIALLY_FILLED");
    case OrderStatus::Filled: return QStringLiteral("FILLED");
    case OrderStatus::Cancelled: return QStringLiteral("CANCELLED");
    case OrderStatus::Rejected: return QStringLiteral("REJECTED");
    case OrderStatus::Expired: return QStringLiteral("EXPIRED");
    case OrderStatus::Unknown: return QStringLiteral("UNKNOWN");
    }
    return {};
}

QString toString(TradingState s)
{
    switch (s) {
    case TradingState::Active: return QStringLiteral("ACTIVE");
    case TradingState::Reducing: return QStringLiteral("REDUCING");
    case TradingState::Halted: return QStringLiteral("HALTED");
    }
    return {};
}

QString toString(EngineState s)
{
    switch (s) {
    case EngineState::Stopped: return QStringLiteral("STOPPED");
    case EngineState::Starting: return QStringLiteral("STARTING");
    case EngineState::Reconciling: return QStringLiteral("RECONCILING");
    case EngineState::Running: return QStringLiteral("RUNNING");
    case EngineState::Stopping: return QStringLiteral("STOPPING");
    }
    return {};
}

QString toString(TradingMode m)
{
    switch (m) {
    case TradingMode::Demo: return QStringLiteral("demo");
    case TradingMode::DryRun: return QStringLiteral("dry-run");
    case TradingMode::Live: return QStringLiteral("live");
    }
    return {};
}

bool parseSide(const QString &s, Side &out)
{
    if (s == QLatin1String("BUY")) { out = Side::Buy; return true; }
    if (s == QLatin1String("SELL")) { out = Side::Sell; return true; }
    return false;
}

bool parseOrderType(const QString &s, OrderType &out)
{
    if (s == QLatin1String("MARKET")) { out = OrderType::Market; return true; }
    if (s == QLatin1String("LIMIT")) { out = OrderType::Limit; return true; }
    if (s == QLatin1String("LIMIT_MAKER")) { out = OrderType::LimitMaker; return true; }
    return false;
}

bool parseTimeInForce(const QString &s, TimeInForce &out)
{
    for (auto t : {TimeInForce::Gtc, TimeInForce::Ioc, TimeInForce::Fok}) {
        if (toString(t) == s) {
            out = t;
            return true;
        }
    }
    return false;
}

bool parseOrderStatus(const QString &s, OrderStatus &out)
{
    for (auto st : {OrderStatus::New, OrderStatus::Accepted, OrderStatus::PartiallyFilled, OrderStatus::Filled,
                    OrderStatus::Cancelled, OrderStatus::Rejected, OrderStatus::Expired, OrderStatus::Unknown}) {
        if (toString(st) == s) {
            out = st;
            return true;
        }
    }
    return false;
}

bool parseTradingMode(const QString &s, TradingMode &out)
{
    for (auto m : {TradingMode::Demo, TradingMode::DryRun, TradingMode::Live}) {
        if (toString(m) == s) {
            out = m;
            return true;
        }
    }
    return false;
}

bool parseTradingState(const QString &s, TradingState &out)
{
    for (auto t : {TradingState::Active, TradingState::Reducing, TradingState::Halted}) {
        if (toString(t) == s) {
            out = t;
            return true;
        }
    }
    return false;
}

bool isTerminal(OrderStatus s)
{
    return s == OrderStatus::Filled || s == OrderStatus::Cancelled || s == OrderStatus::Rejected
        || s == OrderStatus::Expired;
}

} // namespace engine
