// Every status transition, legal or not, plus the order manager and portfolio
// accounting built on it.
#include "engine/execution/journalaudit.h"
#include "engine/execution/ordermanager.h"
#include "engine/execution/orderstatemachine.h"
#include "engine/execution/portfolio.h"

#include "tests/support/enumprinters.h"

#include <QTest>

using namespace engine;

namespace {
Decimal D(const char *s) { return Decimal::fromString(s); }

const QList<OrderStatus> kAll = {OrderStatus::New, OrderStatus::Accepted, OrderStatus::PartiallyFilled,
                                 OrderStatus::Filled, OrderStatus::Cancelled, OrderStatus::Rejected,
                                 OrderStatus::Expired, OrderStatus::Unknown};

OrderRequest buy(const char *qty)
{
    OrderRequest r;
    r.symbol = QStringLiteral("PEPEUSDT");
    r.side = Side::Buy;
    r.qty = D(qty);
    return r;
}

Fill fill(const QString &id, const QString &client, Side side, const char *price, const char *qty, const char *fee)
{
    Fill f;
    f.fillId = id;
    f.clientId = client;
    f.symbol = QStringLiteral("PEPEUSDT");
    f.side = side;
    f.price = D(price);
    f.qty = D(qty);
    f.fee = D(fee);
    f.feeAsset = QStringLiteral("USDT");
    return f;
}
} // namespace

class TestOrderStateMachine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyTransition()
    {
        using S = OrderStatus;
        // the full table: from → allowed targets
        const QHash<S, QList<S>> allowed = {
            {S::New, {S::Accepted, S::PartiallyFilled, S::Filled, S::Rejected, S::Cancelled, S::Expired, S::Unknown}},
            {S::Accepted, {S::PartiallyFilled, S::Filled, S::Cancelled, S::Expired, S::Unknown}},
            {S::PartiallyFilled, {S::PartiallyFilled, S::Filled, S::Cancelled, S::Expired, S::Unknown}},
            {S::Unknown, {S::Accepted, S::PartiallyFilled, S::Filled, S::Cancelled, S::Rejected, S::Expired}},
            {S::Filled, {}},
            {S::Cancelled, {}},
            {S::Rejected, {}},
            {S::Expired, {}},
        };
        int checked = 0;
        for (S from : kAll) {
            for (S to : kAll) {
                const bool expect = allowed.value(from).contains(to);
                QVERIFY2(OrderStateMachine::canTransition(from, to) == expect,
                         qPrintable(QStringLiteral("%1 -> %2").arg(toString(from), toString(to))));
                ++checked;
            }
        }
        QCOMPARE(checked, 64);
    }

    void clientIdsAreUniqueAndAssignedBeforeSending()
    {
        OrderManager om(QStringLiteral("T"));
        OrderRequest a = buy("1"), b = buy("1");
        const Order oa = om.create(a, 1000), ob = om.create(b, 1000);
        QVERIFY(!a.clientId.isEmpty());
        QCOMPARE(oa.clientId, a.clientId);
        QVERIFY(oa.clientId != ob.clientId);
        QCOMPARE_ENUM(oa.status, OrderStatus::New);
        OrderRequest c = buy("1");
        c.clientId = QStringLiteral("given");
        QCOMPARE(om.create(c, 1000).clientId, QStringLiteral("given"));
    }

    void partialThenFullFillWithVwap()
    {
        OrderManager om;
        OrderRequest r = buy("300");
        om.create(r, 0);
        QVERIFY(om.applyReport({r.clientId, QStringLiteral("V1"), OrderStatus::Accepted, {}, {}, false, 1}, 1));
        auto c1 = om.applyFill(fill(QStringLiteral("f1"), r.clientId, Side::Buy, "0.00001", "100", "0.000001"), 2);
        QVERIFY(c1);
        QCOMPARE_ENUM(c1->order.status, OrderStatus::PartiallyFilled);
        auto c2 = om.applyFill(fill(QStringLiteral("f2"), r.clientId, Side::Buy, "0.00002", "200", "0.000004"), 3);
        QVERIFY(c2);
        QCOMPARE_ENUM(c2->order.status, OrderStatus::Filled);
        // (100 * 0.00001 + 200 * 0.00002) / 300
        QCOMPARE(c2->order.avgPrice.toString(), QStringLiteral("0.000016666666666667"));
        QCOMPARE(c2->order.fees.toString(), QStringLiteral("0.000005"));
        QCOMPARE(c2->order.venueOrderId, QStringLiteral("V1"));
        QVERIFY(om.openOrders().isEmpty());
    }

    void duplicateAndOverfillAndIllegalAreRefused()
    {
        OrderManager om;
        OrderRequest r = buy("10");
        om.create(r, 0);
        QVERIFY(om.applyFill(fill(QStringLiteral("f1"), r.clientId, Side::Buy, "1", "4", "0"), 1));
        const auto replay = om.applyFill(fill(QStringLiteral("f1"), r.clientId, Side::Buy, "1", "4", "0"), 1);
        QVERIFY(!replay.ok());
        QCOMPARE(replay.error().code, QLatin1String(errors::kFillDuplicate));
        const auto over = om.applyFill(fill(QStringLiteral("f2"), r.clientId, Side::Buy, "1", "7", "0"), 1);
        QVERIFY(!over.ok());
        QCOMPARE(over.error().code, QLatin1String(errors::kOrderOverfill));
        QVERIFY(over.error().message.contains(QLatin1String("overfill")));
        QVERIFY(!om.applyFill(fill(QStringLiteral("f3"), QStringLiteral("nope"), Side::Buy, "1", "1", "0"), 1));
        QCOMPARE(om.find(r.clientId)->filledQty.toString(), QStringLiteral("4"));
        // a reject after a partial fill is illegal and changes nothing
        QVERIFY(!om.applyReport({r.clientId, {}, OrderStatus::Rejected, {}, QStringLiteral("late"), false, 2}, 2));
        QCOMPARE_ENUM(om.find(r.clientId)->status, OrderStatus::PartiallyFilled);
        QVERIFY(om.applyReport({r.clientId, {}, OrderStatus::Cancelled, {}, QStringLiteral("user"), false, 3}, 3));
        // a fill that happened just before the cancel took effect is booked; the order stays CANCELLED
        const auto late = om.applyFill(fill(QStringLiteral("f4"), r.clientId, Side::Buy, "1", "1", "0"), 4);
        QVERIFY(late && late->lateFill && !late->statusChanged);
        QCOMPARE_ENUM(late->order.status, OrderStatus::Cancelled);
        QCOMPARE(late->order.filledQty.toString(), QStringLiteral("5"));
        QVERIFY(!om.applyFill(fill(QStringLiteral("f4"), r.clientId, Side::Buy, "1", "1", "0"), 5)); // delivered twice
        QVERIFY(!om.applyFill(fill(QStringLiteral("f5"), r.clientId, Side::Buy, "1", "6", "0"), 5)); // still no overfill
        QVERIFY(om.openOrders().isEmpty());
    }

    void lateFillsOnlyOnCancelledOrExpired()
    {
        for (auto s : {OrderStatus::New, OrderStatus::Accepted, OrderStatus::PartiallyFilled, OrderStatus::Filled,
                       OrderStatus::Cancelled, OrderStatus::Rejected, OrderStatus::Expired, OrderStatus::Unknown})
            QCOMPARE(OrderStateMachine::acceptsLateFill(s), s == OrderStatus::Cancelled || s == OrderStatus::Expired);
        OrderManager om;
        OrderRequest r = buy("10");
        om.create(r, 0);
        QVERIFY(om.applyReport({r.clientId, {}, OrderStatus::Rejected, {}, QStringLiteral("no"), false, 1}, 1));
        QVERIFY(!om.applyFill(fill(QStringLiteral("f1"), r.clientId, Side::Buy, "1", "1", "0"), 2)); // rejected never traded
        OrderRequest e = buy("10");
        om.create(e, 0);
        QVERIFY(om.applyReport({e.clientId, {}, OrderStatus::Expired, {}, {}, false, 1}, 1));
        QVERIFY(om.applyFill(fill(QStringLiteral("f2"), e.clientId, Side::Buy, "1", "10", "0"), 2));
        QCOMPARE_ENUM(om.find(e.clientId)->status, OrderStatus::Expired);
    }

    void repeatedReportIsIdempotent()
    {
        OrderManager om;
        OrderRequest r = buy("1");
        om.create(r, 0);
        auto a = om.applyReport({r.clientId, {}, OrderStatus::Accepted, {}, {}, false, 1}, 1);
        QVERIFY(a && a->statusChanged);
        auto b = om.applyReport({r.clientId, {}, OrderStatus::Accepted, {}, {}, false, 1}, 1);
        QVERIFY(b && !b->statusChanged);
    }

    void unknownOutcomeIsResolvedByQueryNotResent()
    {
        OrderManager om;
        OrderRequest r = buy("1");
        om.create(r, 0);
        auto u = om.markUnknown(r.clientId, 10, QStringLiteral("timeout"));
        QVERIFY(u);
        QCOMPARE_ENUM(u->order.status, OrderStatus::Unknown);
        // the venue answers the query: it has it, filled
        QVERIFY(om.applyFill(fill(QStringLiteral("f1"), r.clientId, Side::Buy, "2", "1", "0"), 11));
        QCOMPARE_ENUM(om.find(r.clientId)->status, OrderStatus::Filled);
        // a second one the venue never saw
        OrderRequest r2 = buy("1");
        om.create(r2, 0);
        (void)om.markUnknown(r2.clientId, 10, QStringLiteral("timeout"));
        ExecutionReport nf{r2.clientId, {}, OrderStatus::Rejected, {}, QStringLiteral("Order does not exist."), true, 12};
        auto res = om.applyReport(nf, 12);
        QVERIFY(res);
        QCOMPARE_ENUM(res->order.status, OrderStatus::Rejected);
        QCOMPARE(res->order.reason, QStringLiteral("Order does not exist."));
    }

    void portfolioAccountingIsExact()
    {
        Portfolio p;
        p.reset(D("1000"));
        QVERIFY(p.applyFill(fill(QStringLiteral("a"), QStringLiteral("c"), Side::Buy, "0.00001", "10000000", "0.1"), 1));
        QCOMPARE(p.cash().toString(), QStringLiteral("899.9"));
        QCOMPARE(p.position(QStringLiteral("PEPEUSDT"))->avgPrice.toString(), QStringLiteral("0.00001"));
        p.mark(QStringLiteral("PEPEUSDT"), D("0.000012"));
        QCOMPARE(p.unrealizedPnl().toString(), QStringLiteral("20"));
        QCOMPARE(p.equity().toString(), QStringLiteral("1019.9"));
        QCOMPARE(p.equity() - p.startingEquity(), p.realizedPnl() + p.unrealizedPnl());
        QVERIFY(p.applyFill(fill(QStringLiteral("b"), QStringLiteral("d"), Side::Sell, "0.000012", "4000000", "0.048"), 2));
        QCOMPARE(p.realizedPnl().toString(), QStringLiteral("7.852")); // 8 - 0.1 - 0.048
        QCOMPARE(p.equity() - p.startingEquity(), p.realizedPnl() + p.unrealizedPnl());
        const Result<void> oversold = p.applyFill(fill(QStringLiteral("c"), QStringLiteral("e"), Side::Sell, "1", "7000000", "0"), 3);
        QVERIFY(!oversold.ok());
        QCOMPARE(oversold.error().code, QLatin1String(errors::kPositionOversold));
        QVERIFY(oversold.error().message.contains(QLatin1String("exceeds")));
        QCOMPARE(p.openPositionCount(), 1);
        QVERIFY(p.applyFill(fill(QStringLiteral("d"), QStringLiteral("f"), Side::Sell, "0.00001", "6000000", "0.06"), 4));
        QCOMPARE(p.openPositionCount(), 0);
        QCOMPARE(p.cash().toString(), QStringLiteral("1007.792")); // 1000 + realized 7.792
    }

    void aFeeInTheTokenComesOutOfThePosition()
    {
        // Binance without BNB: a buy's commission is taken from the tokens bought.
        Portfolio p;
        p.reset(D("1000"));
        Fill buy = fill(QStringLiteral("a"), QStringLiteral("c"), Side::Buy, "0.00001", "10000000", "10000");
        buy.feeAsset = QStringLiteral("PEPE");
        QVERIFY(buy.feeInBase());
        QVERIFY(p.applyFill(buy, 1));
        QCOMPARE(p.position(QStringLiteral("PEPEUSDT"))->qty.toString(), QStringLiteral("9990000")); // what the exchange credits
        QCOMPARE(p.cash().toString(), QStringLiteral("900"));                                        // no quote fee
        QCOMPARE(p.position(QStringLiteral("PEPEUSDT"))->fees.toString(), QStringLiteral("0.1"));   // its value, for display
        p.mark(QStringLiteral("PEPEUSDT"), D("0.00001"));
        QCOMPARE(p.unrealizedPnl().toString(), QStringLiteral("-0.1")); // the fee, as fewer tokens
        QCOMPARE(p.equity() - p.startingEquity(), p.realizedPnl() + p.unrealizedPnl());
        // Selling everything the exchange holds closes the position exactly.
        QVERIFY(p.applyFill(fill(QStringLiteral("b"), QStringLiteral("d"), Side::Sell, "0.000012", "9990000", "0.11988"), 2));
        QCOMPARE(p.openPositionCount(), 0);
        QCOMPARE(p.realizedPnl().toString(), QStringLiteral("19.76012")); // 119.88 proceeds - 100 cost - 0.11988 fee
        QCOMPARE(p.equity() - p.startingEquity(), p.realizedPnl() + p.unrealizedPnl());
        Fill quote = fill(QStringLiteral("e"), QStringLiteral("f"), Side::Buy, "1", "1", "0.001");
        quote.feeAsset = QStringLiteral("USDT");
        QVERIFY(!quote.feeInBase());
    }

    void aFeeInBnbIsCountedAtItsValueOutsideTheCash()
    {
        // The BNB discount: the commission leaves the BNB balance, not the USDT or the tokens.
        Portfolio p;
        p.reset(D("1000"));
        Fill buy = fill(QStringLiteral("a"), QStringLiteral("c"), Side::Buy, "0.00001", "10000000", "0.000125");
        buy.feeAsset = QStringLiteral("BNB");
        buy.feeValue = D("0.075"); // 0.000125 BNB at 600
        QVERIFY(buy.feeInOtherAsset());
        QVERIFY(!buy.feeInBase());
        QCOMPARE(buy.feeInQuote(), D("0.075"));
        QVERIFY(p.applyFill(buy, 1));
        QCOMPARE(p.cash(), D("900"));                                          // only the cost
        QCOMPARE(p.position(QStringLiteral("PEPEUSDT"))->qty, D("10000000"));  // every token bought
        QCOMPARE(p.position(QStringLiteral("PEPEUSDT"))->fees, D("0.075"));
        QCOMPARE(p.realizedPnl(), D("-0.075"));                                // the fee is a cost all the same
        QCOMPARE(p.startingEquity(), D("1000.075"));                           // brought in and spent at once
        p.mark(QStringLiteral("PEPEUSDT"), D("0.00001"));
        QCOMPARE(p.equity() - p.startingEquity(), p.realizedPnl() + p.unrealizedPnl());
        // Its value unknown (no price): nothing is counted, nothing is invented.
        Fill unpriced = fill(QStringLiteral("b"), QStringLiteral("d"), Side::Sell, "0.00001", "1000000", "0.0000125");
        unpriced.feeAsset = QStringLiteral("BNB");
        QVERIFY(p.applyFill(unpriced, 2));
        QCOMPARE(p.cash(), D("910"));
        QCOMPARE(p.equity() - p.startingEquity(), p.realizedPnl() + p.unrealizedPnl());
        // The audit replays it the same way: the stored cash agrees with the fills.
        JournalAudit audit(QStringLiteral("USDT"), p.startingEquity());
        QVERIFY(audit.addFill(buy));
        QVERIFY(audit.addFill(unpriced));
        JournalSnapshot journal;
        journal.balances.insert(QStringLiteral("USDT"), p.cash());
        journal.positions = p.allPositions();
        journal.fillCount = 2;
        QCOMPARE(audit.compare(journal), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestOrderStateMachine)
#include "test_orderstatemachine.moc"
