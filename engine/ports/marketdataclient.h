#pragma once

#include "engine/ports/adaptererror.h"
#include "engine/core/marketdata.h"
#include "engine/core/venuehealth.h"

#include <QList>
#include <QString>

namespace engine {

//! Receives market data. Implementations must be thread-safe: adapters call it
//! from their own I/O thread.
class MarketDataSink {
public:
    virtual ~MarketDataSink() = default;
    virtual void onInstruments(const QList<Instrument> &instruments) = 0;
    //! Backfilled closed candles (oldest first), sent once after start.
    virtual void onCandleHistory(const QList<Candle> &candles) = 0;
    virtual void onTrade(const TradeTick &trade) = 0;
    virtual void onBook(const BookUpdate &book) = 0;
    virtual void onCandle(const Candle &candle) = 0;
    virtual void onMarketConnection(bool connected, const QString &detail) = 0;
    virtual void onMarketError(const AdapterError &error) = 0;
    //! A symbol's rolling 24 hours, about once a second per symbol (real venues).
    virtual void onTicker(const Ticker24h &) {}
    //! The venue's connection health (real venues publish it every few seconds).
    virtual void onVenueHealth(const VenueHealth &) {}
};

//! A source of market data (Binance streams, the demo market, a backtest replay).
class MarketDataClient {
public:
    virtual ~MarketDataClient() = default;
    [[nodiscard]] virtual QString venue() const = 0;
    //! Where events go; set before start(). Several sinks may be attached.
    virtual void addMarketSink(MarketDataSink *sink) = 0;
    //! Starts streaming (asynchronous; safe to call from any thread).
    virtual void startMarketData() = 0;
    virtual void stopMarketData() = 0;
};

} // namespace engine
