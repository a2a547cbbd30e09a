// TradingEngine, execution side: submitting through the risk gate, the
// write-ahead journal, venue reports, fills and balances.
#include "engine/kernel/tradingengine.h"

#include "engine/ports/clock.h"
#include "engine/ports/executionclient.h"

namespace engine {

Result<QString> TradingEngine::trySubmit(OrderRequest request)
{
    if (request.symbol.isEmpty() || !m_market.instrument(request.symbol)) {
        const Denial unknown{Denial::Code::UnknownSymbol, {{QStringLiteral("symbol"), request.symbol}}};
        emitEvent(RiskDenial{now(), request, unknown, unknown.message()});
        return Error{QStringLiteral("SYMBOL_UNKNOWN"), unknown.message()};
    }
    RiskContext ctx;
    const BookUpdate book = m_market.book(request.symbol);
    ctx.referencePrice = request.side == Side::Buy ? book.bestAsk() : book.bestBid();
    ctx.cash = m_portfolio.cash();
    int pendingEntries = 0;
    for (const Order &o : m_orders.openOrders()) {
        // entries already on their way count as positions for the position limit
        pendingEntries += (o.side == Side::Buy && !m_portfolio.position(o.symbol)) ? 1 : 0;
        ctx.symbolBlocked = ctx.symbolBlocked || (o.symbol == request.symbol && o.status == OrderStatus::Unknown);
    }
    ctx.openPositions = m_portfolio.openPositionCount() + pendingEntries;
    if (const Position *p = m_portfolio.position(request.symbol); p && p->isOpen()) {
        ctx.hasPosition = true;
        ctx.positionQty = p->qty;
    }
    if (auto denial = m_risk.check(request, ctx, now())) {
        log(LogEntry::Level::Warning, QStringLiteral("risk"),
            QStringLiteral("denied %1 %2 %3: %4 (%5)")
                .arg(toString(request.side), sizeText(request.qty, request.quoteQty), request.symbol, denial->message(),
                     denial->toLogString()));
        emitEvent(RiskDenial{now(), request, *denial, denial->message()});
        return Error{QStringLiteral("ORDER_DENIED"), denial->message()};
    }
    const Order order = m_orders.create(request, now(), m_config.mode);
    m_risk.recordSubmission(now());
    // Write-ahead: the order is durable in the journal before it leaves for the venue.
    m_awaitingJournal.insert(order.clientId, request);
    saveOrder(order);
    log(LogEntry::Level::Info, QStringLiteral("execution"),
        QStringLiteral("%1 %2 %3 (%4): %5")
            .arg(toString(order.side), sizeText(order.qty, order.quoteQty), order.symbol, order.clientId, order.reason));
    return order.clientId;
}

OrderPreview TradingEngine::previewManual(const ManualOrder &order) const
{
    return previewManualOrder(order, m_market.instrument(order.symbol), m_market.book(order.symbol),
                              m_deps.execution->takerFeeRate());
}

Result<QString> TradingEngine::placeManual(const ManualOrder &order)
{
    if (!canTrade())
        return Error{QStringLiteral("ENGINE_NOT_RUNNING"),
                     QStringLiteral("the engine is %1: press Start first").arg(toString(m_state))};
    const OrderPreview preview = previewManual(order);
    if (!preview.ok())
        return Error{QStringLiteral("ORDER_INVALID"), preview.problems.join(QStringLiteral("; ")), preview.problems};
    return trySubmit(preview.request);
}

Result<void> TradingEngine::cancelOrder(const QString &clientId)
{
    for (const Order &o : m_orders.openOrders()) {
        if (o.clientId != clientId)
            continue;
        log(LogEntry::Level::Info, QStringLiteral("execution"), QStringLiteral("cancel requested for %1 (%2)").arg(clientId, o.symbol));
        m_deps.execution->cancel(o.clientId, o.symbol);
        return {};
    }
    return Error{QStringLiteral("ORDER_NOT_OPEN"), QStringLiteral("order %1 is not working").arg(clientId)};
}

void TradingEngine::saveOrder(const Order &order)
{
    m_deps.store->saveOrder(order);
    m_dirty = true;
}

void TradingEngine::savePortfolio()
{
    QHash<QString, QString> bases;
    for (const Position &p : m_portfolio.allPositions())
        bases.insert(p.symbol, m_market.baseAsset(p.symbol));
    m_deps.store->savePortfolio(m_portfolio.allPositions(), m_portfolio.balances(bases));
}

void TradingEngine::handleOrderDurable(const Order &order)
{
    auto pending = m_awaitingJournal.find(order.clientId);
    if (pending != m_awaitingJournal.end() && order.status == OrderStatus::New) {
        const OrderRequest request = *pending;
        m_awaitingJournal.erase(pending);
        m_sentAtWallMs.insert(order.clientId, m_wall.elapsed());
        m_deps.execution->submit(request);
    }
    // Whoever sees the order or fill must also see a status that already includes it.
    if (m_dirty)
        publishSnapshot();
    emitEvent(order);
}

void TradingEngine::handleFillDurable(const Fill &fill)
{
    if (m_dirty)
        publishSnapshot();
    emitEvent(fill);
}

void TradingEngine::handleExecutionReport(const ExecutionReport &report)
{
    if (report.status != OrderStatus::New || report.notFound)
        m_sentAtWallMs.remove(report.clientId);
    auto change = m_orders.applyReport(report, now());
    if (!change) {
        log(LogEntry::Level::Warning, QStringLiteral("execution"), change.error().message);
    } else if (change->statusChanged) {
        saveOrder(change->order);
        if (report.notFound)
            log(LogEntry::Level::Warning, QStringLiteral("execution"),
                QStringLiteral("order %1 not found at %2: marked %3")
                    .arg(report.clientId, m_deps.execution->venue(), toString(change->order.status)));
        if (change->order.status == OrderStatus::Rejected)
            log(LogEntry::Level::Warning, QStringLiteral("execution"),
                QStringLiteral("order %1 rejected: %2").arg(report.clientId, report.message));
        if (isTerminal(change->order.status))
            m_lastQueryWallMs.remove(report.clientId);
    }
    if (m_reconcilePending.remove(report.clientId))
        finishReconcileIfAnswered();
}

void TradingEngine::handleFill(const Fill &fill)
{
    m_sentAtWallMs.remove(fill.clientId);
    auto change = m_orders.applyFill(fill, now());
    if (!change) {
        log(LogEntry::Level::Warning, QStringLiteral("execution"), change.error().message);
        return;
    }
    if (const Result<void> booked = m_portfolio.applyFill(fill, now()); !booked) {
        log(LogEntry::Level::Error, QStringLiteral("portfolio"), booked.error().toString());
        return;
    }
    ++m_fillCount;
    if (change->lateFill)
        log(LogEntry::Level::Warning, QStringLiteral("execution"),
            QStringLiteral("late fill %1 on %2 order %3: booked (the venue filled it before the %4 took effect)")
                .arg(fill.fillId, toString(change->order.status), fill.clientId,
                     change->order.status == OrderStatus::Cancelled ? QStringLiteral("cancel") : QStringLiteral("expiry")));
    // The fill, its order and the portfolio after it go into the journal as one transaction.
    QHash<QString, QString> bases;
    for (const Position &p : m_portfolio.allPositions())
        bases.insert(p.symbol, m_market.baseAsset(p.symbol));
    QHash<QString, QString> settings;
    if (fill.feeInOtherAsset() && fill.feeValue.isPositive())
        settings.insert(QStringLiteral("portfolio.starting_equity"), m_portfolio.startingEquity().toString());
    m_deps.store->saveFillChange({fill, change->order, m_portfolio.allPositions(), m_portfolio.balances(bases), settings});
    log(LogEntry::Level::Info, QStringLiteral("execution"),
        QStringLiteral("fill %1 %2 %3 @ %4 (fee %5 %6)")
            .arg(toString(fill.side), fill.qty.toString(), fill.symbol, fill.price.toString(), fill.fee.toString(), fill.feeAsset));
    const qint64 dayBefore = m_risk.dayIndex();
    if (m_risk.updateDailyPnl(m_portfolio.equity(), now())) {
        log(LogEntry::Level::Warning, QStringLiteral("risk"),
            QStringLiteral("trading state %1: %2").arg(toString(m_risk.state()), m_risk.stateReason()));
        persistRiskState();
        emitEvent(buildStatus());
    } else if (m_risk.dayIndex() != dayBefore) {
        persistRiskState();
    }
    m_dirty = true;
}

void TradingEngine::handleBalances(const QHash<QString, Decimal> &balances)
{
    // Kept until every journal order is answered: a fill made while the app was away is already
    // in the venue's balance, and must be booked before the two are compared.
    if (m_state != EngineState::Reconciling)
        return;
    m_reconcileBalances = balances;
    m_haveReconcileBalances = true;
}

void TradingEngine::reconcileBalances()
{
    if (!m_haveReconcileBalances)
        return;
    m_haveReconcileBalances = false;
    if (!m_reconcilePending.isEmpty()) {
        // Fills of the unanswered orders may already be in the venue's balance: comparing now
        // would book them as a deposit or withdrawal.
        log(LogEntry::Level::Warning, QStringLiteral("execution"),
            QStringLiteral("reconciliation: balances not compared while %1 orders are unanswered").arg(m_reconcilePending.size()));
        return;
    }
    const QString quote = m_portfolio.quoteAsset();
    const QString venue = m_deps.execution->venue();
    for (const Position &p : m_portfolio.allPositions()) {
        const QString base = m_market.baseAsset(p.symbol);
        if (p.isOpen() && m_reconcileBalances.value(base) != p.qty)
            log(LogEntry::Level::Warning, QStringLiteral("execution"),
                QStringLiteral("reconciliation: %1 holds %2 %3 but the journal's %4 position is %5")
                    .arg(venue, m_reconcileBalances.value(base).toString(), base, p.symbol, p.qty.toString()));
    }
    if (!m_reconcileBalances.contains(quote))
        return;
    const Decimal delta = m_reconcileBalances.value(quote) - m_portfolio.cash();
    if (delta.isZero())
        return;
    if (m_config.mode != TradingMode::Live) {
        log(LogEntry::Level::Warning, QStringLiteral("execution"),
            QStringLiteral("reconciliation: %1 reports %2 %3 but the journal has %4")
                .arg(venue, m_reconcileBalances.value(quote).toString(), quote, m_portfolio.cash().toString()));
        return;
    }
    // Real money moved without a trade (a deposit, a withdrawal, a transfer): the venue is right.
    m_portfolio.adjustCash(delta);
    QHash<QString, QString> bases;
    for (const Position &p : m_portfolio.allPositions())
        bases.insert(p.symbol, m_market.baseAsset(p.symbol));
    m_deps.store->savePortfolio(m_portfolio.allPositions(), m_portfolio.balances(bases),
                                {{QStringLiteral("portfolio.starting_equity"), m_portfolio.startingEquity().toString()}});
    m_dirty = true;
    log(LogEntry::Level::Warning, QStringLiteral("execution"),
        QStringLiteral("reconciliation: %1 holds %2 %3, the journal had %4: cash adjusted by %5 %3 (money moved "
                       "without a trade, e.g. a deposit or withdrawal); the starting equity moves with it, PnL is unchanged")
            .arg(venue, m_reconcileBalances.value(quote).toString(), quote, (m_portfolio.cash() - delta).toString(),
                 delta.toString()));
}

void TradingEngine::handleOpenOrders(const QList<Order> &orders)
{
    for (const Order &venueOrder : orders) {
        if (m_orders.find(venueOrder.clientId))
            continue;
        // Working at the venue but not in the journal: placed from elsewhere while the app was
        // closed. It is tracked from now on (its fills move the balances the venue reports); its
        // fills so far are fetched by a query and booked before its status.
        Order o = venueOrder;
        o.filledQty = {};
        o.avgPrice = {};
        o.fees = {};
        o.status = OrderStatus::Accepted;
        o.strategy = QStringLiteral("external");
        o.reason = QStringLiteral("found working at %1 at start-up, not placed by this app").arg(m_deps.execution->venue());
        o.mode = m_config.mode;
        auto adopted = m_orders.adopt(o, now());
        if (!adopted)
            continue;
        saveOrder(adopted.value());
        log(LogEntry::Level::Warning, QStringLiteral("execution"),
            QStringLiteral("reconciliation: %1 %2 %3 %4 (%5) is working at %6 but was not in the journal; tracking it as external")
                .arg(toString(o.side), o.qty.toString(), o.symbol, toString(o.type), o.clientId, m_deps.execution->venue()));
        m_lastQueryWallMs[o.clientId] = m_wall.elapsed();
        if (m_state == EngineState::Reconciling) {
            m_reconcilePending.insert(o.clientId);
            ++m_reconcileAsked;
        }
        m_deps.execution->query(o.clientId, o.symbol);
    }
    m_awaitingOpenOrders = false;
    finishReconcileIfAnswered();
}

void TradingEngine::handleStoreError(const QString &message)
{
    log(LogEntry::Level::Error, QStringLiteral("store"), message);
    haltForJournal(message);
}

void TradingEngine::handleOrderNotDurable(const Order &order, const QString &message)
{
    log(LogEntry::Level::Error, QStringLiteral("store"), message);
    // Write-ahead failed: the order never left, so it must not count as open (or block its symbol).
    if (m_awaitingJournal.remove(order.clientId) > 0) {
        ExecutionReport never;
        never.clientId = order.clientId;
        never.status = OrderStatus::Rejected;
        never.message = QStringLiteral("not sent: the journal could not save it");
        never.tsMs = now();
        if (m_orders.applyReport(never, now()))
            log(LogEntry::Level::Error, QStringLiteral("execution"),
                QStringLiteral("order %1 was not sent because the journal could not save it").arg(order.clientId));
    }
    haltForJournal(message);
}

void TradingEngine::handleFillNotDurable(const Fill &fill, const QString &message)
{
    log(LogEntry::Level::Error, QStringLiteral("store"), message);
    Q_UNUSED(fill);
    haltForJournal(message);
}

void TradingEngine::haltForJournal(const QString &message)
{
    m_storeHealthy = false;
    m_dirty = true;
    if (m_risk.state() != TradingState::Halted) {
        m_risk.setState(TradingState::Halted, QStringLiteral("journal write failed: %1").arg(message.left(300)));
        log(LogEntry::Level::Error, QStringLiteral("risk"),
            QStringLiteral("trading HALTED: %1 (fix the disk, then Resume)").arg(m_risk.stateReason()));
        persistRiskState(); // may fail too; the halt holds in memory either way
    }
    emitEvent(buildStatus());
}

void TradingEngine::handleAdapterError(const AdapterError &error)
{
    const auto level = error.kind == AdapterError::Kind::Fatal ? LogEntry::Level::Error : LogEntry::Level::Warning;
    log(level, error.source, QStringLiteral("%1 (%2)").arg(error.message, error.code));
    if (error.kind == AdapterError::Kind::Fatal && m_state == EngineState::Running) {
        m_risk.setState(TradingState::Halted, QStringLiteral("%1: %2").arg(error.source, error.message));
        persistRiskState();
        emitEvent(buildStatus());
    }
}

} // namespace engine
