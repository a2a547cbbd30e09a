#pragma once

#include "adapters/binance/binancesigner.h"

#include "engine/core/result.h"

#include <QList>
#include <QString>

#include <utility>

namespace adapters::binance {

using Params = QList<std::pair<QString, QString>>;

//! The query string of a signed REST request (protocols.md §1.5): the parameters in the order
//! given, percent-encoded, then `recvWindow` and `timestamp`, and last the signature over exactly
//! that text. `timestampMs` is the server-aligned clock (local time + synced offset).
[[nodiscard]] engine::Result<QString> signedQuery(const BinanceSigner &signer, Params params, qint64 timestampMs,
                                                  int recvWindowMs = 5000);

//! The `params` object of a signed WebSocket API request (§2.3): every parameter including
//! `apiKey` and `timestamp`, sorted by name, joined as `k=v` without percent-encoding, signed as
//! UTF-8 bytes; returns the params with `signature` added.
[[nodiscard]] engine::Result<Params> signedWsParams(const BinanceSigner &signer, Params params);

//! A WebSocket API request's params ready to send: `params` with `apiKey`, `recvWindow` and
//! `timestamp` (the server-aligned clock) added, then signed as signedWsParams does.
[[nodiscard]] engine::Result<Params> signedWsRequest(const BinanceSigner &signer, Params params, const QByteArray &apiKey,
                                                     qint64 timestampMs, int recvWindowMs = 5000);

} // namespace adapters::binance
