#pragma once

#include "engine/core/decimal.h"

#include <QHash>
#include <QString>

#include <utility>

namespace engine {

//! Balances of a simulated account: a total per asset and the part of it held back
//! for working orders. Free = total - locked is what the venue reports and what
//! new orders may spend. Not thread-safe; SimulatedVenue's owner guards it.
class SimLedger {
public:
    //! Replaces the totals (start-up, restart from the journal). Locks are kept.
    void restore(const QHash<QString, Decimal> &totals);

    [[nodiscard]] Decimal total(const QString &asset) const { return m_total.value(asset); }
    [[nodiscard]] Decimal locked(const QString &asset) const { return m_locked.value(asset); }
    [[nodiscard]] Decimal free(const QString &asset) const { return total(asset) - locked(asset); }
    //! Free balance of every asset the account has ever held.
    [[nodiscard]] QHash<QString, Decimal> freeBalances() const;

    void lock(const QString &asset, Decimal amount);
    void unlock(const QString &asset, Decimal amount);
    //! Moves funds for one fill: the account pays `paid` of `paidAsset` and gets `received` of `receivedAsset`.
    void settle(const QString &paidAsset, Decimal paid, const QString &receivedAsset, Decimal received);
    //! True once after any change of the free balances (so they are reported once per change).
    [[nodiscard]] bool takeChanged() { return std::exchange(m_changed, false); }

private:
    QHash<QString, Decimal> m_total;
    QHash<QString, Decimal> m_locked;
    bool m_changed = false;
};

} // namespace engine
