#pragma once

// A TradingEngine on fakes below its ports, with one instrument and a book, for the engine's
// unit tests (test_tradingengine, test_enginesafety).
#include "tests/unit/engine/enginefakes.h"
#include "tests/support/enumprinters.h"

#include "engine/kernel/engineinbox.h"
#include "engine/kernel/tradingengine.h"
#include "engine/ports/clock.h"

#include <QTest>

#include <memory>

namespace enginerig {

using namespace engine;
using namespace enginefakes;

inline Decimal D(const char *s) { return Decimal::fromString(s); }
inline constexpr qint64 kT0 = 1767225600000LL;
inline const QString kSym = QStringLiteral("WOJAKUSDT");

inline BookUpdate book(const char *bid, const char *ask, qint64 ts = kT0)
{
    BookUpdate b;
    b.symbol = kSym;
    b.bids = {{D(bid), D("1000000")}};
    b.asks = {{D(ask), D("1000000")}};
    b.tsMs = ts;
    return b;
}

inline OrderRequest buy(const char *qty)
{
    OrderRequest r;
    r.symbol = kSym;
    r.side = Side::Buy;
    r.qty = D(qty);
    r.strategy = QStringLiteral("manual");
    return r;
}

struct Rig {
    EventClock clock;
    FakeExecution exec;
    FakeStore store;
    RecordingObserver observer;
    std::unique_ptr<TradingEngine> engine;

    //! A fresh journal (or `journal`, as a restart would load it), the clock at `nowMs`.
    explicit Rig(BotConfig config = {}, const JournalSnapshot &journal = {}, qint64 nowMs = kT0)
        : clock(nowMs)
    {
        store.snapshot = journal;
        engine = std::make_unique<TradingEngine>(TradingEngine::Deps{&clock, &clock, &exec, &store, &observer}, config);
        store.setStoreSink(&engine->inbox());
        exec.setExecutionSink(&engine->inbox());
        engine->setTimeouts(200, 200, 500);
        if (const Result<void> r = engine->restore(store.snapshot); !r)
            qFatal("restore failed: %s", qPrintable(r.error().message));
        Instrument i{kSym, QStringLiteral("WOJAK"), QStringLiteral("USDT"), D("0.00001"), D("1"), D("5")};
        engine->handleInstruments({i});
        engine->handleBook(book("0.99", "1.00", nowMs));
    }
    void startRunning()
    {
        engine->start();
        // Reconciliation ends once the venue has said which orders it has working.
        QTRY_COMPARE_ENUM(engine->engineState(), EngineState::Running);
    }
    //! Submits a buy, makes it durable and waits until the venue has it; its client id (empty on timeout).
    QString buyAtVenue(const char *qty)
    {
        const qsizetype before = exec.submitted.size();
        engine->submit(buy(qty));
        store.ack();
        if (!QTest::qWaitFor([&] { return exec.submitted.size() > before; }, 5000))
            return {};
        return exec.submitted.last().clientId;
    }
    void fill(const QString &clientId, Side side, const char *price, const char *qty, const QString &id)
    {
        Fill f;
        f.fillId = id;
        f.clientId = clientId;
        f.symbol = kSym;
        f.side = side;
        f.price = D(price);
        f.qty = D(qty);
        f.fee = f.price * f.qty * D("0.001");
        f.feeAsset = QStringLiteral("USDT");
        f.tsMs = clock.nowMs();
        exec.sink->onFill(f);
    }
};


} // namespace enginerig
