#pragma once

#include <QString>

namespace engine {

enum class Side { Buy, Sell };
//! LimitMaker is a limit order that must rest: the venue refuses it when it would take.
enum class OrderType { Market, Limit, LimitMaker };
//! How long a limit order works: until cancelled, or only what fills at once (the rest expires),
//! or all at once or nothing.
enum class TimeInForce { Gtc, Ioc, Fok };

//! Order lifecycle. Terminal: Filled, Cancelled, Rejected, Expired.
//! Unknown = the venue's answer was lost (timeout, 5xx); it must be queried, never re-sent.
enum class OrderStatus { New, Accepted, PartiallyFilled, Filled, Cancelled, Rejected, Expired, Unknown };

//! Trading state of the risk engine (Nautilus naming).
//! Active: all orders; Reducing: only orders that shrink positions; Halted: only protective exits.
enum class TradingState { Active, Reducing, Halted };

//! Lifecycle of the engine as a whole.
enum class EngineState { Stopped, Starting, Reconciling, Running, Stopping };

enum class TradingMode { Demo, DryRun, Live };

QString toString(Side s);
QString toString(OrderType t);
QString toString(TimeInForce t);
QString toString(OrderStatus s);
QString toString(TradingState s);
QString toString(EngineState s);
QString toString(TradingMode m);

bool parseSide(const QString &s, Side &out);
bool parseOrderType(const QString &s, OrderType &out);
bool parseTimeInForce(const QString &s, TimeInForce &out);
bool parseOrderStatus(const QString &s, OrderStatus &out);
bool parseTradingMode(const QString &s, TradingMode &out);
bool parseTradingState(const QString &s, TradingState &out);

[[nodiscard]] bool isTerminal(OrderStatus s);
//! Limit and LimitMaker: the order has a limit price.
[[nodiscard]] inline bool hasLimitPrice(OrderType t) { return t != OrderType::Market; }

} // namespace engine
