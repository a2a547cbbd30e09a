// The engine under failure: a journal that cannot save stops trading (and an order it could not
// save never counts as open), the trading state survives a restart on the same UTC day, and an
// absurd number on any inbound path fails only its own message.
#include "tests/unit/engine/enginerig.h"

#include "engine/api/botconfig.h"

#include <QTest>

using namespace engine;
using namespace enginefakes;
using namespace enginerig;

namespace {
constexpr qint64 kDayMs = 86'400'000;

JournalSnapshot journalWithRiskState(const QString &state, const QString &reason, qint64 day)
{
    JournalSnapshot j;
    j.balances.insert(QStringLiteral("USDT"), D("9400"));
    j.settings.insert(QStringLiteral("portfolio.starting_equity"), QStringLiteral("10000"));
    j.settings.insert(QStringLiteral("risk.state"), state);
    j.settings.insert(QStringLiteral("risk.reason"), reason);
    j.settings.insert(QStringLiteral("risk.day"), QString::number(day));
    j.settings.insert(QStringLiteral("risk.day_start_equity"), QStringLiteral("10000"));
    return j;
}

int errorsContaining(const RecordingObserver &observer, const QString &text)
{
    int n = 0;
    for (const LogEntry &e : observer.all<LogEntry>())
        n += (e.level == LogEntry::Level::Error && e.message.contains(text)) ? 1 : 0;
    return n;
}
} // namespace

class TestEngineSafety : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void journalFailureHaltsAndTheUnsavedOrderIsNotOpen()
    {
        Rig rig;
        rig.startRunning();
        rig.engine->submit(buy("100"));
        QCOMPARE(rig.engine->orders().openOrders().size(), 1);
        rig.store.failPending(QStringLiteral("Could not save order X to the journal: database or disk is full"));
        QTRY_COMPARE_ENUM(rig.engine->tradingState(), TradingState::Halted);
        const BotStatus status = rig.engine->buildStatus();
        QVERIFY2(status.haltReason.contains(QLatin1String("journal write failed")), qPrintable(status.haltReason));
        QVERIFY(status.haltReason.contains(QLatin1String("disk is full")));
        QVERIFY(!status.storeHealthy);
        // the order never left and is not open: it cannot fill the position limit or block its symbol
        QVERIFY(rig.exec.submitted.isEmpty());
        QVERIFY(rig.engine->orders().openOrders().isEmpty());
        // no new entries while halted
        rig.engine->submit(buy("10"));
        QVERIFY(rig.observer.all<RiskDenial>().last().reason.startsWith(QLatin1String("trading halted")));
        // the halt is journaled (an attempt: the disk may still be full)
        QCOMPARE(rig.store.settings.value(QStringLiteral("risk.state")), QStringLiteral("HALTED"));
        // the user frees the disk and resumes; the next entry goes through again
        rig.engine->resumeTrading();
        QCOMPARE_ENUM(rig.engine->tradingState(), TradingState::Active);
        QVERIFY(rig.engine->buildStatus().storeHealthy);
        rig.engine->submit(buy("10"));
        rig.store.ack();
        QTRY_COMPARE(rig.exec.submitted.size(), 1);
    }

    void failedFillWriteHalts()
    {
        Rig rig;
        rig.startRunning();
        const QString id = rig.buyAtVenue("100");
        QVERIFY(!id.isEmpty());
        rig.fill(id, Side::Buy, "1.00", "100", QStringLiteral("f1"));
        QTRY_COMPARE(rig.store.pendingFills.size(), 1);
        rig.store.failPending(QStringLiteral("disk I/O error"));
        QTRY_COMPARE_ENUM(rig.engine->tradingState(), TradingState::Halted);
        QVERIFY(rig.engine->buildStatus().haltReason.contains(QLatin1String("disk I/O error")));
    }

    void aFillAfterTheCancelIsBookedNotLost()
    {
        Rig rig;
        rig.startRunning();
        const QString id = rig.buyAtVenue("100");
        QVERIFY(!id.isEmpty());
        rig.exec.sink->onExecutionReport(ExecutionReport{id, QStringLiteral("V1"), OrderStatus::Cancelled, {}, QStringLiteral("user"), false, kT0});
        QTRY_COMPARE_ENUM(rig.engine->orders().find(id)->status, OrderStatus::Cancelled);
        rig.fill(id, Side::Buy, "1.00", "30", QStringLiteral("late-1")); // matched before the cancel took effect
        QTRY_VERIFY(rig.engine->portfolio().position(kSym));
        QCOMPARE(rig.engine->portfolio().position(kSym)->qty.toString(), QStringLiteral("30"));
        QCOMPARE(rig.store.fills.last().fillId, QStringLiteral("late-1"));
        QCOMPARE_ENUM(rig.store.orders.last().status, OrderStatus::Cancelled);
        QCOMPARE(rig.store.orders.last().filledQty.toString(), QStringLiteral("30"));
        bool logged = false;
        for (const LogEntry &e : rig.observer.all<LogEntry>())
            logged = logged || e.message.contains(QLatin1String("late fill late-1"));
        QVERIFY(logged);
        rig.fill(id, Side::Buy, "1.00", "30", QStringLiteral("late-1")); // delivered again: nothing changes
        QTest::qWait(20);
        QCOMPARE(rig.engine->portfolio().position(kSym)->qty.toString(), QStringLiteral("30"));
    }

    void killSwitchHaltIsJournaled()
    {
        Rig rig;
        rig.startRunning();
        rig.engine->flattenAndStop();
        QCOMPARE(rig.store.settings.value(QStringLiteral("risk.state")), QStringLiteral("HALTED"));
        QCOMPARE(rig.store.settings.value(QStringLiteral("risk.reason")), QStringLiteral("kill switch"));
        QCOMPARE(rig.store.settings.value(QStringLiteral("risk.day")), QString::number(kT0 / kDayMs));
        QCOMPARE(rig.store.settings.value(QStringLiteral("risk.day_start_equity")), QStringLiteral("10000"));
    }

    void dailyLossHaltSurvivesARestartOnTheSameDay()
    {
        const QString reason = QStringLiteral("daily loss limit of 500.00 reached (today -600.00)");
        Rig rig({}, journalWithRiskState(QStringLiteral("HALTED"), reason, kT0 / kDayMs), kT0 + 3'600'000);
        rig.startRunning();
        QCOMPARE_ENUM(rig.engine->tradingState(), TradingState::Halted);
        QCOMPARE(rig.engine->buildStatus().haltReason, reason);
        QCOMPARE(rig.engine->buildStatus().pnlToday.toString(), QStringLiteral("-600")); // vs the day's start, not +0.00
        rig.engine->submit(buy("10"));
        QVERIFY(rig.observer.all<RiskDenial>().last().reason.startsWith(QLatin1String("trading halted")));
    }

    void aClockNotYetAtTheSavedDayKeepsTheHalt()
    {
        // The demo clock starts at its epoch until the market's first tick: that is not a new day.
        Rig rig({}, journalWithRiskState(QStringLiteral("HALTED"), QStringLiteral("daily loss limit reached"),
                                         kT0 / kDayMs + 5),
                kT0);
        rig.startRunning();
        QCOMPARE_ENUM(rig.engine->tradingState(), TradingState::Halted);
    }

    void aDailyLossHaltEndsOnTheNextUtcDay()
    {
        Rig rig({}, journalWithRiskState(QStringLiteral("HALTED"), QStringLiteral("daily loss limit reached"), kT0 / kDayMs),
                kT0 + kDayMs + 60'000);
        rig.startRunning();
        QCOMPARE_ENUM(rig.engine->tradingState(), TradingState::Active);
        QCOMPARE(rig.store.settings.value(QStringLiteral("risk.state")), QStringLiteral("ACTIVE"));
        QCOMPARE(rig.store.settings.value(QStringLiteral("risk.day")), QString::number(kT0 / kDayMs + 1));
    }

    void unreadableJournalValuesRefuseTheRestore()
    {
        const auto refuse = [](JournalSnapshot j, const char *expected) {
            EventClock clock(kT0);
            FakeExecution exec;
            FakeStore store;
            RecordingObserver observer;
            TradingEngine engine({&clock, &clock, &exec, &store, &observer}, BotConfig{});
            const Result<void> r = engine.restore(j);
            return !r.ok() && r.error().is(errors::kJournalValueUnreadable)
                && r.error().message.contains(QLatin1String(expected)) && store.settings.isEmpty();
        };
        JournalSnapshot bad = journalWithRiskState(QStringLiteral("HALTED"), {}, 1);
        bad.settings.insert(QStringLiteral("portfolio.starting_equity"), QStringLiteral("ten thousand"));
        QVERIFY(refuse(bad, "starting equity 'ten thousand'"));
        bad = journalWithRiskState(QStringLiteral("HALTED"), {}, 1);
        bad.settings.remove(QStringLiteral("portfolio.starting_equity"));
        QVERIFY(refuse(bad, "starting equity '' cannot be read (missing)"));
        bad = journalWithRiskState(QStringLiteral("SLEEPING"), {}, 1);
        QVERIFY(refuse(bad, "risk state"));
        bad = journalWithRiskState(QStringLiteral("HALTED"), {}, 1);
        bad.settings.insert(QStringLiteral("risk.day_start_equity"), QStringLiteral("1e999"));
        QVERIFY(refuse(bad, "risk state"));
    }

    void aThrowingMessageFailsAloneAndTheEngineRunsOn()
    {
        Rig rig;
        rig.startRunning();
        rig.engine->guarded("a test message", [] { throw DecimalError("decimal overflow in multiplication"); });
        rig.engine->guarded("another", [] { throw std::runtime_error("boom"); });
        QCOMPARE(rig.engine->failedMessages(), quint64(2));
        QCOMPARE(errorsContaining(rig.observer, QStringLiteral("ENGINE_DECIMAL_ERROR")), 1);
        QCOMPARE(errorsContaining(rig.observer, QStringLiteral("ENGINE_EXCEPTION: boom")), 1);
        rig.engine->submit(buy("10"));
        QCOMPARE(rig.store.orders.size(), 1);
    }

    void absurdNumbersOnEveryInboundPathChangeNothing()
    {
        Rig rig;
        rig.startRunning();
        const QString id = rig.buyAtVenue("100");
        QVERIFY(!id.isEmpty());
        rig.fill(id, Side::Buy, "1.00", "100", QStringLiteral("f1"));
        QTRY_VERIFY(rig.engine->portfolio().position(kSym));
        rig.store.ack();
        const Decimal cash = rig.engine->portfolio().cash();
        const Decimal huge = Decimal::fromString("100000000000000000000"); // 1e20: products overflow
        const Decimal tiny = Decimal::fromString("0.0000000000001");       // 1e-13
        EngineInbox &inbox = rig.engine->inbox();

        // market data: books, trades and candles with prices and sizes that overflow every product
        BookUpdate b = book("1", "1");
        b.bids = {{huge, huge}};
        b.asks = {{huge, huge}};
        inbox.onBook(b);
        inbox.onTrade(TradeTick{kSym, huge, huge, false, kT0 + 1000});
        Candle c;
        c.symbol = kSym;
        c.open = c.high = c.low = c.close = huge;
        c.volume = huge;
        c.openTimeMs = kT0;
        c.closed = true;
        inbox.onCandle(c);
        inbox.onCandleHistory({c});
        // a 1e15-supply meme coin at 1e-13 and a price of zero
        inbox.onTrade(TradeTick{kSym, tiny, Decimal::fromString("1000000000000000"), true, kT0 + 2000});
        inbox.onTrade(TradeTick{kSym, Decimal(), Decimal(), true, kT0 + 3000});
        // the venue: a fill whose notional overflows, balances beyond range
        Fill absurd;
        absurd.fillId = QStringLiteral("f-absurd");
        absurd.clientId = id;
        absurd.symbol = kSym;
        absurd.side = Side::Sell;
        absurd.price = huge;
        absurd.qty = D("50");
        absurd.fee = huge;
        absurd.tsMs = kT0 + 4000;
        inbox.onFill(absurd);
        inbox.onBalances({{QStringLiteral("USDT"), huge}});
        inbox.onExecutionReport(ExecutionReport{id, QStringLiteral("V1"), OrderStatus::Filled, huge, {}, false, kT0});
        // chain and social
        ChainEvent chain;
        chain.token = QStringLiteral("WOJAK");
        chain.liquidity = huge;
        chain.tsMs = kT0 + 5000;
        inbox.onChainEvent(chain);
        SocialPost post;
        post.tsMs = kT0 + 6000;
        post.tokens = {QStringLiteral("WOJAK")};
        post.text = QString(100000, QLatin1Char('x'));
        inbox.onPost(post);
        // config: an overflowing notional never passes validation
        BotConfig config;
        config.strategy.orderNotional = Decimal::fromString("90000000000000000000");
        QVERIFY(!config.validate().isEmpty());

        QTRY_COMPARE(inbox.pending(), qsizetype(0));
        QTest::qWait(20);
        // Some of these throw deep inside a handler; without the guard the process would end.
        QVERIFY(rig.engine->failedMessages() > 0);
        // the engine is alive, the account untouched by the absurd fill, and it still trades
        QCOMPARE(rig.engine->portfolio().cash(), cash);
        QCOMPARE(rig.engine->portfolio().position(kSym)->qty.toString(), QStringLiteral("100"));
        const BotStatus status = rig.engine->buildStatus();
        QCOMPARE_ENUM(status.engineState, EngineState::Running);
        rig.engine->handleBook(book("0.99", "1.00", kT0 + 7000));
        rig.engine->submit(buy("10"));
        QCOMPARE(rig.store.orders.last().qty.toString(), QStringLiteral("10"));
    }
};

QTEST_GUILESS_MAIN(TestEngineSafety)
#include "test_enginesafety.moc"
