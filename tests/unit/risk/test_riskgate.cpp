// The pre-trade gate, the daily-loss breaker and the protective exits.
#include "engine/risk/exitmanager.h"
#include "engine/risk/riskgate.h"

#include "tests/support/enumprinters.h"

#include <QSet>
#include <QTest>

using namespace engine;

namespace {
Decimal D(const char *s) { return Decimal::fromString(s); }

OrderRequest order(Side side, const char *qty, bool reduceOnly = false)
{
    OrderRequest r;
    r.symbol = QStringLiteral("WOJAKUSDT");
    r.side = side;
    r.qty = D(qty);
    r.reduceOnly = reduceOnly;
    return r;
}

RiskContext ctx(const char *price = "0.01", const char *cash = "10000")
{
    RiskContext c;
    c.referencePrice = D(price);
    c.cash = D(cash);
    return c;
}

RiskLimits limits()
{
    RiskLimits l;
    l.maxOrderNotional = D("1000");
    l.maxOpenPositions = 2;
    l.dailyLossLimit = D("300");
    l.maxOrdersPerMinute = 3;
    return l;
}
} // namespace

class TestRiskGate : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void allowsAnOrderInsideTheLimits()
    {
        RiskGate g(limits());
        QVERIFY(!g.check(order(Side::Buy, "50000"), ctx(), 0)); // 500 USDT
    }

    void anOrderByAmountIsCheckedByItsAmount()
    {
        RiskGate g(limits());
        OrderRequest buy = order(Side::Buy, "0");
        buy.quoteQty = D("500");
        QVERIFY(!g.check(buy, ctx(), 0));
        buy.quoteQty = D("1500"); // over the 1000 per order, whatever the price
        QCOMPARE(g.check(buy, ctx(), 0)->codeName(), Denial::codeName(Denial::Code::NotionalExceedsMax));
        buy.quoteQty = D("900");
        QCOMPARE(g.check(buy, ctx("0.01", "500"), 0)->codeName(), Denial::codeName(Denial::Code::InsufficientCash));
        // A sale by amount sells about amount / price: that much must be held.
        OrderRequest sell = order(Side::Sell, "0");
        sell.quoteQty = D("100"); // about 10000 at 0.01
        RiskContext holding = ctx();
        holding.hasPosition = true;
        holding.positionQty = D("9999");
        QCOMPARE(g.check(sell, holding, 0)->codeName(), Denial::codeName(Denial::Code::SellExceedsPosition));
        holding.positionQty = D("10000");
        QVERIFY(!g.check(sell, holding, 0));
        // Sized twice, or by amount on a limit order: not a valid order.
        OrderRequest both = order(Side::Buy, "10");
        both.quoteQty = D("10");
        QCOMPARE(g.check(both, ctx(), 0)->codeName(), Denial::codeName(Denial::Code::InvalidQuantity));
        OrderRequest limit = order(Side::Buy, "0");
        limit.quoteQty = D("10");
        limit.type = OrderType::Limit;
        limit.limitPrice = D("0.01");
        QCOMPARE(g.check(limit, ctx(), 0)->codeName(), Denial::codeName(Denial::Code::InvalidQuantity));
    }

    void deniesWithReadableReasons()
    {
        RiskGate g(limits());
        auto reason = [&](const OrderRequest &r, const RiskContext &c) {
            const auto d = g.check(r, c, 0);
            return d ? d->message() : QString();
        };
        QVERIFY(reason(order(Side::Buy, "200000"), ctx()).contains(QLatin1String("exceeds the limit of 1000.00")));
        QVERIFY(reason(order(Side::Buy, "0"), ctx()).contains(QLatin1String("quantity must be positive")));
        QVERIFY(reason(order(Side::Buy, "1"), ctx("0")).contains(QLatin1String("no market price")));
        QVERIFY(reason(order(Side::Buy, "50000"), ctx("0.01", "100")).contains(QLatin1String("insufficient cash")));
        RiskContext full = ctx();
        full.openPositions = 2;
        QVERIFY(reason(order(Side::Buy, "1000"), full).contains(QLatin1String("max open positions (2)")));
        full.hasPosition = true; // adding to an existing position is not a new one
        full.positionQty = D("5");
        QVERIFY(!g.check(order(Side::Buy, "1000"), full, 0));
        QVERIFY(reason(order(Side::Sell, "6"), full).contains(QLatin1String("exceeds the position")));
        RiskContext blocked = ctx();
        blocked.symbolBlocked = true;
        QVERIFY(reason(order(Side::Buy, "1"), blocked).contains(QLatin1String("unknown outcome")));
    }

    void denialsAreTypedWithStableCodesAndFields()
    {
        RiskGate g(limits());
        const auto big = g.check(order(Side::Buy, "200000"), ctx(), 0); // 2,000 USDT at 0.01
        QVERIFY(big);
        QCOMPARE(int(big->code), int(Denial::Code::NotionalExceedsMax));
        QCOMPARE(big->toLogString(), QStringLiteral("NOTIONAL_EXCEEDS_MAX_PER_ORDER max=1000.00 requested=2000.00"));
        QCOMPARE(big->field(QStringLiteral("requested")), QStringLiteral("2000.00"));
        const auto poor = g.check(order(Side::Buy, "50000"), ctx("0.01", "100"), 0);
        QCOMPARE(poor->toLogString(), QStringLiteral("INSUFFICIENT_CASH needed=500.50 available=100.00"));
        RiskContext full = ctx();
        full.openPositions = 2;
        QCOMPARE(g.check(order(Side::Buy, "1000"), full, 0)->toLogString(), QStringLiteral("MAX_OPEN_POSITIONS_REACHED max=2"));
        // every code has its own stable name
        QSet<QString> names;
        for (int c = 0; c <= int(Denial::Code::InsufficientCash); ++c)
            names.insert(Denial::codeName(Denial::Code(c)));
        QCOMPARE(names.size(), int(Denial::Code::InsufficientCash) + 1);
    }

    void orderRateLimit()
    {
        RiskGate g(limits());
        for (int i = 0; i < 3; ++i) {
            QVERIFY(!g.check(order(Side::Buy, "100"), ctx(), 1000 + i));
            g.recordSubmission(1000 + i);
        }
        const auto rate = g.check(order(Side::Buy, "100"), ctx(), 1003);
        QVERIFY(rate && rate->message().contains(QLatin1String("rate limit")));
        QCOMPARE(rate->toLogString(), QStringLiteral("ORDER_RATE_EXCEEDED max_per_minute=3"));
        // a minute later the window has moved on
        QVERIFY(!g.check(order(Side::Buy, "100"), ctx(), 61'500));
    }

    void dailyLossHaltsButLetsExitsOut()
    {
        RiskGate g(limits());
        const qint64 day = 86'400'000;
        QVERIFY(!g.updateDailyPnl(D("10000"), 5 * day + 1));
        QCOMPARE_ENUM(g.state(), TradingState::Active);
        QVERIFY(!g.updateDailyPnl(D("9700.01"), 5 * day + 2)); // -299.99: still inside
        QVERIFY(g.updateDailyPnl(D("9700"), 5 * day + 3));     // -300: halted
        QCOMPARE_ENUM(g.state(), TradingState::Halted);
        QVERIFY(g.stateReason().contains(QLatin1String("daily loss limit of 300.00")));
        const auto denied = g.check(order(Side::Buy, "100"), ctx(), 5 * day + 4);
        QVERIFY(denied && denied->message().startsWith(QLatin1String("trading halted")));
        QCOMPARE(denied->codeName(), QStringLiteral("TRADING_HALTED"));
        QVERIFY(denied->field(QStringLiteral("reason")).contains(QLatin1String("daily loss limit")));
        RiskContext holding = ctx();
        holding.hasPosition = true;
        holding.positionQty = D("100");
        QVERIFY(!g.check(order(Side::Sell, "100", true), holding, 5 * day + 4)); // protective exit
        // next UTC day the budget starts again
        QVERIFY(g.updateDailyPnl(D("9700"), 6 * day + 1));
        QCOMPARE_ENUM(g.state(), TradingState::Active);
        QCOMPARE(g.pnlToday(D("9700")).toString(), QStringLiteral("0"));
    }

    void reducingAllowsOnlySells()
    {
        RiskGate g(limits());
        g.setState(TradingState::Reducing, QStringLiteral("test"));
        const auto reducing = g.check(order(Side::Buy, "1"), ctx(), 0);
        QVERIFY(reducing && reducing->message().contains(QLatin1String("reducing")));
        QCOMPARE(reducing->codeName(), QStringLiteral("TRADING_REDUCING_ONLY"));
        RiskContext holding = ctx();
        holding.hasPosition = true;
        holding.positionQty = D("10");
        QVERIFY(!g.check(order(Side::Sell, "10"), holding, 0));
    }

    void exits()
    {
        RiskLimits l; // SL 8 %, TP 25 %, trail 10 %
        Position p;
        p.symbol = QStringLiteral("WOJAKUSDT");
        p.qty = D("1000");
        p.avgPrice = D("1");
        p.peakPrice = D("1");
        p.lastPrice = D("0.95");
        QVERIFY(!ExitManager::check(p, l));
        p.lastPrice = D("0.92");
        auto sl = ExitManager::check(p, l);
        QVERIFY(sl);
        QCOMPARE(sl->strategy, QStringLiteral("exit:stop_loss"));
        QCOMPARE(sl->qty, p.qty);
        QVERIFY(sl->reduceOnly);
        QCOMPARE_ENUM(sl->side, Side::Sell);
        p.lastPrice = D("1.25");
        QCOMPARE(ExitManager::check(p, l)->strategy, QStringLiteral("exit:take_profit"));
        // trailing: armed once the peak is 10 % up, fires 10 % under the peak
        p.peakPrice = D("1.2");
        p.lastPrice = D("1.081"); // above 1.2 * 0.9 = 1.08
        QVERIFY(!ExitManager::check(p, l));
        p.lastPrice = D("1.08");
        QCOMPARE(ExitManager::check(p, l)->strategy, QStringLiteral("exit:trailing_stop"));
        p.peakPrice = D("1.05"); // never armed
        p.lastPrice = D("0.97");
        QVERIFY(!ExitManager::check(p, l));
        p.qty = Decimal();
        p.lastPrice = D("0.5");
        QVERIFY(!ExitManager::check(p, l)); // flat: nothing to exit
    }
};

QTEST_GUILESS_MAIN(TestRiskGate)
#include "test_riskgate.moc"
