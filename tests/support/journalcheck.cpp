#include "journalcheck.h"

#include "storage/sqlitetradestore.h"

#include <QTest>

#include <future>

namespace testsupport {

Replayed replayJournal(const QString &dbPath, engine::Decimal startingCash, engine::JournalSnapshot *snapshot)
{
    adapters::storage::SqliteTradeStore store(dbPath);
    store.setBackupInterval(0);
    QString error;
    if (!store.open(&error))
        qFatal("cannot open journal %s: %s", qPrintable(dbPath), qPrintable(error));
    engine::JournalSnapshot loaded;
    if (!store.loadSnapshot(&loaded, &error))
        qFatal("cannot load journal %s: %s", qPrintable(dbPath), qPrintable(error));
    if (snapshot)
        *snapshot = loaded;
    Replayed r;
    r.cash = startingCash;
    int offset = 0;
    for (;;) {
        engine::HistoryQuery q;
        q.kind = engine::HistoryQuery::Kind::Fills;
        q.offset = offset;
        q.limit = 1000;
        std::promise<engine::HistoryPage> promise;
        auto future = promise.get_future();
        store.queryHistory(q, [&promise](engine::HistoryPage page) { promise.set_value(std::move(page)); });
        const engine::HistoryPage page = future.get();
        if (!page.error.isEmpty())
            qFatal("history query failed: %s", qPrintable(page.error));
        for (const engine::Fill &f : page.fills) {
            const engine::Decimal value = f.price * f.qty;
            if (f.side == engine::Side::Buy) {
                r.cash -= value + f.fee;
                r.qty[f.symbol] += f.qty;
            } else {
                r.cash += value - f.fee;
                r.qty[f.symbol] -= f.qty;
            }
            ++r.fills;
        }
        offset += int(page.fills.size());
        if (page.fills.isEmpty() || offset >= page.total)
            break;
    }
    return r;
}

} // namespace testsupport
