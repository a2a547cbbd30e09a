#include "app/venueregistry.h"

#include "engine/api/botapi.h"

namespace app {

const QList<VenueRegistration> &registeredVenues()
{
    static const QList<VenueRegistration> venues{
        demoVenue(),
        // Binance Spot registers here when its adapter lands (adapters/binance).
    };
    return venues;
}

QList<engine::VenueInfo> venueInfos()
{
    QList<engine::VenueInfo> infos;
    for (const VenueRegistration &v : registeredVenues())
        infos << v.info;
    return infos;
}

const VenueRegistration *findVenue(const QString &id)
{
    for (const VenueRegistration &v : registeredVenues()) {
        if (v.info.id == id)
            return &v;
    }
    return nullptr;
}

QStringList knownSecretNames()
{
    // The Binance keys are named even before its adapter lands: the Trading Config view stores them.
    QStringList names{QString::fromLatin1(engine::secrets::kBinanceApiKey),
                      QString::fromLatin1(engine::secrets::kBinanceApiSecret)};
    for (const VenueRegistration &v : registeredVenues()) {
        for (const QString &s : v.info.secrets) {
            if (!names.contains(s))
                names << s;
        }
    }
    return names;
}

} // namespace app
