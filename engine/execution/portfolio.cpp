#include "engine/execution/portfolio.h"

namespace engine {

Portfolio::Portfolio(QString quoteAsset) : m_quote(std::move(quoteAsset)) {}

void Portfolio::reset(Decimal startingCash)
{
    m_positions.clear();
    m_cash = startingCash;
    m_startingEquity = startingCash;
}

void Portfolio::restore(Decimal cash, Decimal startingEquity, const QList<Position> &positions)
{
    m_cash = cash;
    m_startingEquity = startingEquity;
    m_positions.clear();
    for (Position p : positions) {
        if (p.isOpen() && p.costBasis.isZero())
            p.costBasis = p.avgPrice * p.qty; // journal written before cost basis was kept
        m_positions.insert(p.symbol, p);
    }
}

Result<void> Portfolio::applyFill(const Fill &f, qint64 nowMs)
{
    // Worked out on copies and committed at the end: a fill whose arithmetic overflows (a meme
    // coin's 1e15 supply at a 1e-13 price, a venue's absurd value) changes nothing at all.
    Position p = m_positions.value(f.symbol);
    p.symbol = f.symbol;
    Decimal cash = m_cash;
    Decimal startingEquity = m_startingEquity;
    try {
        // A fee is paid in the quote asset (out of cash) or in the traded token (out of the
        // position: the venue credits less, or takes more). One paid in a third asset (BNB) comes
        // from outside this account's cash and tokens: it counts as that much brought in and spent
        // at once, so the PnL carries it and equity - starting equity == realized + unrealized holds.
        const Decimal outsideFee = f.feeInOtherAsset() ? f.feeValue : Decimal();
        const Decimal fee = f.feeInBase() || f.feeInOtherAsset() ? Decimal() : f.fee;
        const Decimal baseFee = f.feeInBase() ? f.fee : Decimal();
        if (f.side == Side::Buy) {
            if (!p.isOpen()) {
                p.openedMs = nowMs;
                p.peakPrice = f.price;
                p.costBasis = Decimal();
            }
            const Decimal cost = f.price * f.qty;
            if (baseFee >= f.qty)
                return Error{QLatin1String(errors::kFillInvalid),
                             QStringLiteral("fill %1: a fee of %2 leaves nothing of %3 bought").arg(f.fillId, baseFee.toString(), f.qty.toString())};
            p.costBasis += cost;
            p.qty += f.qty - baseFee;
            p.avgPrice = p.costBasis / p.qty;
            cash -= cost + fee;
        } else {
            const Decimal leaving = f.qty + baseFee;
            if (leaving > p.qty)
                return Error{QLatin1String(errors::kPositionOversold),
                             QStringLiteral("sell of %1 %2 exceeds the position of %3")
                                 .arg(leaving.toString(), f.symbol, p.qty.toString())};
            // The cost leaving the position is taken out of the basis exactly, so that
            // equity - starting equity == realized + unrealized holds to the last digit.
            const Decimal removed = leaving == p.qty ? p.costBasis : p.costBasis * (leaving / p.qty); // fraction first: no overflow on huge meme quantities
            const Decimal proceeds = f.price * f.qty;
            p.realizedPnl += proceeds - removed;
            p.costBasis -= removed;
            p.qty -= leaving;
            cash += proceeds - fee;
            if (p.isOpen()) {
                p.avgPrice = p.costBasis / p.qty;
            } else {
                p.avgPrice = Decimal();
                p.peakPrice = Decimal();
                p.costBasis = Decimal();
            }
        }
        p.realizedPnl -= fee + outsideFee; // a base-asset fee is already in the smaller position (or the basis it took)
        p.fees += f.feeInQuote();
        startingEquity += outsideFee;
    } catch (const DecimalError &e) {
        return Error{QLatin1String(errors::kFillOverflow),
                     QStringLiteral("fill %1 (%2 %3 @ %4) cannot be accounted: %5")
                         .arg(f.fillId, f.qty.toString(), f.symbol, f.price.toString(), QString::fromUtf8(e.what()))};
    }
    if (p.lastPrice.isZero())
        p.lastPrice = f.price;
    m_positions.insert(f.symbol, p);
    m_cash = cash;
    m_startingEquity = startingEquity;
    return {};
}

void Portfolio::mark(const QString &symbol, Decimal price)
{
    auto it = m_positions.find(symbol);
    if (it == m_positions.end() || !price.isPositive())
        return;
    it->lastPrice = price;
    if (it->isOpen() && price > it->peakPrice)
        it->peakPrice = price;
}

Decimal Portfolio::equity() const
{
    Decimal e = m_cash;
    for (const Position &p : m_positions)
        e += p.marketValue();
    return e;
}

Decimal Portfolio::realizedPnl() const
{
    Decimal r;
    for (const Position &p : m_positions)
        r += p.realizedPnl;
    return r;
}

Decimal Portfolio::unrealizedPnl() const
{
    Decimal u;
    for (const Position &p : m_positions)
        u += p.unrealizedPnl();
    return u;
}

Decimal Portfolio::fees() const
{
    Decimal f;
    for (const Position &p : m_positions)
        f += p.fees;
    return f;
}

int Portfolio::openPositionCount() const
{
    int n = 0;
    for (const Position &p : m_positions)
        n += p.isOpen() ? 1 : 0;
    return n;
}

const Position *Portfolio::position(const QString &symbol) const
{
    auto it = m_positions.constFind(symbol);
    return it == m_positions.constEnd() ? nullptr : &*it;
}

QList<Position> Portfolio::openPositions() const
{
    QList<Position> out;
    for (const Position &p : m_positions) {
        if (p.isOpen())
            out << p;
    }
    return out;
}

QHash<QString, Decimal> Portfolio::balances(const QHash<QString, QString> &baseOfSymbol) const
{
    QHash<QString, Decimal> b;
    b.insert(m_quote, m_cash);
    for (const Position &p : m_positions) {
        const QString base = baseOfSymbol.value(p.symbol);
        if (!base.isEmpty())
            b[base] += p.qty;
    }
    return b;
}

} // namespace engine
