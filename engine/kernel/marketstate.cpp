#include "engine/kernel/marketstate.h"

namespace engine {

MarketState::MarketState(const StrategyParams &params)
    : m_params(params)
{
    m_social.setWindows(params.socialWindowMin, params.socialBaselineMin);
}

void MarketState::configure(const StrategyParams &params)
{
    const bool featuresChanged =
        params.emaFast != m_params.emaFast || params.emaSlow != m_params.emaSlow || params.rsiPeriod != m_params.rsiPeriod;
    m_params = params;
    m_social.setWindows(params.socialWindowMin, params.socialBaselineMin);
    if (featuresChanged)
        rebuildFeatures();
}

int MarketState::addInstruments(const QList<Instrument> &instruments)
{
    int refused = 0;
    for (const Instrument &i : instruments) {
        if (i.symbol.isEmpty() || !i.tickSize.isPositive() || !i.stepSize.isPositive()) {
            ++refused;
            continue;
        }
        m_instruments.insert(i.symbol, i);
    }
    m_dropped += quint64(refused);
    return refused;
}

bool MarketState::isValid(const Candle &c)
{
    return !c.symbol.isEmpty() && c.open.isPositive() && c.close.isPositive() && c.low.isPositive()
        && c.high >= c.low && c.high >= c.open && c.high >= c.close && c.low <= c.open && c.low <= c.close
        && !c.volume.isNegative();
}

bool MarketState::addCandle(const Candle &c)
{
    if (!c.closed || !isValid(c)) {
        ++m_dropped;
        return false;
    }
    auto &list = m_candles[c.symbol];
    if (!list.isEmpty() && list.last().openTimeMs >= c.openTimeMs)
        return false; // replayed candle
    list.append(c);
    if (list.size() > kCandlesKept)
        list.removeFirst();
    features(c.symbol).update(c);
    return true;
}

bool MarketState::addBook(const BookUpdate &b)
{
    if (!b.isValid()) {
        ++m_dropped;
        return false;
    }
    m_books.insert(b.symbol, b);
    return true;
}

bool MarketState::acceptTrade(const TradeTick &t)
{
    if (t.symbol.isEmpty() || !t.price.isPositive() || !t.qty.isPositive()) {
        ++m_dropped;
        return false;
    }
    return true;
}

bool MarketState::addPost(const SocialPost &p)
{
    if (p.tokens.isEmpty() || p.tsMs <= 0) {
        ++m_dropped;
        return false;
    }
    m_social.add(p);
    return true;
}

bool MarketState::addChainEvent(const ChainEvent &e)
{
    if (e.token.isEmpty() || e.quoteAmount.isNegative() || e.liquidity.isNegative()) {
        ++m_dropped;
        return false;
    }
    m_chain.add(e);
    return true;
}

const Instrument *MarketState::instrument(const QString &symbol) const
{
    const auto it = m_instruments.constFind(symbol);
    return it == m_instruments.constEnd() ? nullptr : &*it;
}

SymbolFeatures &MarketState::features(const QString &symbol)
{
    auto &f = m_features[symbol];
    if (!f)
        f = std::make_shared<SymbolFeatures>(m_params.emaFast, m_params.emaSlow, m_params.rsiPeriod);
    return *f;
}

void MarketState::rebuildFeatures()
{
    m_features.clear();
    for (auto it = m_candles.cbegin(); it != m_candles.cend(); ++it) {
        SymbolFeatures &f = features(it.key());
        for (const Candle &c : *it)
            f.update(c);
    }
}

QString MarketState::baseAsset(const QString &symbol) const
{
    if (const Instrument *i = instrument(symbol))
        return i->baseAsset;
    return symbol.endsWith(QLatin1String("USDT")) ? symbol.chopped(4) : symbol;
}

QString MarketState::symbolOfToken(const QString &token, const QString &quote) const
{
    for (const Instrument &i : m_instruments) {
        if (i.baseAsset.compare(token, Qt::CaseInsensitive) == 0 && i.quoteAsset == quote)
            return i.symbol;
    }
    return {};
}

} // namespace engine
