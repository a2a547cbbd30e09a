#include "engine/execution/ordermanager.h"

#include "engine/execution/orderstatemachine.h"

namespace engine {

OrderManager::OrderManager(QString idPrefix) : m_prefix(std::move(idPrefix)) {}

Order OrderManager::create(OrderRequest &request, qint64 nowMs, TradingMode mode)
{
    if (request.clientId.isEmpty())
        request.clientId = QStringLiteral("%1-%2").arg(m_prefix).arg(++m_counter, 6, 10, QLatin1Char('0'));
    Order o;
    o.clientId = request.clientId;
    o.symbol = request.symbol;
    o.side = request.side;
    o.type = request.type;
    o.qty = request.qty;
    o.quoteQty = request.quoteQty;
    o.limitPrice = request.limitPrice;
    o.timeInForce = request.timeInForce;
    o.reduceOnly = request.reduceOnly;
    o.strategy = request.strategy;
    o.reason = request.reason;
    o.status = OrderStatus::New;
    o.createdMs = nowMs;
    o.updatedMs = nowMs;
    o.mode = mode;
    m_orders.insert(o.clientId, o);
    return o;
}

void OrderManager::restore(const QList<Order> &orders, const QList<QString> &knownFillIds)
{
    for (const Order &o : orders) {
        if (!isTerminal(o.status))
            m_orders.insert(o.clientId, o);
    }
    for (const QString &id : knownFillIds)
        m_seenFills.insert(id);
}

Result<Order> OrderManager::adopt(Order order, qint64 nowMs)
{
    if (order.clientId.isEmpty() || m_orders.contains(order.clientId))
        return Error{QStringLiteral("ORDER_KNOWN"), QStringLiteral("order %1 is already tracked").arg(order.clientId)};
    if (isTerminal(order.status))
        return Error{QStringLiteral("ORDER_TERMINAL"), QStringLiteral("order %1 is not working").arg(order.clientId)};
    order.createdMs = order.createdMs > 0 ? order.createdMs : nowMs;
    order.updatedMs = nowMs;
    m_orders.insert(order.clientId, order);
    return order;
}

void OrderManager::retireIfTerminal(const Order &o)
{
    if (!isTerminal(o.status))
        return;
    m_finished.push_back(o.clientId);
    while (m_finished.size() > kFinishedKept) {
        m_orders.remove(m_finished.front());
        m_finished.pop_front();
    }
}

Result<OrderManager::Change> OrderManager::transition(Order &o, OrderStatus to, qint64 nowMs)
{
    if (o.status == to && to != OrderStatus::PartiallyFilled)
        return Change{o, false}; // repeated report: idempotent
    if (!OrderStateMachine::canTransition(o.status, to)) {
        return Error{QLatin1String(errors::kOrderIllegalTransition),
                     QStringLiteral("order %1: illegal transition %2 -> %3").arg(o.clientId, toString(o.status), toString(to))};
    }
    const bool changed = o.status != to;
    o.status = to;
    o.updatedMs = nowMs;
    return Change{o, changed};
}

Result<OrderManager::Change> OrderManager::applyReport(const ExecutionReport &r, qint64 nowMs)
{
    auto it = m_orders.find(r.clientId);
    if (it == m_orders.end()) {
        return Error{QLatin1String(errors::kOrderUnknown), QStringLiteral("report for unknown order %1").arg(r.clientId)};
    }
    Order &o = *it;
    if (!r.venueOrderId.isEmpty())
        o.venueOrderId = r.venueOrderId;
    OrderStatus to = r.status;
    if (o.byQuote() && !o.qty.isPositive() && isTerminal(to) && !r.notFound) {
        // An order by amount learns its quantity when it ends: what the venue executed (fills
        // still on their way keep it partially filled below until they arrive).
        o.qty = Decimal::max(r.filledQty, o.filledQty);
    }
    if (r.notFound) {
        // The venue never saw it (or forgot it): nothing can fill any more.
        to = o.filledQty.isPositive() ? OrderStatus::Expired
                                      : (o.status == OrderStatus::New || o.status == OrderStatus::Unknown
                                             ? OrderStatus::Rejected
                                             : OrderStatus::Expired);
    }
    // Fill quantities come from fills; a report's cumulative qty ahead of our fills
    // means fills are still on their way, so don't jump to FILLED early.
    if (to == OrderStatus::Filled && o.filledQty < o.qty && r.filledQty > o.filledQty)
        to = OrderStatus::PartiallyFilled;
    if (to == OrderStatus::PartiallyFilled && o.status == OrderStatus::PartiallyFilled)
        return Change{o, false};
    if (to == OrderStatus::PartiallyFilled && o.filledQty.isZero())
        to = OrderStatus::Accepted; // report ahead of its fill
    if (!r.message.isEmpty() && (isTerminal(to) || r.notFound))
        o.reason = r.message;
    auto ch = transition(o, to, nowMs);
    if (ch && ch->statusChanged)
        retireIfTerminal(o);
    return ch;
}

Result<OrderManager::Change> OrderManager::applyFill(const Fill &f, qint64 nowMs)
{
    if (m_seenFills.contains(f.fillId)) {
        return Error{QLatin1String(errors::kFillDuplicate), QStringLiteral("duplicate fill %1 ignored").arg(f.fillId)};
    }
    auto it = m_orders.find(f.clientId);
    if (it == m_orders.end()) {
        return Error{QLatin1String(errors::kOrderUnknown), QStringLiteral("fill %1 for unknown order %2").arg(f.fillId, f.clientId)};
    }
    Order &o = *it;
    if (!f.qty.isPositive() || !f.price.isPositive()) {
        return Error{QLatin1String(errors::kFillInvalid), QStringLiteral("fill %1 with non-positive price or quantity").arg(f.fillId)};
    }
    if (wouldOverfill(o, f)) {
        return Error{QLatin1String(errors::kOrderOverfill), QStringLiteral("fill %1 would overfill order %2").arg(f.fillId, o.clientId)};
    }
    const bool late = OrderStateMachine::acceptsLateFill(o.status);
    // An order by amount is complete when the venue says so (its report sets the quantity).
    const bool complete = o.qty.isPositive() && o.filledQty + f.qty == o.qty;
    const OrderStatus to = late ? o.status : complete ? OrderStatus::Filled : OrderStatus::PartiallyFilled;
    if (!late && !OrderStateMachine::canTransition(o.status, to)) {
        return Error{QLatin1String(errors::kOrderIllegalTransition),
                     QStringLiteral("fill %1 on %2 order %3").arg(f.fillId, toString(o.status), o.clientId)};
    }
    m_seenFills.insert(f.fillId);
    const Decimal newFilled = o.filledQty + f.qty;
    o.avgPrice = (o.avgPrice * o.filledQty + f.price * f.qty) / newFilled;
    o.filledQty = newFilled;
    o.fees += f.feeInQuote();
    const bool statusChanged = o.status != to || to == OrderStatus::PartiallyFilled;
    o.status = to;
    o.updatedMs = nowMs;
    const Change change{o, statusChanged, late};
    if (!late)
        retireIfTerminal(o);
    return change;
}

bool OrderManager::wouldOverfill(const Order &o, const Fill &f)
{
    if (o.qty.isPositive())
        return o.filledQty + f.qty > o.qty;
    if (!o.byQuote())
        return true; // no size at all: nothing may fill it
    // The quote already traded, from the average: each average is rounded at the 18th decimal,
    // so allow that rounding (far below any asset's precision), never a real excess.
    const Decimal traded = o.avgPrice * o.filledQty;
    return traded + f.price * f.qty > o.quoteQty + Decimal::fromString("0.00000001");
}

Result<OrderManager::Change> OrderManager::markUnknown(const QString &clientId, qint64 nowMs, const QString &why)
{
    auto it = m_orders.find(clientId);
    if (it == m_orders.end())
        return Error{QLatin1String(errors::kOrderUnknown), QStringLiteral("order %1 is not tracked").arg(clientId)};
    auto ch = transition(*it, OrderStatus::Unknown, nowMs);
    if (ch)
        it->reason = why;
    if (ch)
        ch->order = *it;
    return ch;
}

const Order *OrderManager::find(const QString &clientId) const
{
    auto it = m_orders.constFind(clientId);
    return it == m_orders.constEnd() ? nullptr : &*it;
}

QList<Order> OrderManager::openOrders() const
{
    QList<Order> out;
    for (const Order &o : m_orders) {
        if (!isTerminal(o.status))
            out << o;
    }
    return out;
}

bool OrderManager::hasOpenOrder(const QString &symbol) const
{
    for (const Order &o : m_orders) {
        if (o.symbol == symbol && !isTerminal(o.status))
            return true;
    }
    return false;
}

} // namespace engine
