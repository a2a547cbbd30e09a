#pragma once

#include "engine/strategy/strategy.h"
#include "engine/strategy/strategyparams.h"

#include <QList>
#include <QSet>
#include <QString>

#include <memory>
#include <vector>

namespace engine {

//! The strategies the engine runs, each with its own parameters and the symbols it trades. The
//! engine asks the host; the host asks every strategy that wants the signal's symbol, and tags each
//! proposal with the strategy's name. Adding a strategy (an AI model, an LLM reviewer that proposes)
//! is one addStrategy() call in the composition root — the kernel does not change.
class StrategyHost {
public:
    struct Entry {
        std::unique_ptr<Strategy> strategy;
        QSet<QString> symbols; // empty = every symbol
        bool enabled = true;
    };

    //! Takes ownership. Returns false (and keeps nothing) when a strategy of that name is there.
    bool addStrategy(std::unique_ptr<Strategy> strategy, QSet<QString> symbols = {});
    //! Turns a strategy on or off; false when no strategy has that name.
    bool setEnabled(const QString &name, bool enabled);
    //! Hands new parameters to every strategy (each takes what it uses).
    void configure(const StrategyParams &params);

    //! Every proposal for this signal, in the order the strategies were added.
    [[nodiscard]] QList<OrderRequest> onSignal(const Signal &signal, const StrategyContext &ctx);

    [[nodiscard]] QStringList names() const;
    [[nodiscard]] int size() const { return int(m_entries.size()); }

private:
    std::vector<Entry> m_entries;
};

} // namespace engine
