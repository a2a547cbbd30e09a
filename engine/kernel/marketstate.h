#pragma once

#include "engine/core/chainevent.h"
#include "engine/core/marketdata.h"
#include "engine/core/socialpost.h"
#include "engine/signals/chaintracker.h"
#include "engine/signals/socialtracker.h"
#include "engine/signals/symbolfeatures.h"
#include "engine/strategy/strategyparams.h"

#include <QHash>
#include <QList>
#include <QString>

#include <memory>

namespace engine {

//! What the engine knows about the market: instruments, the latest book per symbol, recent closed
//! candles with their streaming features, and the social and on-chain trackers. Every input is
//! validated here; what does not pass is counted and left out. No trading decisions, no I/O, so
//! the live engine and a backtest fill it the same way.
class MarketState {
public:
    static constexpr int kCandlesKept = 360;

    explicit MarketState(const StrategyParams &params);

    //! New feature periods or social windows; features are rebuilt from the kept candles.
    void configure(const StrategyParams &params);

    //! Adds valid instruments; returns how many were refused.
    int addInstruments(const QList<Instrument> &instruments);
    //! A closed, well-formed candle that is newer than the last one of its symbol: kept and fed to
    //! the features (true). Replays and bad candles change nothing (false; bad ones counted).
    bool addCandle(const Candle &candle);
    //! A valid book replaces the last one of its symbol (true).
    bool addBook(const BookUpdate &book);
    //! A trade with a symbol, price and quantity (true); trades only move the clock.
    bool acceptTrade(const TradeTick &trade);
    bool addPost(const SocialPost &post);
    bool addChainEvent(const ChainEvent &event);

    [[nodiscard]] static bool isValid(const Candle &candle);

    [[nodiscard]] const QHash<QString, Instrument> &instruments() const { return m_instruments; }
    [[nodiscard]] const Instrument *instrument(const QString &symbol) const;
    [[nodiscard]] BookUpdate book(const QString &symbol) const { return m_books.value(symbol); }
    [[nodiscard]] const QHash<QString, QList<Candle>> &candles() const { return m_candles; }
    [[nodiscard]] SymbolFeatures &features(const QString &symbol);
    [[nodiscard]] SocialStats socialStats(const QString &token, qint64 nowMs) { return m_social.stats(token, nowMs); }
    [[nodiscard]] ChainStats chainStats(const QString &token, qint64 nowMs) { return m_chain.stats(token, nowMs); }
    //! The base asset of a pair ("PEPEUSDT" → "PEPE"), from the instrument when it is known.
    [[nodiscard]] QString baseAsset(const QString &symbol) const;
    //! The traded pair of a chain token in `quote` ("PEPE" → "PEPEUSDT"); empty when not listed.
    [[nodiscard]] QString symbolOfToken(const QString &token, const QString &quote) const;
    //! Inputs refused since start (bad values from a feed).
    [[nodiscard]] quint64 droppedInputs() const { return m_dropped; }

private:
    void rebuildFeatures();

    StrategyParams m_params;
    QHash<QString, Instrument> m_instruments;
    QHash<QString, BookUpdate> m_books;
    QHash<QString, QList<Candle>> m_candles;
    QHash<QString, std::shared_ptr<SymbolFeatures>> m_features;
    SocialTracker m_social;
    ChainTracker m_chain;
    quint64 m_dropped = 0;
};

} // namespace engine
