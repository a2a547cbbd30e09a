#pragma once

#include "adapters/demo/demoevent.h"
#include "adapters/demo/regime.h"
#include "adapters/demo/rng.h"
#include "adapters/demo/socialmood.h"
#include "adapters/demo/tokenprofile.h"
#include "adapters/demo/tokentruth.h"

#include "engine/core/marketdata.h"

#include <QList>

#include <array>
#include <vector>

namespace adapters::demo {

//! One simulated token: its price path through the planned regimes, its CEX book,
//! trades and candles, its DEX pool and on-chain events, and the mood of the
//! chatter about it. Advanced one simulated second at a time by MarketSimulator.
class TokenSim {
public:
    //! listMs: when it becomes a CEX instrument (<= createdMs for tokens that are
    //! listed from the start). A new launch announces its pool on its first step.
    TokenSim(TokenProfile profile, quint64 seed, qint64 createdMs, qint64 listMs);

    //! Simulates the second [tMs, tMs + 1000). Returns true when the token was
    //! listed on the CEX during it.
    bool step(qint64 tMs, EmitMode mode, std::vector<DemoEvent> &out);

    //! How the token is talked about during the second starting at tMs.
    [[nodiscard]] SocialMood socialMood(qint64 tMs) const;
    //! Ground truth at `nowMs` (the start of the next step).
    [[nodiscard]] TokenTruth truth(qint64 nowMs) const;
    //! Every episode planned so far, oldest first; the last one may lie ahead.
    [[nodiscard]] const QList<RegimeEpisode> &episodes() const { return m_episodes; }
    //! True while no episode is running at nowMs and the token is healthy and
    //! listed, so a planted episode cannot collide with anything.
    [[nodiscard]] bool canHostShowcase(qint64 nowMs) const;
    //! Replaces the upcoming (not yet started) episode.
    void plantEpisode(const RegimeEpisode &episode);

    [[nodiscard]] const TokenProfile &profile() const { return m_profile; }
    [[nodiscard]] const QString &symbol() const { return m_profile.symbol; }
    [[nodiscard]] bool isListed() const { return m_listed; }
    //! When its liquidity was pulled; -1 while it is healthy.
    [[nodiscard]] qint64 ruggedAtMs() const { return m_ruggedAtMs; }
    //! When a fresh launch had faded to nothing (outside any episode); -1 while it lives.
    [[nodiscard]] qint64 deadSinceMs() const { return m_deadSinceMs; }
    [[nodiscard]] engine::Instrument instrument() const;
    [[nodiscard]] double liquidityUsd() const;

private:
    struct PhaseParams {
        double activity; // trade-rate multiple
        double buyProb;  // share of taker buys
        double spread;   // spread multiple
        double depth;    // book depth multiple
        double swaps;    // large DEX swap rate multiple
        double whales;   // whale transfer rate multiple
    };
    static constexpr int kLevels = 5;

    [[nodiscard]] PhaseParams phaseParams(Phase phase, qint64 tMs) const;
    //! The episode's planned drift (log price per second) and volatility multiple at tMs.
    struct PathStep {
        double drift;
        double vol;
    };
    [[nodiscard]] PathStep plannedStep(qint64 tMs) const;
    //! The token's own volatility per second at tMs, before the episode's multiple.
    [[nodiscard]] double volatilityPerSec(qint64 tMs) const;
    void movePrice(qint64 tMs);
    void advanceEpisode(qint64 tMs);
    void chainActivity(qint64 tMs, Phase phase, const PhaseParams &pp, bool keep, std::vector<DemoEvent> &out);
    void marketActivity(qint64 tMs, const PhaseParams &pp, EmitMode mode, std::vector<DemoEvent> &out);
    void closeCandle(qint64 closeMs, bool keep, std::vector<DemoEvent> &out);
    void pushChain(engine::ChainEvent::Kind kind, qint64 tsMs, double quoteUsd, bool keep, std::vector<DemoEvent> &out);
    [[nodiscard]] engine::Decimal priceAt(qint64 ticks) const;
    [[nodiscard]] engine::Decimal qtyAt(qint64 steps) const;

    TokenProfile m_profile;
    QString m_pair;
    quint64 m_seed;
    Rng m_rng;
    qint64 m_createdMs;
    qint64 m_listMs;
    bool m_started = false;
    bool m_listed = false;
    bool m_rugged = false;
    bool m_rugPulled = false; // for the running episode
    qint64 m_ruggedAtMs = -1;
    qint64 m_deadSinceMs = -1;
    double m_tick;            // tick and step as doubles, for the price model only
    double m_step;
    double m_logPrice;
    double m_price;
    double m_logFloor;
    double m_volState = 0;    // log volatility multiple (mean-reverting)
    double m_trendPerSec = 0; // a slow trend that can last days
    double m_liquidityK; // pool value = K * sqrt(price), like a constant-product pool
    RegimeEpisode m_episode; // running or upcoming
    qint64 m_lastEndMs;
    QList<RegimeEpisode> m_episodes;
    quint64 m_txCounter = 0;

    // The forming 1-minute candle, in ticks and steps.
    qint64 m_candleOpenMs = -1;
    bool m_candleTraded = false;
    qint64 m_open = 0, m_high = 0, m_low = 0, m_close = 0, m_volume = 0;
    qint64 m_lastTradeTicks = 0;
};

} // namespace adapters::demo
