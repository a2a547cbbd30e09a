#pragma once

#include "core/decimal.h"
#include "ports/tradestore.h"

#include <QHash>
#include <QString>

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

} // namespace testsupport
