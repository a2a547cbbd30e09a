#include "engine/strategy/strategyhost.h"

namespace engine {

bool StrategyHost::addStrategy(std::unique_ptr<Strategy> strategy, QSet<QString> symbols)
{
    if (!strategy || names().contains(strategy->name()))
        return false;
    m_entries.push_back({std::move(strategy), std::move(symbols), true});
    return true;
}

bool StrategyHost::setEnabled(const QString &name, bool enabled)
{
    for (Entry &e : m_entries) {
        if (e.strategy->name() == name) {
            e.enabled = enabled;
            return true;
        }
    }
    return false;
}

void StrategyHost::configure(const StrategyParams &params)
{
    for (Entry &e : m_entries)
        e.strategy->configure(params);
}

QList<OrderRequest> StrategyHost::onSignal(const Signal &signal, const StrategyContext &ctx)
{
    QList<OrderRequest> all;
    for (Entry &e : m_entries) {
        if (!e.enabled || (!e.symbols.isEmpty() && !e.symbols.contains(signal.symbol)))
            continue;
        for (OrderRequest r : e.strategy->onSignal(signal, ctx)) {
            if (r.strategy.isEmpty())
                r.strategy = e.strategy->name();
            all << std::move(r);
        }
    }
    return all;
}

QStringList StrategyHost::names() const
{
    QStringList out;
    for (const Entry &e : m_entries)
        out << e.strategy->name();
    return out;
}

} // namespace engine
