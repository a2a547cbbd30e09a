// TradingEngine with fakes below its ports: write-ahead journaling, unknown
// outcomes queried and never re-sent, reconciliation before trading, the daily
// loss halt, duplicate fills and bad input.
#include "tests/unit/engine/enginerig.h"

#include <QTest>

using namespace engine;
using namespace enginefakes;
using namespace enginerig;


class TestTradingEngine : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void orderLeavesOnlyAfterItIsDurable()
    {
        Rig rig;
        rig.startRunning();
        rig.engine->submit(buy("100"));
        QCOMPARE(rig.store.orders.size(), 1);
        QCOMPARE_ENUM(rig.store.orders.first().status, OrderStatus::New);
        QVERIFY2(rig.exec.submitted.isEmpty(), "the venue must not see an order the journal has not kept");
        QVERIFY(rig.observer.all<Order>().isEmpty()); // nor the UI
        rig.store.ack();
        QTRY_COMPARE(rig.exec.submitted.size(), 1);
        QCOMPARE(rig.exec.submitted.first().clientId, rig.store.orders.first().clientId);
        QCOMPARE(rig.observer.all<Order>().size(), 1);
    }

    void riskDenialIsAnEventAndNothingElse()
    {
        Rig rig;
        rig.startRunning();
        rig.engine->submit(buy("5000")); // 5,000 USDT > max order notional 1,000
        QVERIFY(rig.store.orders.isEmpty());
        QVERIFY(rig.exec.submitted.isEmpty());
        const auto denials = rig.observer.all<RiskDenial>();
        QCOMPARE(denials.size(), 1);
        QVERIFY(denials.first().reason.contains(QLatin1String("exceeds the limit")));
        OrderRequest ghost = buy("1");
        ghost.symbol = QStringLiteral("NOPEUSDT");
        rig.engine->submit(ghost);
        QVERIFY(rig.observer.all<RiskDenial>().last().reason.contains(QLatin1String("unknown symbol")));
    }

    void silentVenueMeansUnknownThenQueryNeverResend()
    {
        Rig rig;
        rig.startRunning();
        rig.engine->startTimers();
        rig.engine->submit(buy("100"));
        rig.store.ack();
        QTRY_COMPARE(rig.exec.submitted.size(), 1);
        const QString id = rig.exec.submitted.first().clientId;
        // no answer: after the ack timeout the outcome is unknown and the venue is asked
        QTRY_VERIFY(rig.exec.queried.contains(id));
        QCOMPARE_ENUM(rig.engine->orders().find(id)->status, OrderStatus::Unknown);
        QTRY_VERIFY(rig.exec.queried.count(id) >= 2); // asked again while unknown
        QCOMPARE(rig.exec.submitted.size(), 1);        // never sent twice
        // new orders in that symbol wait until the outcome is known
        rig.engine->submit(buy("10"));
        QVERIFY(rig.observer.all<RiskDenial>().last().reason.contains(QLatin1String("unknown outcome")));
        // the venue answers: it did fill
        rig.fill(id, Side::Buy, "1.00", "100", QStringLiteral("f1"));
        QTRY_COMPARE_ENUM(rig.engine->orders().find(id)->status, OrderStatus::Filled);
        QCOMPARE(rig.engine->portfolio().position(kSym)->qty.toString(), QStringLiteral("100"));
        QCOMPARE(rig.exec.submitted.size(), 1);
    }

    void restartReconcilesOpenOrdersBeforeTrading()
    {
        BotConfig config;
        Order open;
        open.clientId = QStringLiteral("MD-OLD-1");
        open.symbol = kSym;
        open.qty = D("50");
        open.status = OrderStatus::Accepted;
        Rig rig(config);
        rig.store.snapshot.openOrders = {open};
        rig.store.snapshot.balances.insert(QStringLiteral("USDT"), D("9000"));
        rig.store.snapshot.settings.insert(QStringLiteral("portfolio.starting_equity"), QStringLiteral("10000"));
        const auto restored = rig.engine->restore(rig.store.snapshot);
        QVERIFY2(restored.ok(), qPrintable(restored.ok() ? QString() : restored.error().message));
        QCOMPARE(rig.engine->portfolio().cash().toString(), QStringLiteral("9000"));
        rig.engine->start();
        QCOMPARE_ENUM(rig.engine->engineState(), EngineState::Reconciling);
        QVERIFY(rig.exec.queried.contains(QStringLiteral("MD-OLD-1")));
        QVERIFY(rig.exec.balanceRequests >= 1);
        ExecutionReport gone;
        gone.clientId = QStringLiteral("MD-OLD-1");
        gone.status = OrderStatus::Expired;
        gone.notFound = true;
        gone.message = QStringLiteral("Order does not exist.");
        rig.exec.sink->onExecutionReport(gone);
        QTRY_COMPARE_ENUM(rig.engine->engineState(), EngineState::Running);
        QCOMPARE_ENUM(rig.store.orders.last().status, OrderStatus::Expired);
        QCOMPARE(rig.store.orders.last().reason, QStringLiteral("Order does not exist."));
    }

    void anOrderWorkingAtTheVenueButNotInTheJournalIsAdopted()
    {
        Rig rig;
        Order foreign;
        foreign.clientId = QStringLiteral("web_12345");
        foreign.venueOrderId = QStringLiteral("777");
        foreign.symbol = kSym;
        foreign.side = Side::Buy;
        foreign.type = OrderType::Limit;
        foreign.qty = D("40");
        foreign.limitPrice = D("0.9");
        foreign.filledQty = D("10"); // partly filled while the app was closed
        foreign.status = OrderStatus::PartiallyFilled;
        rig.exec.venueOpenOrders = {foreign};
        rig.engine->start();
        QTRY_VERIFY(rig.exec.queried.contains(QStringLiteral("web_12345"))); // its fills are asked for
        QCOMPARE_ENUM(rig.engine->engineState(), EngineState::Reconciling);  // not trading until it is answered
        QVERIFY(!rig.store.orders.isEmpty());
        const Order adopted = rig.store.orders.last();
        QCOMPARE(adopted.clientId, QStringLiteral("web_12345"));
        QCOMPARE(adopted.strategy, QStringLiteral("external"));
        QCOMPARE(adopted.filledQty, Decimal()); // its fills are booked when they arrive, not assumed
        rig.fill(QStringLiteral("web_12345"), Side::Buy, "0.9", "10", QStringLiteral("WOJAKUSDT-1"));
        ExecutionReport partly;
        partly.clientId = QStringLiteral("web_12345");
        partly.status = OrderStatus::PartiallyFilled;
        partly.filledQty = D("10");
        rig.exec.sink->onExecutionReport(partly);
        QTRY_COMPARE_ENUM(rig.engine->engineState(), EngineState::Running);
        QCOMPARE(rig.engine->portfolio().position(kSym)->qty, D("10"));
        QVERIFY(rig.engine->orders().find(QStringLiteral("web_12345")));
        bool warned = false;
        for (const LogEntry &e : rig.observer.all<LogEntry>())
            warned = warned || (e.level == LogEntry::Level::Warning && e.message.contains(QLatin1String("not in the journal")));
        QVERIFY(warned);
    }

    void liveMoneyMovedWithoutATradeIsBookedAsAnAdjustment()
    {
        BotConfig config;
        config.mode = TradingMode::Live;
        Rig rig(config);
        rig.exec.venueBalances = {{QStringLiteral("USDT"), D("12000.25")}};
        rig.startRunning();
        QCOMPARE(rig.engine->portfolio().cash(), D("12000.25"));
        QCOMPARE(rig.engine->portfolio().startingEquity(), D("12000.25")); // a deposit is not profit
        QCOMPARE(rig.store.settings.value(QStringLiteral("portfolio.starting_equity")), QStringLiteral("12000.25"));
        QCOMPARE(rig.store.balances.value(QStringLiteral("USDT")), D("12000.25"));
        bool warned = false;
        for (const LogEntry &e : rig.observer.all<LogEntry>())
            warned = warned || e.message.contains(QLatin1String("cash adjusted by 2000.25 USDT"));
        QVERIFY(warned);
    }

    void paperBalancesThatDifferAreShownNotBooked()
    {
        Rig rig; // demo
        rig.exec.venueBalances = {{QStringLiteral("USDT"), D("9000")}};
        rig.startRunning();
        QCOMPARE(rig.engine->portfolio().cash(), D("10000"));
        bool warned = false;
        for (const LogEntry &e : rig.observer.all<LogEntry>())
            warned = warned || e.message.contains(QLatin1String("reports 9000 USDT but the journal has 10000"));
        QVERIFY(warned);
    }

    void reconciliationTimesOutAndKeepsTheSymbolBlocked()
    {
        Rig rig;
        Order open;
        open.clientId = QStringLiteral("MD-OLD-2");
        open.symbol = kSym;
        open.qty = D("50");
        open.status = OrderStatus::Unknown;
        rig.store.snapshot.openOrders = {open};
        const auto restored = rig.engine->restore(rig.store.snapshot);
        QVERIFY2(restored.ok(), qPrintable(restored.ok() ? QString() : restored.error().message));
        rig.engine->startTimers();
        rig.engine->start();
        QTRY_COMPARE_ENUM(rig.engine->engineState(), EngineState::Running); // after the timeout
        rig.engine->submit(buy("10"));
        QVERIFY(rig.observer.all<RiskDenial>().last().reason.contains(QLatin1String("unknown outcome")));
    }

    void dailyLossHaltsNewEntriesButExitsStillRun()
    {
        BotConfig config;
        config.risk.dailyLossLimit = D("50");
        config.risk.stopLossPct = D("0.5"); // keep the stop-loss out of the way
        Rig rig(config);
        rig.startRunning();
        rig.engine->submit(buy("900"));
        rig.store.ack();
        QTRY_COMPARE(rig.exec.submitted.size(), 1);
        rig.fill(rig.exec.submitted.first().clientId, Side::Buy, "1.00", "900", QStringLiteral("f1"));
        QTRY_VERIFY(rig.engine->portfolio().position(kSym));
        rig.clock.advanceTo(kT0 + 60'000);
        rig.engine->handleBook(book("0.92", "0.93", kT0 + 60'000)); // -67.5 marked
        rig.engine->startTimers();
        QTRY_COMPARE_ENUM(rig.engine->tradingState(), TradingState::Halted);
        QVERIFY(rig.engine->buildStatus().haltReason.contains(QLatin1String("daily loss limit")));
        rig.engine->submit(buy("10"));
        QVERIFY(rig.observer.all<RiskDenial>().last().reason.startsWith(QLatin1String("trading halted")));
        // the kill switch still gets out of the position
        rig.store.ack();
        rig.engine->flattenAndStop();
        rig.store.ack();
        QTRY_COMPARE(rig.exec.submitted.size(), 2);
        QVERIFY(rig.exec.submitted.last().reduceOnly);
        QCOMPARE(rig.exec.submitted.last().qty.toString(), QStringLiteral("900"));
        // the user clears the halt
        rig.engine->resumeTrading();
        QCOMPARE_ENUM(rig.engine->tradingState(), TradingState::Active);
    }

    void duplicateFillsAreIgnored()
    {
        Rig rig;
        rig.startRunning();
        const QString id = rig.buyAtVenue("100");
        QVERIFY(!id.isEmpty());
        rig.fill(id, Side::Buy, "1.00", "40", QStringLiteral("f1"));
        rig.fill(id, Side::Buy, "1.00", "40", QStringLiteral("f1")); // replayed by the venue
        QTRY_COMPARE(rig.store.fills.size(), 1);
        QTest::qWait(50);
        QCOMPARE(rig.store.fills.size(), 1);
        QCOMPARE(rig.engine->portfolio().position(kSym)->qty.toString(), QStringLiteral("40"));
        QCOMPARE_ENUM(rig.engine->orders().find(id)->status, OrderStatus::PartiallyFilled);
    }

    void badInputChangesNothing()
    {
        Rig rig;
        rig.startRunning();
        const Decimal equity = rig.engine->portfolio().equity();
        BookUpdate crossed = book("1.10", "1.00");
        rig.engine->handleBook(crossed);
        rig.engine->handleBook(BookUpdate{kSym, {}, {}, kT0});
        Candle bad;
        bad.symbol = kSym;
        bad.open = D("1");
        bad.high = D("0.5"); // high below open
        bad.low = D("0.9");
        bad.close = D("1");
        rig.engine->handleCandle(bad);
        rig.engine->handlePost(SocialPost{}); // no tokens, no time
        ChainEvent negative;
        negative.token = QStringLiteral("WOJAK");
        negative.liquidity = D("-5");
        rig.engine->handleChainEvent(negative);
        rig.engine->handleInstruments({Instrument{QStringLiteral("BADUSDT"), {}, {}, Decimal(), Decimal(), Decimal()}});
        QVERIFY(rig.store.signals.isEmpty());
        QCOMPARE(rig.engine->portfolio().equity(), equity);
        rig.engine->submit(buy("1")); // the last valid book still prices it
        QCOMPARE(rig.store.orders.size(), 1);
        OrderRequest bogus = buy("1");
        bogus.symbol = QStringLiteral("BADUSDT");
        rig.engine->submit(bogus);
        QVERIFY(rig.observer.all<RiskDenial>().last().reason.contains(QLatin1String("unknown symbol")));
    }
};

QTEST_GUILESS_MAIN(TestTradingEngine)
#include "test_tradingengine.moc"
