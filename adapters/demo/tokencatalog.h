#pragma once

#include "adapters/demo/rng.h"
#include "adapters/demo/tokenprofile.h"

#include "engine/core/marketdata.h"

#include <QList>
#include <QSet>
#include <QString>

namespace adapters::demo {

//! Names, price levels, pools and exchange rules of the simulated tokens: twelve
//! established ones and an endless supply of new launches.
class TokenCatalog {
public:
    explicit TokenCatalog(quint64 seed);

    //! The tokens that exist when the session starts; price levels jittered by seed.
    [[nodiscard]] QList<TokenProfile> initialTokens();
    //! A newly launched token with a fresh name, a small pool and a tiny price.
    [[nodiscard]] TokenProfile nextLaunch();

    //! The CEX pair "<SYM>USDT" with its tick, step and minimum notional.
    [[nodiscard]] static engine::Instrument instrumentFor(const TokenProfile &profile);
    //! 10^exponent as an exact Decimal (exponent in -18..18).
    [[nodiscard]] static engine::Decimal powerOfTen(int exponent);

private:
    TokenProfile makeProfile(const QString &symbol, double price, double liquidityUsd, bool newLaunch);
    QString hexAddress();

    quint64 m_seed;
    Rng m_rng;
    QSet<QString> m_used;
};

} // namespace adapters::demo
