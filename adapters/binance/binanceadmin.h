#pragma once

#include "engine/ports/secretstore.h"
#include "engine/ports/venueadmin.h"

namespace adapters::binance {

//! Binance set-up for the Trading Config view, independent of the running session: the listed
//! symbols (USDT meme pairs first, then other USDT pairs, then the rest) and a check of the API key
//! in the keychain — reachable, clock offset, may it trade, may it withdraw (it should not), is it
//! restricted to known IP addresses. Each call talks to the venue over a short-lived REST client on
//! the caller's thread.
class BinanceAdmin final : public engine::VenueAdmin {
public:
    explicit BinanceAdmin(engine::SecretStore &secrets);

    void listSymbols(const QHash<QString, QString> &settings, QObject *context,
                     std::function<void(const engine::Result<QList<engine::VenueSymbol>> &)> done) override;
    void testConnection(const QHash<QString, QString> &settings, QObject *context,
                        std::function<void(const engine::Result<engine::ConnectionCheck> &)> done) override;

    //! The order the watchlist offers symbols in (exposed for tests).
    [[nodiscard]] static QList<engine::VenueSymbol> ordered(QList<engine::VenueSymbol> symbols);

private:
    engine::SecretStore &m_secrets;
};

} // namespace adapters::binance
