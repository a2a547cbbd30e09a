#include "engine/api/venues.h"

namespace engine {

ModeAvailability modeFor(TradingMode mode, const QList<VenueInfo> &venues, const QSet<QString> &presentSecrets)
{
    ModeAvailability a;
    a.mode = mode;
    if (mode == TradingMode::Demo) {
        for (const VenueInfo &v : venues) {
            if (v.simulated && v.marketData) {
                a.available = true;
                a.venue = v.id;
                return a;
            }
        }
        a.reason = QStringLiteral("no simulated market in this build");
        return a;
    }
    QStringList missingFor;
    for (const VenueInfo &v : venues) {
        if (v.simulated || !v.marketData)
            continue;
        if (mode == TradingMode::DryRun) {
            a.available = true;
            a.venue = v.id;
            return a;
        }
        if (!v.execution)
            continue;
        QStringList missing;
        for (const QString &s : v.secrets) {
            if (!presentSecrets.contains(s))
                missing << s;
        }
        if (missing.isEmpty()) {
            a.available = true;
            a.venue = v.id;
            return a;
        }
        a.venue = v.id;
        missingFor << QStringLiteral("%1 needs %2 in the keychain (memedesk secrets set NAME)")
                          .arg(v.displayName, missing.join(QStringLiteral(", ")));
    }
    a.reason = missingFor.isEmpty() ? QStringLiteral("no venue for %1 in this build").arg(toString(mode))
                                    : missingFor.join(QStringLiteral("; "));
    return a;
}

QList<ModeAvailability> modesFor(const QList<VenueInfo> &venues, const QSet<QString> &presentSecrets)
{
    return {modeFor(TradingMode::Demo, venues, presentSecrets), modeFor(TradingMode::DryRun, venues, presentSecrets),
            modeFor(TradingMode::Live, venues, presentSecrets)};
}

} // namespace engine
