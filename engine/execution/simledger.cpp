#include "engine/execution/simledger.h"

namespace engine {

void SimLedger::restore(const QHash<QString, Decimal> &totals)
{
    m_total = totals;
    m_changed = true;
    // Assets with a lock stay listed even when the journal did not mention them.
    for (auto it = m_locked.cbegin(); it != m_locked.cend(); ++it) {
        if (!m_total.contains(it.key()))
            m_total.insert(it.key(), Decimal());
    }
}

QHash<QString, Decimal> SimLedger::freeBalances() const
{
    QHash<QString, Decimal> out;
    for (auto it = m_total.cbegin(); it != m_total.cend(); ++it)
        out.insert(it.key(), it.value() - m_locked.value(it.key()));
    return out;
}

void SimLedger::lock(const QString &asset, Decimal amount)
{
    if (amount.isZero())
        return;
    m_locked[asset] += amount;
    m_changed = true;
    if (!m_total.contains(asset))
        m_total.insert(asset, Decimal());
}

void SimLedger::unlock(const QString &asset, Decimal amount)
{
    if (amount.isZero())
        return;
    Decimal &l = m_locked[asset];
    l -= amount;
    m_changed = true;
    // Locks are released exactly as they were taken; clamp only guards against a bookkeeping slip.
    if (l.isNegative())
        l = Decimal();
}

void SimLedger::settle(const QString &paidAsset, Decimal paid, const QString &receivedAsset, Decimal received)
{
    m_total[paidAsset] -= paid;
    m_changed = true;
    m_total[receivedAsset] += received;
}

} // namespace engine
