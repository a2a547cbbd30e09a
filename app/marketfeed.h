#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace engine {
class EngineInbox;
class ExecutionClient;
class MarketDataSink;
} // namespace engine

namespace app {

//! How a session's feed starts: the demo market's seed, speed and where to resume; a live venue
//! reads its URLs and symbols from its own settings.
struct FeedOptions {
    quint64 seed = 42;
    double speed = 10.0;
    qint64 epochMs = 0;    // the simulated calendar's start (demo)
    int warmUpMinutes = 60;
    qint64 resumeAtMs = 0; // 0 = a fresh start
    //! A real venue's settings ("binance.rest_url", "symbols", …): saved ones overridden by the command line.
    QHash<QString, QString> settings;
    //! The venue's keys, read from the keychain for a live session only (never logged or saved).
    QHash<QString, QByteArray> secrets;
};

//! A running source of market, social and chain data for one session (the demo market now, a
//! venue's streams later). The composition root connects it to the engine's inbox and to the paper
//! venue that fills against the same books, starts it, and destroys it to stop it.
class MarketFeed {
public:
    virtual ~MarketFeed() = default;
    //! Every event goes to `inbox`; market data also to `paper` (may be null in live mode).
    virtual void connectTo(engine::EngineInbox &inbox, engine::MarketDataSink *paper) = 0;
    virtual void start() = 0;
    //! "demo market seed 42 at 10x", for the log.
    [[nodiscard]] virtual QString describe() const = 0;
    //! The venue's own order execution for a live session (owned by the feed); nullptr when the
    //! venue only offers market data, or has no keys.
    [[nodiscard]] virtual engine::ExecutionClient *liveExecution() { return nullptr; }
    //! Takes changed venue settings while running, as far as it can (the watched symbols); true
    //! when everything in them is in force, false when the rest needs a new session.
    virtual bool applySettings(const QHash<QString, QString> &) { return false; }
    //! Why the feed cannot run (bad settings or keys); empty when it can.
    [[nodiscard]] virtual QString problem() const { return {}; }
};

} // namespace app
