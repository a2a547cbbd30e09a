#pragma once

#include "adapters/demo/evaluation/accountrecord.h"

#include "engine/api/botconfig.h"

#include <QList>

#include <atomic>
#include <functional>
#include <vector>

namespace adapters::demo::evaluation {

//! What `memedesk evaluate` runs: the engine's strategy on the demo market, seed by seed, in
//! simulated time, next to two baselines on the same seeds, books, fees, latency and exits.
struct EvaluationSettings {
    QList<quint64> seeds;
    int hours = 24;
    QString strategy = QStringLiteral("momentum_social");
    engine::BotConfig config;   // the strategy's parameters, risk limits and exits, starting cash
    qint64 latencyMs = 250;     // simulated time from sending an order to the venue working it
    int randomDraws = 20;       // random-entry accounts per seed
    int warmUpMinutes = 60;     // history the engine starts with, as in a live session
    qint64 startMs = 1'767'225'600'000; // 2026-01-01 00:00 UTC: the market's clock, so results repeat

    // What a request may ask for (the command line and the Evaluation tab check the same bounds).
    static constexpr int kMaxHours = 720;
    static constexpr int kMaxDraws = 200;
    static constexpr qint64 kMaxLatencyMs = 60'000;
};

//! One seed's results.
struct SeedResult {
    quint64 seed = 0;
    AccountMetrics strategy;
    AccountMetrics buyAndHold;
    std::vector<AccountMetrics> random; // one per draw
    qint64 simulatedSeconds = 0;
    bool cancelled = false;
};

//! Runs one seed: the strategy through the real TradingEngine (risk gate, order manager,
//! write-ahead journal protocol, simulated venue) in lock step with the market, then the baselines.
//! Deterministic: the same seed and settings give the same result, at any machine speed.
//! `progress` gets 0..1; `cancel` is checked once a simulated minute.
[[nodiscard]] SeedResult runSeed(quint64 seed, const EvaluationSettings &settings, const std::atomic<bool> *cancel = nullptr,
                                 const std::function<void(double)> &progress = {});

//! The strategy names `evaluate` accepts.
[[nodiscard]] QStringList evaluationStrategies();

} // namespace adapters::demo::evaluation
