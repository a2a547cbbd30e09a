// Manual orders from the order ticket: the preview rounds the way the venue will (quantity down to
// the step, a limit price toward the passive side), keeps a market amount in quote as an amount
// for the venue to size (estimating the quantity), lists the rules and the estimated fee, and says what is wrong; the
// engine then sends it through the risk gate like any other order, and cancels by client id.
#include "tests/unit/engine/enginerig.h"

#include "engine/execution/manualorder.h"

using namespace enginerig;

namespace {
ManualOrder ticket(OrderType type, Side side, const char *qty, const char *price = "0")
{
    ManualOrder m;
    m.symbol = kSym;
    m.side = side;
    m.type = type;
    m.qty = D(qty);
    m.limitPrice = D(price);
    return m;
}
//! A market buy for `amount` USDT.
ManualOrder byAmount(const char *amount)
{
    ManualOrder m = ticket(OrderType::Market, Side::Buy, "0");
    m.quoteQty = D(amount);
    return m;
}
const Instrument kWojak{kSym, QStringLiteral("WOJAK"), QStringLiteral("USDT"), D("0.00001"), D("1"), D("5")};
} // namespace

class TestManualOrder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aLimitOrderIsRoundedTowardThePassiveSide()
    {
        const OrderPreview buy = previewManualOrder(ticket(OrderType::Limit, Side::Buy, "10.9", "0.999999"), &kWojak,
                                                    book("0.99", "1.00"), D("0.001"));
        QVERIFY2(buy.ok(), qPrintable(buy.problems.join(QLatin1Char(';'))));
        QCOMPARE(buy.request.qty, D("10"));
        QCOMPARE(buy.request.limitPrice, D("0.99999")); // a buy never pays more than asked
        QCOMPARE(buy.notional, D("9.9999"));
        QCOMPARE(buy.estimatedFee, D("0.0099999"));
        QCOMPARE(buy.request.strategy, QStringLiteral("manual"));
        QVERIFY(buy.rules.contains(QStringLiteral("lot step 1")));
        QVERIFY(buy.rules.contains(QStringLiteral("min notional 5 USDT")));
        const OrderPreview sell = previewManualOrder(ticket(OrderType::Limit, Side::Sell, "10", "1.000001"), &kWojak,
                                                     book("0.99", "1.00"), D("0.001"));
        QCOMPARE(sell.request.limitPrice, D("1.00001")); // a sell never gets less than asked
    }

    void aMarketOrderByAmountStaysAnAmountAndEstimatesItsQuantity()
    {
        const OrderPreview p = previewManualOrder(byAmount("25.5"), &kWojak, book("0.99", "1.02"), D("0.001"));
        QVERIFY2(p.ok(), qPrintable(p.problems.join(';')));
        QCOMPARE(p.request.quoteQty, D("25.5")); // sent as the amount: the venue sizes it from its book
        QVERIFY(p.request.qty.isZero());
        QVERIFY(p.request.byQuote());
        QCOMPARE(p.price, D("1.02"));
        QCOMPARE(p.estimatedQty, D("25")); // 25.5 / 1.02 = 25, down to the step
        QCOMPARE(p.notional, D("25.5"));
        QCOMPARE(p.estimatedFee, D("0.0255"));
        QCOMPARE(int(p.request.type), int(OrderType::Market));
    }

    void anAmountTooSmallIsRefusedWithTheRuleNamed()
    {
        ManualOrder m = byAmount("0.5"); // less than one lot at 1.02
        const OrderPreview lot = previewManualOrder(m, &kWojak, book("0.99", "1.02"), D("0.001"));
        QVERIFY(!lot.ok());
        QCOMPARE(lot.issues.first().code, QStringLiteral("QTY_ROUNDS_TO_ZERO"));
        m.quoteQty = D("4"); // four lots, but below the 5 USDT minimum
        const OrderPreview small = previewManualOrder(m, &kWojak, book("0.99", "1.02"), D("0.001"));
        QVERIFY(!small.ok());
        QCOMPARE(small.issues.first().code, QStringLiteral("BELOW_MIN_NOTIONAL"));
        QVERIFY(!small.request.qty.isPositive());
    }

    void aQuantityWinsOverAnAmount()
    {
        ManualOrder m = ticket(OrderType::Market, Side::Sell, "7");
        m.quoteQty = D("25");
        const OrderPreview p = previewManualOrder(m, &kWojak, book("0.99", "1.02"), D("0.001"));
        QVERIFY(p.ok());
        QCOMPARE(p.request.qty, D("7"));
        QVERIFY(p.request.quoteQty.isZero());
    }

    void problemsAreNamed()
    {
        const OrderPreview small = previewManualOrder(ticket(OrderType::Limit, Side::Buy, "1", "1"), &kWojak, book("0.99", "1.00"), D("0.001"));
        QCOMPARE(small.problems.size(), 1); // 1 USDT < 5
        QCOMPARE(small.issues.first().code, QStringLiteral("BELOW_MIN_NOTIONAL")); // with values, for the UI to translate
        QCOMPARE(small.issues.first().values, (QStringList{QStringLiteral("1"), QStringLiteral("5"), QStringLiteral("USDT")}));
        QVERIFY(!previewManualOrder(ticket(OrderType::Limit, Side::Buy, "0.5", "1"), &kWojak, book("0.99", "1.00"), D("0.001")).ok());
        QVERIFY(!previewManualOrder(ticket(OrderType::Limit, Side::Buy, "10", "0"), &kWojak, book("0.99", "1.00"), D("0.001")).ok());
        QVERIFY(!previewManualOrder(ticket(OrderType::Market, Side::Buy, "10"), &kWojak, BookUpdate{}, D("0.001")).ok());
        QVERIFY(!previewManualOrder(ticket(OrderType::Limit, Side::Buy, "10", "1"), nullptr, book("0.99", "1.00"), D("0.001")).ok());
        const OrderPreview maker = previewManualOrder(ticket(OrderType::LimitMaker, Side::Buy, "10", "1.00"), &kWojak,
                                                      book("0.99", "1.00"), D("0.001"));
        QVERIFY(!maker.ok());
        QVERIFY(maker.problems.first().contains(QLatin1String("would trade at once")));
        ManualOrder absurd = ticket(OrderType::Limit, Side::Buy, "1", "1");
        absurd.qty = Decimal::fromInt(std::numeric_limits<std::int64_t>::max());
        absurd.limitPrice = Decimal::fromInt(std::numeric_limits<std::int64_t>::max());
        QVERIFY(!previewManualOrder(absurd, &kWojak, book("0.99", "1.00"), D("0.001")).ok()); // never throws
    }

    void theEnginePlacesThroughTheRiskGateAndCancels()
    {
        BotConfig config;
        Rig rig(config);
        QCOMPARE(rig.engine->placeManual(ticket(OrderType::Limit, Side::Buy, "10", "0.95")).error().code,
                 QStringLiteral("ENGINE_NOT_RUNNING"));
        rig.startRunning();
        const Result<QString> placed = rig.engine->placeManual(ticket(OrderType::Limit, Side::Buy, "10", "0.95"));
        QVERIFY2(placed.ok(), qPrintable(placed.ok() ? QString() : placed.error().toString()));
        rig.store.ack();
        QTRY_COMPARE(rig.exec.submitted.size(), 1);
        QCOMPARE(rig.exec.submitted.first().limitPrice, D("0.95"));
        QCOMPARE(rig.exec.submitted.first().strategy, QStringLiteral("manual"));
        // Too big for the risk limits: denied, nothing sent.
        const Result<QString> denied = rig.engine->placeManual(ticket(OrderType::Limit, Side::Buy, "5000", "0.95"));
        QCOMPARE(denied.error().code, QStringLiteral("ORDER_DENIED"));
        QCOMPARE(rig.engine->placeManual(ticket(OrderType::Limit, Side::Buy, "1", "0.95")).error().code,
                 QStringLiteral("ORDER_INVALID"));
        QVERIFY(rig.engine->cancelOrder(placed.value()).ok());
        QCOMPARE(rig.exec.cancelled, QStringList{placed.value()});
        QCOMPARE(rig.engine->cancelOrder(QStringLiteral("nope")).error().code, QStringLiteral("ORDER_NOT_OPEN"));
    }

    void anOrderByAmountLearnsItsQuantityFromTheVenue()
    {
        BotConfig config;
        Rig rig(config);
        rig.startRunning();
        const Result<QString> placed = rig.engine->placeManual(byAmount("25.5"));
        QVERIFY2(placed.ok(), qPrintable(placed.ok() ? QString() : placed.error().toString()));
        rig.store.ack();
        QTRY_COMPARE(rig.exec.submitted.size(), 1);
        QCOMPARE(rig.exec.submitted.first().quoteQty, D("25.5"));
        QVERIFY(rig.exec.submitted.first().qty.isZero());
        const QString id = placed.value();
        const auto last = [&] { return rig.store.orders.last(); };
        QTRY_VERIFY(last().clientId == id && last().quoteQty == D("25.5"));

        // The venue fills what the amount buys, then says FILLED with the quantity it executed.
        rig.fill(id, Side::Buy, "1.00", "15", QStringLiteral("F1"));
        QTRY_COMPARE_ENUM(last().status, OrderStatus::PartiallyFilled);
        QVERIFY(last().qty.isZero()); // not known yet
        // A fill past the amount is not this order's: refused, nothing booked.
        rig.fill(id, Side::Buy, "1.01", "11", QStringLiteral("F-too-much")); // 15 + 11.11 > 25.5
        rig.fill(id, Side::Buy, "1.01", "10", QStringLiteral("F2"));          // 15 + 10.10 = 25.10
        QTRY_COMPARE(last().filledQty, D("25"));
        ExecutionReport done;
        done.clientId = id;
        done.status = OrderStatus::Filled;
        done.filledQty = D("25");
        rig.exec.sink->onExecutionReport(done);
        QTRY_COMPARE_ENUM(last().status, OrderStatus::Filled);
        QCOMPARE(last().qty, D("25"));
        QCOMPARE(last().avgPrice, D("1.004"));
        QCOMPARE(rig.store.fills.size(), 2);
    }

    void aFilledReportAheadOfItsFillsWaitsForThem()
    {
        BotConfig config;
        Rig rig(config);
        rig.startRunning();
        const QString id = rig.engine->placeManual(byAmount("20")).value();
        rig.store.ack();
        QTRY_COMPARE(rig.exec.submitted.size(), 1);
        const auto last = [&] { return rig.store.orders.last(); };
        ExecutionReport done;
        done.clientId = id;
        done.status = OrderStatus::Filled;
        done.filledQty = D("19");
        rig.exec.sink->onExecutionReport(done);
        QTest::qWait(50);
        QVERIFY(last().status != OrderStatus::Filled); // its fills are still on their way
        rig.fill(id, Side::Buy, "1.00", "10", QStringLiteral("F1"));
        QTRY_COMPARE(last().filledQty, D("10"));
        QCOMPARE_ENUM(last().status, OrderStatus::PartiallyFilled); // 10 of the 19 the venue executed
        rig.fill(id, Side::Buy, "1.00", "9", QStringLiteral("F2"));
        QTRY_COMPARE_ENUM(last().status, OrderStatus::Filled);
        QCOMPARE(last().qty, D("19"));
    }
};

QTEST_GUILESS_MAIN(TestManualOrder)
#include "test_manualorder.moc"
