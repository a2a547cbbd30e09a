#pragma once

#include "adapters/net/requestbudget.h"

#include <QByteArray>

#include <deque>
#include <optional>
#include <vector>

namespace adapters::net {

//! The outgoing side of a WebSocket: a FIFO of messages released no faster than the server
//! accepts them (Binance disconnects, then bans, above 5 messages per second; its pings and
//! pongs count too). Messages wait, they are never dropped; a full queue refuses new ones.
//! Pure: time is passed in.
class MessagePacer {
public:
    struct Item {
        //! Subscription is text the session re-creates at every connect, so a leftover one
        //! from a lost connection is dropped rather than sent twice.
        enum class Kind { Text, Binary, Ping, Subscription };
        Kind kind = Kind::Text;
        QByteArray data; // UTF-8 for Text and Subscription, the payload for Ping
    };

    //! At most `maxMessages` per `windowMs` (no limit when either is <= 0), at most `maxQueued` waiting.
    MessagePacer(int maxMessages, qint64 windowMs, int maxQueued);

    //! Queues at the back; false when the queue is full.
    [[nodiscard]] bool push(Item item);
    //! Queues ahead of everything else, in the given order (keep-alive pings, resubscriptions).
    void pushFront(std::vector<Item> items);
    //! The next message if the rate allows it now (and counts it as sent).
    [[nodiscard]] std::optional<Item> takeReady(qint64 nowMs);
    //! Milliseconds until the next message may go; -1 when nothing is queued.
    [[nodiscard]] qint64 delayMs(qint64 nowMs);
    [[nodiscard]] int size() const { return static_cast<int>(m_queue.size()); }
    //! Drops every queued message of `kind` (pings and subscriptions of a connection that is gone).
    void removeAll(Item::Kind kind);

private:
    RequestBudget m_budget;
    std::deque<Item> m_queue;
    int m_maxQueued;
};

} // namespace adapters::net
