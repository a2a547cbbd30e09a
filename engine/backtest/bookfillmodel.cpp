#include "engine/backtest/bookfillmodel.h"

namespace engine {

namespace {
constexpr int kProblemsKept = 20;
} // namespace

BookFillModel::BookFillModel(const BookModelSettings &settings, const QString &quoteAsset, Decimal capital, Decimal fee,
                             Decimal slippage, std::function<void(const Fill &)> onFill)
    : m_settings(settings)
    , m_quote(quoteAsset)
    , m_onFill(std::move(onFill))
{
    SimVenueConfig c;
    c.initialBalances.insert(quoteAsset, capital);
    c.takerFee = fee;
    c.makerFee = fee;
    c.marketSlippageBps = slippage * Decimal::fromInt(10000);
    c.venueName = QStringLiteral("backtest");
    c.idTag = QStringLiteral("BT"); // the same ids on every run: byte-identical results
    m_venue = std::make_unique<SimulatedVenue>(c, &m_clock, [this](SimulatedVenue::Event e) { onEvent(std::move(e)); });
}

BookUpdate BookFillModel::bookOf(const Candle &bar) const
{
    BookUpdate b;
    b.symbol = bar.symbol;
    b.tsMs = bar.openTimeMs;
    if (!bar.volume.isPositive())
        return b; // nobody traded: nothing to trade against
    const Decimal one = Decimal::fromInt(1);
    const Decimal half = m_settings.levelStep.divRounded(Decimal::fromInt(2), Rounding::HalfEven);
    const Decimal perLevel = Decimal::max(
        (bar.volume * m_settings.depthShare).divRounded(Decimal::fromInt(m_settings.levels), Rounding::Down).quantized(m_settings.stepSize),
        m_settings.stepSize);
    for (int i = 0; i < m_settings.levels; ++i) {
        const Decimal away = half + m_settings.levelStep * Decimal::fromInt(i);
        const Decimal ask = (bar.open * (one + away)).quantized(m_settings.tickSize, Rounding::Up);
        const Decimal bid = (bar.open * (one - away)).quantized(m_settings.tickSize, Rounding::Down);
        b.asks.append({ask, perLevel});
        if (bid.isPositive())
            b.bids.append({bid, perLevel});
    }
    return b;
}

void BookFillModel::open(const Candle &bar, const OrderRequest *order)
{
    m_clock.advanceTo(bar.openTimeMs);
    if (!m_known.contains(bar.symbol)) {
        m_known.insert(bar.symbol);
        const QString base = bar.symbol.endsWith(m_quote) && bar.symbol.size() > m_quote.size() ? bar.symbol.chopped(m_quote.size())
                                                                                                : bar.symbol;
        m_venue->onInstruments({Instrument{bar.symbol, base, m_quote, m_settings.tickSize, m_settings.stepSize, m_settings.minNotional}});
    }
    m_venue->onBook(bookOf(bar));
    if (order)
        m_venue->submit(*order);
}

void BookFillModel::onEvent(SimulatedVenue::Event event)
{
    if (const auto *f = std::get_if<Fill>(&event)) {
        m_onFill(*f);
        return;
    }
    const auto *r = std::get_if<ExecutionReport>(&event);
    if (r && (r->status == OrderStatus::Rejected || r->status == OrderStatus::Expired)) {
        ++m_refused;
        if (m_problems.size() < kProblemsKept)
            m_problems << QStringLiteral("%1 %2: %3").arg(r->clientId, toString(r->status), r->message);
    }
}

} // namespace engine
