#pragma once

#include "engine/core/decimal.h"
#include "engine/ports/tradestore.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace testsupport {

//! Cash and positions recomputed from every fill in a journal, independently of
//! the engine's own accounting.
struct Replayed {
    engine::Decimal cash;
    QHash<QString, engine::Decimal> qty; // symbol → held quantity
    qint64 fills = 0;
};

//! Reads all fills of the SQLite journal at `dbPath` and replays them from `startingCash`.
Replayed replayJournal(const QString &dbPath, engine::Decimal startingCash, engine::JournalSnapshot *snapshot = nullptr);

//! Money per symbol with average-cost accounting (fees in the quote asset, counted in realized PnL).
struct Book {
    engine::Decimal qty;
    engine::Decimal cost;
    engine::Decimal realized;
    engine::Decimal fees;
};

//! Reads a journal file straight through SQL (its own connection, no Memedesk code) and compares
//! the fills, replayed in the order they were written, with the balances and positions the
//! journal stored. Returns every difference (empty = consistent to the last digit); `fills`
//! gets the number of fills. The app must not be running on the file.
QStringList auditJournalFile(const QString &dbPath, qint64 *fills = nullptr);

} // namespace testsupport
