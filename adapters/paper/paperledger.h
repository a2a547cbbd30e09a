#pragma once

#include "core/decimal.h"

#include <QHash>
#include <QString>

#include <utility>

namespace adapters::paper {

//! Balances of the paper account: a total per asset and the part of it held back
//! for working orders. Free = total - locked is what the venue reports and what
//! new orders may spend. Not thread-safe; PaperExecutionClient guards it.
class PaperLedger {
public:
    //! Replaces the totals (start-up, restart from the journal). Locks are kept.
    void restore(const QHash<QString, engine::Decimal> &totals);

    [[nodiscard]] engine::Decimal total(const QString &asset) const { return m_total.value(asset); }
    [[nodiscard]] engine::Decimal locked(const QString &asset) const { return m_locked.value(asset); }
    [[nodiscard]] engine::Decimal free(const QString &asset) const { return total(asset) - locked(asset); }
    //! Free balance of every asset the account has ever held.
    [[nodiscard]] QHash<QString, engine::Decimal> freeBalances() const;

    void lock(const QString &asset, engine::Decimal amount);
    void unlock(const QString &asset, engine::Decimal amount);
    //! Moves funds for one fill: the account pays `paid` of `paidAsset` and gets `received` of `receivedAsset`.
    void settle(const QString &paidAsset, engine::Decimal paid, const QString &receivedAsset, engine::Decimal received);
    //! True once after any change of the free balances (so they are reported once per change).
    [[nodiscard]] bool takeChanged() { return std::exchange(m_changed, false); }

private:
    QHash<QString, engine::Decimal> m_total;
    QHash<QString, engine::Decimal> m_locked;
    bool m_changed = false;
};

} // namespace adapters::paper
