#pragma once

#include "engine/core/result.h"

#include <QByteArrayView>
#include <QString>

namespace adapters::binance {

//! What the adapter should do about a Binance answer, from its HTTP status and
//! `{"code": -1121, "msg": "Invalid symbol."}` body (protocols.md §1.8).
struct BinanceError {
    enum class Action {
        None,          // success
        Retry,         // try again after retryAfterMs (rate limits, a busy server)
        ResyncClock,   // -1021: re-read the server time, then retry
        QueryOutcome,  // -1007, 5xx or a timeout on a non-idempotent request: ask, never re-send
        NotFound,      // -2013 / "Unknown order sent.": the venue has no such order
        Reject,        // the request was refused for good (filters, balance, credentials, bad input)
    };
    Action action = Action::None;
    int httpStatus = 0;
    int code = 0;          // Binance's error code (0 when the body has none)
    QString message;       // Binance's msg (or a description); never contains a key or a signature
    qint64 retryAfterMs = 0;

    //! A stable code for the engine and the UI: "BINANCE_-2010", "HTTP_503", …
    [[nodiscard]] QString errorCode() const;
    [[nodiscard]] engine::Error toError() const { return {errorCode(), message}; }
};

//! Classifies an answer. `retryAfterHeader` is the `Retry-After` header (seconds), if any.
[[nodiscard]] BinanceError classify(int httpStatus, QByteArrayView body, bool idempotent,
                                    QByteArrayView retryAfterHeader = {});

} // namespace adapters::binance
