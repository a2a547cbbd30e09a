#pragma once

#include "engine/execution/portfolio.h"
#include "engine/ports/tradestore.h"

#include <QStringList>

namespace engine {

//! Checks that a journal's money adds up as a whole: cash and every position are re-derived
//! from the journaled fills (in the order they were applied) and compared, to the last digit,
//! with the balances and positions the journal stored. A mismatch is reported, never repaired.
class JournalAudit {
public:
    JournalAudit(QString quoteAsset, Decimal startingEquity);

    //! Feeds the next journaled fill. False when it cannot be applied (the problem is recorded).
    bool addFill(const Fill &fill);
    //! Every disagreement between the replay and what the journal stored; empty = consistent.
    [[nodiscard]] QStringList compare(const JournalSnapshot &journal) const;

    [[nodiscard]] qint64 fillCount() const { return m_fills; }
    [[nodiscard]] const Portfolio &replayed() const { return m_portfolio; }

    //! Runs the whole audit over a store: starting equity from the journal's settings, every fill
    //! through replayFills(). JOURNAL_INCONSISTENT lists every disagreement in details;
    //! JOURNAL_UNREADABLE / JOURNAL_VALUE_UNREADABLE when something cannot be read.
    static Result<void> run(TradeStore &store, const JournalSnapshot &journal, const QString &quoteAsset);

private:
    Portfolio m_portfolio;
    QStringList m_problems;
    qint64 m_fills = 0;
    Decimal m_outsideFees; // the value of fees paid in a third asset (BNB), replayed so far
};

} // namespace engine
