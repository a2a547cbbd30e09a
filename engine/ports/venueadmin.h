#pragma once

#include "engine/core/decimal.h"
#include "engine/core/result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class QObject;

namespace engine {

//! One symbol a venue lists, with the rules an order must meet (the watchlist shows them).
struct VenueSymbol {
    QString symbol;
    QString baseAsset;
    QString quoteAsset;
    QString status; // TRADING, HALT, BREAK, …
    Decimal tickSize;
    Decimal stepSize;
    Decimal minQty;
    Decimal minNotional;
    QStringList orderTypes;
};

//! What "Test connection" found out about the account's API key, for plain-words display.
struct ConnectionCheck {
    qint64 latencyMs = -1;
    qint64 clockOffsetMs = 0;
    bool canTrade = false;
    bool canWithdraw = false;     // a trading bot's key should not
    int ipRestricted = -1;        // 1 yes, 0 no (any IP may use it), -1 unknown (the venue did not say)
    QStringList permissions;      // "SPOT", …
};

//! Venue set-up that works whatever session runs (the trader configures Binance while on the demo
//! market): its symbols, and a check of the stored API key. `settings` are the venue settings
//! ("binance.rest_url", …). Answers arrive on `context`'s thread; errors never contain a secret.
class VenueAdmin {
public:
    virtual ~VenueAdmin() = default;
    virtual void listSymbols(const QHash<QString, QString> &settings, QObject *context,
                             std::function<void(const Result<QList<VenueSymbol>> &)> done) = 0;
    virtual void testConnection(const QHash<QString, QString> &settings, QObject *context,
                                std::function<void(const Result<ConnectionCheck> &)> done) = 0;
};

} // namespace engine
