#pragma once

#include <QJsonObject>

//! The remote API under load: `wrk` on keep-alive connections asks for an authenticated
//! GET /api/v1/trading/status for `seconds`, while the demo market trades; requests per second,
//! latency percentiles, and the engine's event rate with and without the load.
QJsonObject benchRest(int seconds);
