#pragma once

#include "engine/core/fill.h"
#include "engine/core/marketdata.h"
#include "engine/core/result.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

namespace adapters::binance {

//! One element of `GET /api/v3/myTrades`, with the order it belongs to.
struct AccountTrade {
    qint64 orderId = 0;
    engine::Fill fill; // fillId "<SYMBOL>-<id>" as in executionReport; clientId left to the caller
};

//! Parses a `GET /api/v3/klines` body (arrays of 12 items, protocols.md §1.3) into closed candles of
//! `intervalSec`, oldest first. A bar whose close time is still in the future (`nowMs`) is left out:
//! it is still forming. Strict: a row that is not a 12-item array with decimal strings fails the
//! whole answer (MALFORMED_RESPONSE naming the row), so a gap is never papered over with zeros.
[[nodiscard]] engine::Result<QList<engine::Candle>> parseKlines(QByteArrayView json, const QString &symbol,
                                                              int intervalSec, qint64 nowMs);

//! A `GET /api/v3/depth` snapshot.
struct DepthSnapshot {
    qint64 lastUpdateId = 0;
    QList<engine::BookLevel> bids; // best first
    QList<engine::BookLevel> asks;
};
[[nodiscard]] engine::Result<DepthSnapshot> parseDepth(QByteArrayView json);

//! Parses a `GET /api/v3/myTrades` body. Fees are reported in their own asset (commissionAsset).
[[nodiscard]] engine::Result<QList<AccountTrade>> parseMyTrades(QByteArrayView json);

} // namespace adapters::binance
