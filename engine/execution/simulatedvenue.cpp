#include "engine/execution/simulatedvenue.h"

#include <QDateTime>
#include <QStringList>

#include <algorithm>

namespace engine {

namespace {

const QString kSource = QStringLiteral("paper");

QString num(Decimal d) { return d.toString(); }

QString insufficient(Decimal need, const QString &asset, Decimal have)
{
    return QStringLiteral("insufficient balance: need %1 %2, have %3").arg(num(need), asset, num(have));
}

// Drops unusable levels and sorts best first, so a sloppy feed cannot mis-price a fill.
BookUpdate sanitized(const BookUpdate &in)
{
    BookUpdate out;
    out.symbol = in.symbol;
    out.tsMs = in.tsMs;
    const auto usable = [](const BookLevel &l) { return l.price.isPositive() && l.qty.isPositive(); };
    std::copy_if(in.bids.cbegin(), in.bids.cend(), std::back_inserter(out.bids), usable);
    std::copy_if(in.asks.cbegin(), in.asks.cend(), std::back_inserter(out.asks), usable);
    std::stable_sort(out.bids.begin(), out.bids.end(), [](const BookLevel &a, const BookLevel &b) { return a.price > b.price; });
    std::stable_sort(out.asks.begin(), out.asks.end(), [](const BookLevel &a, const BookLevel &b) { return a.price < b.price; });
    return out;
}

} // namespace

SimulatedVenue::SimulatedVenue(SimVenueConfig config, const Clock *clock, Emit emit)
    : m_config(std::move(config))
    , m_clock(clock ? clock : &m_wallClock)
    , m_emit(std::move(emit))
{
    m_config.marketExpiryBooks = std::max(1, m_config.marketExpiryBooks);
    m_config.maxTerminalOrders = std::max(0, m_config.maxTerminalOrders);
    // Base-36 start time: short, and different on every run, so fill ids never repeat across restarts.
    m_idTag = m_config.idTag.isEmpty() ? QString::number(QDateTime::currentMSecsSinceEpoch(), 36).toUpper()
                                       : m_config.idTag;
    m_ledger.restore(m_config.initialBalances);
    (void)m_ledger.takeChanged();
}

void SimulatedVenue::submit(const OrderRequest &request)
{
    submitOne(request);
    endOperation();
}

void SimulatedVenue::cancel(const QString &clientId)
{
    const auto it = m_orders.find(clientId);
    if (it == m_orders.end()) {
        enqueue(notFoundReport(clientId, QStringLiteral("cancel: order %1 is not known to the paper venue").arg(clientId)));
    } else if (isTerminal(it->second.status)) {
        enqueue(reportFor(it->second, QStringLiteral("cancel ignored: order is already %1")
                                          .arg(toString(it->second.status))));
    } else {
        finish(it->second, OrderStatus::Cancelled, QStringLiteral("cancelled on request"));
    }
    endOperation();
}

void SimulatedVenue::query(const QString &clientId)
{
    const auto it = m_orders.find(clientId);
    if (it == m_orders.end())
        enqueue(notFoundReport(clientId, QStringLiteral("order %1 is not known to the paper venue "
                                                        "(paper orders do not survive a restart)")
                                             .arg(clientId)));
    else
        enqueue(reportFor(it->second, it->second.message));
}

void SimulatedVenue::requestBalances()
{
    enqueue(m_ledger.freeBalances());
    (void)m_ledger.takeChanged();
}

void SimulatedVenue::requestOpenOrders()
{
    OpenOrders open;
    for (const QString &id : std::as_const(m_working)) {
        const auto it = m_orders.find(id);
        if (it == m_orders.end())
            continue;
        const SimOrder &s = it->second;
        Order o;
        o.clientId = id;
        o.venueOrderId = s.venueOrderId;
        o.symbol = s.request.symbol;
        o.side = s.request.side;
        o.type = s.request.type;
        o.timeInForce = s.request.timeInForce;
        o.qty = s.request.qty;
        o.quoteQty = s.request.quoteQty;
        o.limitPrice = s.request.limitPrice;
        o.filledQty = s.filledQty;
        o.status = s.status;
        o.fees = s.fees;
        open.orders << o;
    }
    enqueue(std::move(open));
}

void SimulatedVenue::restoreBalances(const QHash<QString, Decimal> &balances)
{
    m_ledger.restore(balances);
    endOperation();
}

void SimulatedVenue::onInstruments(const QList<Instrument> &instruments)
{
    QStringList bad;
    for (const Instrument &ins : instruments) {
        if (ins.symbol.isEmpty() || ins.baseAsset.isEmpty() || ins.quoteAsset.isEmpty() || !ins.tickSize.isPositive()
            || !ins.stepSize.isPositive() || ins.minNotional.isNegative()) {
            bad << (ins.symbol.isEmpty() ? QStringLiteral("(no symbol)") : ins.symbol);
            continue;
        }
        m_instruments.insert(ins.symbol, ins);
    }
    if (!bad.isEmpty())
        enqueueError(AdapterError::Kind::NonRetryable, QStringLiteral("bad_instrument"),
                     QStringLiteral("ignoring instruments without assets or with a non-positive tick/step size: %1")
                         .arg(bad.join(QStringLiteral(", "))));
}

void SimulatedVenue::onBook(const BookUpdate &book)
{
    BookUpdate clean = sanitized(book);
    const QString symbol = clean.symbol;
    if (!clean.bids.isEmpty() && !clean.asks.isEmpty() && clean.bids.first().price >= clean.asks.first().price) {
        // Reported once per streak: a feed glitch must not flood the engine.
        if (!m_crossedSymbols.contains(symbol)) {
            m_crossedSymbols.insert(symbol);
            enqueueError(AdapterError::Kind::Retryable, QStringLiteral("crossed_book"),
                         QStringLiteral("ignoring crossed book for %1: best bid %2 >= best ask %3")
                             .arg(symbol, num(clean.bids.first().price), num(clean.asks.first().price)));
        }
    } else if (!symbol.isEmpty()) {
        m_crossedSymbols.remove(symbol);
        BookUpdate &stored = *m_books.insert(symbol, std::move(clean));
        const QList<QString> ids = m_working; // finishing an order edits m_working
        for (const QString &id : ids) {
            const auto it = m_orders.find(id);
            if (it == m_orders.end() || it->second.request.symbol != symbol)
                continue;
            try {
                onBookForOrder(it->second, stored);
            } catch (const DecimalError &e) {
                finish(it->second, OrderStatus::Expired,
                       QStringLiteral("amount out of range while filling: %1").arg(QString::fromUtf8(e.what())));
            }
        }
    }
    endOperation();
}






// ---- orders ------------------------------------------------------------------------------


void SimulatedVenue::submitOne(const OrderRequest &request)
{
    if (const auto known = m_orders.find(request.clientId); known != m_orders.end()) {
        QString message = QStringLiteral("client id %1 is already known: nothing re-sent").arg(request.clientId);
        if (!known->second.message.isEmpty())
            message += QStringLiteral("; ") + known->second.message;
        enqueue(reportFor(known->second, message));
        return;
    }
    SimOrder order;
    std::optional<QString> reject;
    try {
        reject = prepare(request, order);
    } catch (const DecimalError &e) {
        reject = QStringLiteral("amount out of range: %1").arg(QString::fromUtf8(e.what()));
    }
    if (reject) {
        rejectOrder(request, *reject);
        return;
    }

    order.venueOrderId = QStringLiteral("PO-%1-%2").arg(m_idTag).arg(m_nextOrderId++);
    m_ledger.lock(order.reservedAsset, order.reserved);
    const QString id = order.request.clientId;
    SimOrder &stored = m_orders.insert_or_assign(id, std::move(order)).first->second;
    m_working.append(id);

    const auto book = m_books.find(stored.request.symbol);
    const bool haveBook = book != m_books.end();
    enqueue(reportFor(stored, haveBook ? QString()
                                       : QStringLiteral("no market data for %1 yet: the order waits for the first book")
                                             .arg(stored.request.symbol)));
    const TimeInForce tif = stored.isMarket() ? TimeInForce::Gtc : stored.request.timeInForce;
    if (haveBook) {
        try {
            // Fill or kill: all of it at once within the limit, or nothing at all.
            if (tif == TimeInForce::Fok && fillableQty(stored, *book) < stored.request.qty)
                finish(stored, OrderStatus::Expired, QStringLiteral("FOK: the book cannot fill all of it at once"));
            else
                match(stored, *book);
        } catch (const DecimalError &e) {
            finish(stored, OrderStatus::Expired,
                         QStringLiteral("amount out of range while filling: %1").arg(QString::fromUtf8(e.what())));
        }
    }
    if (tif != TimeInForce::Gtc && !isTerminal(stored.status)) {
        finish(stored, OrderStatus::Expired,
               haveBook ? QStringLiteral("%1: the rest expired").arg(toString(tif))
                        : QStringLiteral("%1: no market data for %2 to fill against").arg(toString(tif), stored.request.symbol));
        return;
    }
    // What was not taken at submission now rests on the book: later limit fills are maker fills.
    stored.rested = true;
}

std::optional<QString> SimulatedVenue::prepare(const OrderRequest &request, SimOrder &order) const
{
    if (request.clientId.trimmed().isEmpty())
        return QStringLiteral("missing client order id");
    const auto inst = m_instruments.constFind(request.symbol);
    if (inst == m_instruments.cend())
        return QStringLiteral("unknown symbol '%1'").arg(request.symbol);
    const Instrument &ins = *inst;
    order.request = request;
    order.instrument = ins;
    if (request.byQuote())
        return prepareByQuote(order);

    if (!request.qty.isPositive())
        return QStringLiteral("quantity must be positive, got %1").arg(num(request.qty));
    order.request.qty = request.qty.quantized(ins.stepSize, Rounding::Down);
    if (order.request.qty.isZero())
        return QStringLiteral("quantity %1 rounds to zero at step size %2").arg(num(request.qty), num(ins.stepSize));
    const Decimal qty = order.request.qty;

    const bool buy = request.side == Side::Buy;
    const auto book = m_books.constFind(request.symbol);
    const bool haveBook = book != m_books.cend();
    std::optional<Decimal> refPrice;
    if (hasLimitPrice(request.type)) {
        if (!request.limitPrice.isPositive())
            return QStringLiteral("limit price must be positive, got %1").arg(num(request.limitPrice));
        // Rounded toward the passive side, so the order never trades worse than the trader asked.
        order.request.limitPrice = request.limitPrice.quantized(ins.tickSize, buy ? Rounding::Down : Rounding::Up);
        if (order.request.limitPrice.isZero())
            return QStringLiteral("limit price %1 rounds to zero at tick size %2")
                .arg(num(request.limitPrice), num(ins.tickSize));
        refPrice = order.request.limitPrice;
        const QList<BookLevel> *opposite = haveBook ? (buy ? &book->asks : &book->bids) : nullptr;
        const bool wouldTake = opposite && !opposite->isEmpty()
                               && (buy ? order.request.limitPrice >= opposite->first().price
                                       : order.request.limitPrice <= opposite->first().price);
        if (request.type == OrderType::LimitMaker && wouldTake)
            return QStringLiteral("LIMIT_MAKER at %1 would trade at once against %2; it must rest on the book")
                .arg(num(order.request.limitPrice), num(opposite->first().price));
    } else {
        order.request.limitPrice = Decimal();
        const QList<BookLevel> *levels = haveBook ? (buy ? &book->asks : &book->bids) : nullptr;
        if (levels && !levels->isEmpty())
            refPrice = levels->first().price;
    }
    if (refPrice) {
        const Decimal notional = qty * *refPrice;
        if (notional < ins.minNotional)
            return QStringLiteral("notional %1 %2 is below the minimum %3 %2 for %4")
                .arg(num(notional), ins.quoteAsset, num(ins.minNotional), ins.symbol);
        order.notionalChecked = true;
    }

    if (buy) {
        const Decimal have = m_ledger.free(ins.quoteAsset);
        if (hasLimitPrice(request.type)) {
            const Decimal need = buyReservation(qty, order.request.limitPrice);
            if (need > have)
                return insufficient(need, ins.quoteAsset, have);
            order.reserved = need;
            order.reservedAsset = ins.quoteAsset;
        } else if (haveBook) {
            // Without a book the price is unknown; the fills themselves are capped by the balance.
            const std::optional<Decimal> need = estimateMarketBuyCost(*book, qty);
            if (need && *need > have)
                return insufficient(*need, ins.quoteAsset, have);
        }
    } else {
        const Decimal have = m_ledger.free(ins.baseAsset);
        if (qty > have)
            return insufficient(qty, ins.baseAsset, have);
        order.reserved = qty;
        order.reservedAsset = ins.baseAsset;
    }
    return std::nullopt;
}

std::optional<QString> SimulatedVenue::prepareByQuote(SimOrder &order) const
{
    const OrderRequest &request = order.request;
    const Instrument &ins = order.instrument;
    if (request.type != OrderType::Market || !request.qty.isZero())
        return QStringLiteral("an order by amount must be a MARKET order without a quantity");
    if (request.quoteQty < ins.minNotional)
        return QStringLiteral("amount %1 %2 is below the minimum %3 %2 for %4")
            .arg(num(request.quoteQty), ins.quoteAsset, num(ins.minNotional), ins.symbol);
    order.notionalChecked = true;
    const bool buy = request.side == Side::Buy;
    const auto book = m_books.constFind(request.symbol);
    const QList<BookLevel> *levels = book != m_books.cend() ? (buy ? &book->asks : &book->bids) : nullptr;
    // Nothing is held back (like any market order); the fills are capped by the free balance.
    if (buy) {
        const Decimal need = request.quoteQty * (Decimal::fromInt(1) + m_config.takerFee);
        if (const Decimal have = m_ledger.free(ins.quoteAsset); need > have)
            return insufficient(need, ins.quoteAsset, have);
    }
    if (levels && !levels->isEmpty()) {
        const Decimal price = slipped(levels->first().price, buy);
        const Decimal lots = request.quoteQty.divRounded(price, Rounding::Down).quantized(ins.stepSize, Rounding::Down);
        if (!lots.isPositive())
            return QStringLiteral("amount %1 %2 is less than one lot (%3) at %4")
                .arg(num(request.quoteQty), ins.quoteAsset, num(ins.stepSize), num(price));
        if (const Decimal have = m_ledger.free(ins.baseAsset); !buy && lots > have)
            return insufficient(lots, ins.baseAsset, have);
    }
    return std::nullopt;
}

void SimulatedVenue::rejectOrder(const OrderRequest &request, const QString &reason)
{
    ExecutionReport r;
    r.clientId = request.clientId;
    r.status = OrderStatus::Rejected;
    r.message = reason;
    r.tsMs = m_clock->nowMs();
    // Remembered so that a retry with the same client id gets the same answer.
    if (!request.clientId.trimmed().isEmpty()) {
        SimOrder o;
        o.request = request;
        o.status = OrderStatus::Rejected;
        o.message = reason;
        m_orders.insert_or_assign(request.clientId, std::move(o));
        m_terminal.push_back(request.clientId);
    }
    enqueue(r);
}





// ---- matching ----------------------------------------------------------------------------

void SimulatedVenue::match(SimOrder &order, BookUpdate &book)
{
    const bool buy = order.isBuy();
    const bool market = order.isMarket();
    const bool maker = !market && order.rested;
    const Decimal feeRate = maker ? m_config.makerFee : m_config.takerFee;
    const Decimal one = Decimal::fromInt(1);
    const Decimal limit = order.request.limitPrice;
    const Instrument &ins = order.instrument;
    QList<BookLevel> &levels = buy ? book.asks : book.bids;

    bool filled = false;
    QString stopReason;
    for (BookLevel &level : levels) {
        if (order.complete())
            break;
        // Levels are sorted best first, so the first level beyond the limit ends the walk.
        if (!market && (buy ? level.price > limit : level.price < limit))
            break;
        // A resting order trades at its own price: the counterparty crossed it.
        const Decimal price = market ? slipped(level.price, buy) : (maker ? limit : level.price);
        // An order by amount takes what the rest of its amount pays for at this price.
        const Decimal remaining = order.byQuote()
                                      ? order.remainingQuote().divRounded(price, Rounding::Down).quantized(ins.stepSize, Rounding::Down)
                                      : order.remainingQty();
        if (!remaining.isPositive()) {
            order.amountSpent = true; // deeper levels only cost more
            break;
        }
        Decimal qty = Decimal::min(remaining, level.qty).quantized(ins.stepSize, Rounding::Down);
        if (qty.isZero())
            continue; // less than one lot displayed here
        if (!buy && order.byQuote()) {
            // A sale by amount holds nothing back: what is free caps it.
            const Decimal have = m_ledger.free(ins.baseAsset).quantized(ins.stepSize, Rounding::Down);
            if (qty > have) {
                stopReason = insufficient(qty, ins.baseAsset, have);
                qty = have;
                if (!qty.isPositive())
                    break;
            }
        }
        Decimal notional = qty * price;
        Decimal fee = notional * feeRate;
        if (buy && market) {
            // Market buys hold nothing back, so the free quote balance caps each fill.
            const Decimal have = m_ledger.free(ins.quoteAsset);
            if (notional + fee > have) {
                const Decimal unitCost = price * (one + feeRate);
                stopReason = insufficient(remaining * unitCost, ins.quoteAsset, have);
                qty = have.isPositive() ? Decimal::min(qty, have.divRounded(unitCost, Rounding::Down).quantized(ins.stepSize))
                                        : Decimal();
                notional = qty * price;
                fee = notional * feeRate;
                while (qty.isPositive() && notional + fee > have) { // half-even fee rounding can tip it over
                    qty -= ins.stepSize;
                    notional = qty * price;
                    fee = notional * feeRate;
                }
                if (!qty.isPositive())
                    break;
            }
        }

        if (buy)
            m_ledger.settle(ins.quoteAsset, notional + fee, ins.baseAsset, qty);
        else
            m_ledger.settle(ins.baseAsset, qty, ins.quoteAsset, notional - fee);
        level.qty -= qty;
        order.filledQty += qty;
        order.notional += notional;
        order.fees += fee;
        updateReservation(order);

        Fill f;
        f.fillId = QStringLiteral("P-%1-%2").arg(m_idTag).arg(m_nextFillId++);
        f.clientId = order.request.clientId;
        f.symbol = order.request.symbol;
        f.side = order.request.side;
        f.price = price;
        f.qty = qty;
        f.fee = fee;
        f.feeAsset = ins.quoteAsset;
        f.isMaker = maker;
        f.tsMs = m_clock->nowMs();
        enqueue(f);
        filled = true;
        // What is left of an amount that pays for no lot at this price pays for none deeper either.
        if (order.byQuote() && order.remainingQuote().divRounded(price, Rounding::Down).quantized(ins.stepSize).isZero())
            order.amountSpent = true;
        if (!stopReason.isEmpty())
            break;
    }
    levels.removeIf([](const BookLevel &l) { return !l.qty.isPositive(); });

    if (order.complete() && !isTerminal(order.status)) {
        // An amount too small for one more lot ends the order; with nothing bought it expires.
        if (order.filledQty.isPositive())
            finish(order, OrderStatus::Filled, QString());
        else
            finish(order, OrderStatus::Expired, QStringLiteral("the amount is less than one lot at the current price"));
    } else if (filled) {
        order.status = OrderStatus::PartiallyFilled;
        enqueue(reportFor(order, QString()));
    }
    if (!stopReason.isEmpty() && !isTerminal(order.status))
        finish(order, OrderStatus::Expired, stopReason);
}

Decimal SimulatedVenue::fillableQty(const SimOrder &order, const BookUpdate &book) const
{
    const bool buy = order.isBuy();
    const QList<BookLevel> &levels = buy ? book.asks : book.bids;
    Decimal total;
    for (const BookLevel &level : levels) {
        if (!order.isMarket() && (buy ? level.price > order.request.limitPrice : level.price < order.request.limitPrice))
            break;
        total += level.qty.quantized(order.instrument.stepSize, Rounding::Down);
    }
    return total;
}

void SimulatedVenue::onBookForOrder(SimOrder &order, BookUpdate &book)
{
    if (!order.isMarket()) {
        match(order, book);
        return;
    }
    if (!order.notionalChecked) {
        // Accepted before any book: the minimum notional can only be checked at the first price.
        const QList<BookLevel> &levels = order.isBuy() ? book.asks : book.bids;
        if (!levels.isEmpty()) {
            order.notionalChecked = true;
            const Decimal notional = order.request.qty * levels.first().price;
            if (notional < order.instrument.minNotional) {
                finish(order, OrderStatus::Expired,
                             QStringLiteral("notional %1 %2 at the first price is below the minimum %3 %2 for %4")
                                 .arg(num(notional), order.instrument.quoteAsset, num(order.instrument.minNotional),
                                      order.request.symbol));
                return;
            }
        }
    }
    match(order, book);
    if (isTerminal(order.status))
        return;
    if (++order.booksSeen >= m_config.marketExpiryBooks) {
        const QString unfilled = order.byQuote()
                                     ? QStringLiteral("%1 of %2 %3").arg(num(order.remainingQuote()), num(order.request.quoteQty),
                                                                         order.instrument.quoteAsset)
                                     : QStringLiteral("%1 of %2").arg(num(order.remainingQty()), num(order.request.qty));
        finish(order, OrderStatus::Expired,
               QStringLiteral("market order expired after %1 book updates with %2 unfilled: not enough displayed liquidity")
                   .arg(order.booksSeen)
                   .arg(unfilled));
    }
}

void SimulatedVenue::finish(SimOrder &order, OrderStatus status, const QString &message)
{
    order.status = status;
    order.message = message;
    updateReservation(order);
    m_working.removeOne(order.request.clientId);
    m_terminal.push_back(order.request.clientId);
    enqueue(reportFor(order, message));
}

void SimulatedVenue::endOperation()
{
    if (m_ledger.takeChanged())
        enqueue(m_ledger.freeBalances());
    while (m_terminal.size() > std::size_t(m_config.maxTerminalOrders)) {
        const auto it = m_orders.find(m_terminal.front());
        if (it != m_orders.end() && isTerminal(it->second.status))
            m_orders.erase(it);
        m_terminal.pop_front();
    }
}

void SimulatedVenue::updateReservation(SimOrder &order)
{
    if (order.reservedAsset.isEmpty())
        return;
    const Decimal target = reservationFor(order);
    if (target < order.reserved) {
        m_ledger.unlock(order.reservedAsset, order.reserved - target);
        order.reserved = target;
    }
}

Decimal SimulatedVenue::reservationFor(const SimOrder &order) const
{
    if (isTerminal(order.status) || order.byQuote())
        return Decimal();
    if (!order.isBuy())
        return order.remainingQty();
    return order.isMarket() ? Decimal() : buyReservation(order.remainingQty(), order.request.limitPrice);
}

Decimal SimulatedVenue::buyReservation(Decimal qty, Decimal limitPrice) const
{
    // The larger fee, because whether a limit order takes or makes is decided by the market.
    const Decimal fee = Decimal::max(m_config.takerFee, m_config.makerFee);
    return (qty * limitPrice).mulRounded(Decimal::fromInt(1) + fee, Rounding::Up);
}

Decimal SimulatedVenue::slipped(Decimal price, bool buy) const
{
    const Decimal frac = m_config.marketSlippageBps / Decimal::fromInt(10000);
    return price * (buy ? Decimal::fromInt(1) + frac : Decimal::fromInt(1) - frac);
}

std::optional<Decimal> SimulatedVenue::estimateMarketBuyCost(const BookUpdate &book, Decimal qty) const
{
    if (book.asks.isEmpty())
        return std::nullopt;
    Decimal left = qty;
    Decimal cost;
    Decimal lastPrice;
    for (const BookLevel &level : book.asks) {
        if (!left.isPositive())
            break;
        const Decimal take = Decimal::min(left, level.qty);
        lastPrice = slipped(level.price, true);
        cost += take * lastPrice;
        left -= take;
    }
    // Beyond the displayed depth the estimate assumes the worst displayed price.
    if (left.isPositive())
        cost += left * lastPrice;
    return cost * (Decimal::fromInt(1) + m_config.takerFee);
}

ExecutionReport SimulatedVenue::reportFor(const SimOrder &order, const QString &message) const
{
    ExecutionReport r;
    r.clientId = order.request.clientId;
    r.venueOrderId = order.venueOrderId;
    r.status = order.status;
    r.filledQty = order.filledQty;
    r.message = message;
    r.tsMs = m_clock->nowMs();
    return r;
}

ExecutionReport SimulatedVenue::notFoundReport(const QString &clientId, const QString &message) const
{
    ExecutionReport r;
    r.clientId = clientId;
    r.status = OrderStatus::Expired;
    r.notFound = true;
    r.message = message;
    r.tsMs = m_clock->nowMs();
    return r;
}

void SimulatedVenue::enqueueError(AdapterError::Kind kind, const QString &code, const QString &message)
{
    AdapterError e;
    e.kind = kind;
    e.source = kSource;
    e.code = code;
    e.message = message;
    enqueue(e);
}

// ---- market data -------------------------------------------------------------------------



} // namespace engine
