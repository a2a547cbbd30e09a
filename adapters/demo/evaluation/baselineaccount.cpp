#include "adapters/demo/evaluation/baselineaccount.h"

#include "engine/risk/exitmanager.h"

namespace adapters::demo::evaluation {

using engine::Decimal;

namespace {
engine::Decimal startingCash(const engine::SimVenueConfig &venue)
{
    return venue.initialBalances.value(QStringLiteral("USDT"), Decimal::fromInt(10000));
}
} // namespace

BaselineAccount::BaselineAccount(const QString &name, engine::SimVenueConfig venue, qint64 latencyMs, engine::RiskLimits exits,
                                 bool useExits, std::function<QString(const QString &)> regimeOf)
    : m_name(name)
    , m_venue(venue, &m_clock, latencyMs)
    , m_exits(std::move(exits))
    , m_useExits(useExits)
    , m_regimeOf(std::move(regimeOf))
    , m_record(startingCash(venue))
{
    m_portfolio.reset(startingCash(venue));
    m_venue.setExecutionSink(this);
}

void BaselineAccount::onInstruments(const QList<engine::Instrument> &instruments)
{
    m_venue.onInstruments(instruments);
    for (const engine::Instrument &i : instruments)
        m_instruments.insert(i.symbol, i);
}

bool BaselineAccount::holds(const QString &symbol) const
{
    const engine::Position *p = m_portfolio.position(symbol);
    return m_pending.contains(symbol) || (p && p->isOpen());
}

void BaselineAccount::onBook(const engine::BookUpdate &book)
{
    if (!book.asks.isEmpty())
        m_bestAsk.insert(book.symbol, book.asks.first().price);
    m_venue.onBook(book);
    m_venue.deliver();
    const engine::Position *p = m_portfolio.position(book.symbol);
    if (!p || !p->isOpen())
        return; // nothing to mark or to protect
    m_portfolio.mark(book.symbol, book.mid());
    if (m_pending.contains(book.symbol))
        return;
    if (auto exit = m_useExits ? engine::ExitManager::check(*p, m_exits) : std::nullopt)
        send(*exit);
    else if (const qint64 at = m_sellAtMs.value(book.symbol, -1); at >= 0 && book.tsMs >= at)
        send(engine::ExitManager::closeOrder(*p, m_name, QStringLiteral("held as long as the strategy held")));
}

bool BaselineAccount::buy(const QString &symbol, Decimal notional, qint64 holdMs)
{
    const auto ask = m_bestAsk.constFind(symbol);
    const auto inst = m_instruments.constFind(symbol);
    if (ask == m_bestAsk.cend() || inst == m_instruments.cend() || !ask->isPositive() || holds(symbol))
        return false;
    Decimal qty = notional / *ask;
    if (inst->stepSize.isPositive())
        qty = qty.quantized(inst->stepSize, engine::Rounding::Down);
    if (!qty.isPositive())
        return false;
    engine::OrderRequest r;
    r.symbol = symbol;
    r.side = engine::Side::Buy;
    r.type = engine::OrderType::Market;
    r.qty = qty;
    r.strategy = m_name;
    send(r);
    if (holdMs > 0)
        m_sellAtMs.insert(symbol, m_clock.nowMs() + holdMs);
    else
        m_sellAtMs.remove(symbol);
    return true;
}

void BaselineAccount::send(engine::OrderRequest request)
{
    request.clientId = QStringLiteral("%1-%2").arg(m_name).arg(m_nextId++);
    m_pending.insert(request.symbol);
    m_pendingIds.insert(request.clientId, request.symbol);
    m_venue.submit(request);
}

void BaselineAccount::onExecutionReport(const engine::ExecutionReport &report)
{
    if (engine::isTerminal(report.status))
        m_pending.remove(m_pendingIds.take(report.clientId));
}

void BaselineAccount::onFill(const engine::Fill &fill)
{
    const engine::Position *p = m_portfolio.position(fill.symbol);
    const bool opening = fill.side == engine::Side::Buy && !(p && p->isOpen());
    m_record.onFill(fill, opening ? m_regimeOf(fill.symbol) : QString());
    (void)m_portfolio.applyFill(fill, fill.tsMs);
}

void BaselineAccount::sample(qint64 tsMs) { m_record.sample(tsMs, m_portfolio.equity(), m_portfolio.openPositionCount() > 0); }

void BaselineAccount::finish()
{
    QHash<QString, Decimal> marks;
    for (const engine::Position &p : m_portfolio.openPositions())
        marks.insert(p.symbol, p.lastPrice);
    m_record.finish(marks);
}

} // namespace adapters::demo::evaluation
