#include "adapters/binance/orderstatus.h"

#include <QHash>

namespace adapters::binance {

bool parseOrderStatus(const QString &name, engine::OrderStatus *out)
{
    using S = engine::OrderStatus;
    static const QHash<QString, S> map{{QStringLiteral("NEW"), S::Accepted},
                                       {QStringLiteral("PENDING_NEW"), S::Accepted},
                                       {QStringLiteral("PARTIALLY_FILLED"), S::PartiallyFilled},
                                       {QStringLiteral("FILLED"), S::Filled},
                                       {QStringLiteral("CANCELED"), S::Cancelled},
                                       {QStringLiteral("PENDING_CANCEL"), S::Accepted},
                                       {QStringLiteral("REJECTED"), S::Rejected},
                                       {QStringLiteral("EXPIRED"), S::Expired},
                                       {QStringLiteral("EXPIRED_IN_MATCH"), S::Expired}};
    const auto it = map.constFind(name);
    if (it == map.constEnd())
        return false;
    *out = *it;
    return true;
}

} // namespace adapters::binance
