#include "app/venueregistry.h"

#include "engine/api/botapi.h"

namespace app {

const QList<VenueRegistration> &registeredVenues()
{
    static const QList<VenueRegistration> venues{
        demoVenue(),
        binanceVenue(),
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
    QStringList names;
    for (const VenueRegistration &v : registeredVenues()) {
        for (const QString &s : v.info.secrets) {
            if (!names.contains(s))
                names << s;
        }
    }
    return names;
}

} // namespace app
