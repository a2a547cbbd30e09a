#pragma once

#include "engine/core/decimal.h"

#include <QList>
#include <QString>

namespace engine {

//! Trading rules of one symbol (Binance exchangeInfo filters, demo market rules).
struct Instrument {
    QString symbol;     // "PEPEUSDT"
    QString baseAsset;  // "PEPE"
    QString quoteAsset; // "USDT"
    Decimal tickSize;   // price increment
    Decimal stepSize;   // quantity increment
    Decimal minNotional;
};

//! One public trade.
struct TradeTick {
    QString symbol;
    Decimal price;
    Decimal qty;
    bool buyerIsMaker = false;
    qint64 tsMs = 0;
};

struct BookLevel {
    Decimal price;
    Decimal qty;
};

//! Top levels of the order book (best first on both sides).
struct BookUpdate {
    QString symbol;
    QList<BookLevel> bids;
    QList<BookLevel> asks;
    qint64 tsMs = 0;

    [[nodiscard]] bool isValid() const { return !bids.isEmpty() && !asks.isEmpty() && bids.first().price < asks.first().price; }
    [[nodiscard]] Decimal bestBid() const { return bids.isEmpty() ? Decimal() : bids.first().price; }
    [[nodiscard]] Decimal bestAsk() const { return asks.isEmpty() ? Decimal() : asks.first().price; }
    [[nodiscard]] Decimal mid() const { return (bestBid() + bestAsk()) / Decimal::fromInt(2); }
};

//! A symbol's rolling 24 hours (Binance's mini ticker): the watchlist and the order ticket show it.
struct Ticker24h {
    QString symbol;
    Decimal open;        // the price 24 h ago
    Decimal last;
    Decimal high;
    Decimal low;
    Decimal quoteVolume; // traded value in the quote asset
    qint64 tsMs = 0;
};

//! OHLCV bar; `closed` is false while the bar is still forming.
struct Candle {
    QString symbol;
    qint64 openTimeMs = 0;
    int intervalSec = 60;
    Decimal open, high, low, close, volume;
    bool closed = true;
};

} // namespace engine
