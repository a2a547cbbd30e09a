#pragma once

#include "adapters/net/httpfailure.h"

#include <QNetworkReply>

namespace adapters::net {

//! What the client observed about an attempt besides Qt's own error.
struct AttemptFlags {
    bool requestSent = false; //!< QNetworkReply::requestSent was seen
    bool timedOut = false;    //!< our deadline aborted it
    bool tooLarge = false;    //!< the size limit aborted it
};

//! Everything one finished attempt produced.
struct AttemptResult {
    AttemptOutcome outcome;
    HeaderList headers;
    QByteArray body;
};

//! Reduces Qt's network error to what matters for retrying; HTTP-status errors map to None
//! because the status itself is classified.
[[nodiscard]] TransportError transportErrorOf(QNetworkReply::NetworkError error, const AttemptFlags &flags);
//! Reads status, headers and body of a finished reply; a body over `maxBodyBytes` is dropped
//! and reported as TooLarge.
[[nodiscard]] AttemptResult readFinishedReply(QNetworkReply *reply, AttemptFlags flags, qint64 maxBodyBytes);

} // namespace adapters::net
