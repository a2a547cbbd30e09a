#pragma once

#include "adapters/demo/chattergenerator.h"
#include "adapters/demo/demoevent.h"
#include "adapters/demo/regime.h"
#include "adapters/demo/rng.h"
#include "adapters/demo/tokencatalog.h"
#include "adapters/demo/tokentruth.h"

#include "engine/core/marketdata.h"
#include "engine/core/socialpost.h"

#include <QList>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace adapters::demo {

class TokenSim;

//! The embedded simulated meme market: CEX pairs with books, trades and 1-minute
//! candles, DEX pools with on-chain events, social chatter that leads price moves,
//! new launches, organic pumps, coordinated pump-and-dumps, rug pulls and slow
//! bleeds.
//!
//! Pure and deterministic: single-threaded, no event loop, no wall clock. The same
//! seed and start time give a bit-identical event stream on every platform (own
//! PRNG, own sampling, own exp/log; every price and quantity an exact Decimal on
//! its instrument's tick and step).
//!
//! Session protocol: construct, optionally warmUp() once for history, then step()
//! one simulated second at a time. To continue a session after a restart, repeat
//! the same construction and warmUp() and fastForwardTo() where it stopped.
class MarketSimulator {
public:
    static constexpr quint64 kDefaultSeed = 42;

    //! Closed candles and posts of a period that was simulated without streaming.
    struct History {
        QList<engine::Candle> candles;   // oldest first
        QList<engine::SocialPost> posts; // oldest first
    };

    //! startMs is rounded down to a whole second.
    MarketSimulator(quint64 seed, qint64 startMs);
    ~MarketSimulator();
    MarketSimulator(const MarketSimulator &) = delete;
    MarketSimulator &operator=(const MarketSimulator &) = delete;

    //! Simulates the next second and returns its events in time order (a closed
    //! candle sorts at its close time, after the trades that made it).
    std::vector<DemoEvent> step();
    //! Simulates `minutes` without streaming and returns their closed candles and
    //! posts. Called first in a session, it also plants the showcase (unless turned
    //! off): one healthy token's gentle organic pump starts 1..2.5 minutes after the
    //! warm-up, with a 6..9 minute social lead that begins inside the warm-up.
    History warmUp(int minutes);
    //! Whether warmUp() plants the showcase pump (default: yes, for a first-run demo). Evaluations
    //! turn it off: a planted pump would flatter every strategy. Call before warmUp().
    void setShowcase(bool plant) { m_showcase = plant; }
    //! Like warmUp() up to simMs, without planting anything.
    History historyTo(qint64 simMs);
    //! Simulates silently up to simMs (no events kept), e.g. to resume a session.
    void fastForwardTo(qint64 simMs);

    [[nodiscard]] quint64 seed() const { return m_seed; }
    [[nodiscard]] qint64 startMs() const { return m_startMs; }
    //! Start of the next simulated second.
    [[nodiscard]] qint64 nowMs() const { return m_nowMs; }

    //! The CEX instruments listed so far, in listing order.
    [[nodiscard]] QList<engine::Instrument> instruments() const;
    //! Grows by one each time instruments() changes (a new listing).
    [[nodiscard]] int instrumentsRevision() const { return m_instrumentsRevision; }
    //! Every token alive, listed or not. A token is delisted and dropped six
    //! simulated hours after a rug pull, and a fresh launch two hours after it
    //! faded out, which keeps long sessions bounded.
    [[nodiscard]] QStringList tokenSymbols() const { return m_symbols; }

    //! Ground truth for tests: regime, phase and plans of every token. Never sent
    //! through a port.
    [[nodiscard]] QList<TokenTruth> groundTruth() const;
    [[nodiscard]] std::optional<TokenTruth> groundTruth(const QString &symbol) const;
    //! Every episode planned so far for every token (past, running and next).
    [[nodiscard]] QList<RegimeEpisode> episodes() const;

private:
    void advance(EmitMode mode, std::vector<DemoEvent> &out);
    void launchToken(qint64 tMs);
    void plantShowcase(qint64 moveStartMs);
    void retireDeadTokens(qint64 tMs);
    History collect(qint64 untilMs);

    quint64 m_seed;
    qint64 m_startMs;
    qint64 m_nowMs;
    qint64 m_steps = 0;
    Rng m_rng; // launches and the showcase
    TokenCatalog m_catalog;
    ChatterGenerator m_chatter;
    std::vector<std::unique_ptr<TokenSim>> m_tokens;
    QList<RegimeEpisode> m_retiredEpisodes; // of tokens no longer simulated
    QStringList m_symbols;
    qint64 m_nextLaunchMs = 0;
    int m_launches = 0;
    int m_instrumentsRevision = 0;
    bool m_showcase = true;
};

} // namespace adapters::demo
