#pragma once

#include "adapters/net/backoff.h"
#include "adapters/net/httptypes.h"

namespace adapters::net {

//! Settings of a WebSocketSession; the defaults suit Binance market streams (which ping every
//! 20 s, accept 5 incoming messages per second and cut every connection at 24 h).
struct WebSocketOptions {
    //! Our own pings, to notice a silently dead connection; 0 = no pings.
    int pingIntervalMs = 20'000;
    //! A ping unanswered this long means the connection is dead.
    int pongTimeoutMs = 10'000;
    //! Give up on a connection attempt (TCP, TLS, handshake) after this long.
    int connectTimeoutMs = 10'000;
    //! Delay between reconnection attempts.
    BackoffPolicy reconnectBackoff{500, 2.0, 30'000, true};
    //! Random source of the backoff jitter, in [0, 1); empty = Qt's global generator.
    std::function<double()> random;
    //! A connection that lived this long resets the backoff to its first step.
    int stableAfterMs = 10'000;
    //! Outgoing limit: at most this many messages (pings included) per window.
    int maxMessagesPerWindow = 5;
    qint64 rateWindowMs = 1000;
    //! Messages waiting to be sent beyond this are refused (sendText returns false).
    int maxQueuedMessages = 10'000;
    //! Reconnect proactively after this long (before a server's own cut); 0 = never.
    qint64 maxLifetimeMs = 0;
    //! Larger incoming messages close the connection (outside input is bounded).
    qint64 maxIncomingMessageBytes = 16 * 1024 * 1024;
    //! Extra headers of the opening handshake.
    HeaderList handshakeHeaders;
};

} // namespace adapters::net
