// The simulated fill model on its own: single-threaded, driven by the books it is fed and the
// clock it is given, emitting every outcome in order. (The paper venue's tests drive the same
// model through the ExecutionClient port.)
#include "engine/execution/simulatedvenue.h"

#include "tests/support/enumprinters.h"

#include <QTest>

using namespace engine;

namespace {
Decimal D(const char *s) { return Decimal::fromString(s); }

Instrument meme()
{
    return Instrument{QStringLiteral("MEMEUSDT"), QStringLiteral("MEME"), QStringLiteral("USDT"), D("0.0001"), D("1"), D("5")};
}

BookUpdate book(qint64 ts)
{
    BookUpdate b;
    b.symbol = QStringLiteral("MEMEUSDT");
    b.bids = {{D("0.0999"), D("1000")}};
    b.asks = {{D("0.1000"), D("600")}, {D("0.1010"), D("1000")}};
    b.tsMs = ts;
    return b;
}
} // namespace

class TestSimulatedVenue : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void iocFokAndLimitMakerFollowTheirRules()
    {
        EventClock clock(1'000);
        QList<SimulatedVenue::Event> events;
        SimVenueConfig config;
        config.initialBalances.insert(QStringLiteral("USDT"), D("1000"));
        SimulatedVenue venue(config, &clock, [&](SimulatedVenue::Event e) { events << e; });
        venue.onInstruments({meme()});
        venue.onBook(book(1'000));
        const auto order = [](const char *id, OrderType type, TimeInForce tif, const char *qty, const char *price) {
            OrderRequest r;
            r.clientId = QLatin1String(id);
            r.symbol = QStringLiteral("MEMEUSDT");
            r.side = Side::Buy;
            r.type = type;
            r.timeInForce = tif;
            r.qty = D(qty);
            r.limitPrice = D(price);
            return r;
        };
        const auto fillsOf = [&events](const char *id) {
            Decimal total;
            for (const auto &e : events)
                if (const auto *f = std::get_if<Fill>(&e); f && f->clientId == QLatin1String(id))
                    total += f->qty;
            return total;
        };
        const auto lastStatus = [&events](const char *id) {
            OrderStatus s = OrderStatus::New;
            for (const auto &e : events)
                if (const auto *r = std::get_if<ExecutionReport>(&e); r && r->clientId == QLatin1String(id))
                    s = r->status;
            return s;
        };
        // IOC: takes the 600 at 0.1000 within its limit, the rest expires instead of resting.
        venue.submit(order("ioc", OrderType::Limit, TimeInForce::Ioc, "1000", "0.1000"));
        QCOMPARE(fillsOf("ioc"), D("600"));
        QCOMPARE(int(lastStatus("ioc")), int(OrderStatus::Expired));
        // FOK: a fresh book has only 600 within 0.1000, not 1200: nothing trades.
        venue.onBook(book(2'000));
        venue.submit(order("fok", OrderType::Limit, TimeInForce::Fok, "1200", "0.1000"));
        QCOMPARE(fillsOf("fok"), Decimal());
        QCOMPARE(int(lastStatus("fok")), int(OrderStatus::Expired));
        // FOK that fits: all of it at once.
        venue.submit(order("fok2", OrderType::Limit, TimeInForce::Fok, "600", "0.1000"));
        QCOMPARE(fillsOf("fok2"), D("600"));
        QCOMPARE(int(lastStatus("fok2")), int(OrderStatus::Filled));
        // LIMIT_MAKER at or through the ask would take: refused; below it, it rests.
        venue.onBook(book(3'000));
        venue.submit(order("mk1", OrderType::LimitMaker, TimeInForce::Gtc, "100", "0.1000"));
        QCOMPARE(int(lastStatus("mk1")), int(OrderStatus::Rejected));
        venue.submit(order("mk2", OrderType::LimitMaker, TimeInForce::Gtc, "100", "0.0990"));
        QCOMPARE(int(lastStatus("mk2")), int(OrderStatus::Accepted));
        QCOMPARE(fillsOf("mk2"), Decimal());
    }

    void aMarketBuyWalksTheBookWithSlippageAndFeesInOrder()
    {
        EventClock clock(1'000);
        QList<SimulatedVenue::Event> events;
        SimVenueConfig config;
        config.initialBalances.insert(QStringLiteral("USDT"), D("1000"));
        config.idTag = QStringLiteral("T");
        config.marketSlippageBps = D("10"); // 0.1 %
        SimulatedVenue venue(config, &clock, [&](SimulatedVenue::Event e) { events << e; });
        venue.onInstruments({meme()});
        venue.onBook(book(1'000));
        events.clear();

        OrderRequest r;
        r.clientId = QStringLiteral("C1");
        r.symbol = QStringLiteral("MEMEUSDT");
        r.side = Side::Buy;
        r.qty = D("1000");
        venue.submit(r);

        // accepted, two fills (600 at the first level, 400 at the second), filled, then balances
        QCOMPARE(events.size(), 5);
        QCOMPARE(int(std::get<ExecutionReport>(events[0]).status), int(OrderStatus::Accepted));
        const Fill f1 = std::get<Fill>(events[1]);
        const Fill f2 = std::get<Fill>(events[2]);
        QCOMPARE(f1.price.toString(), QStringLiteral("0.1001"));  // 0.1000 x 1.001
        QCOMPARE(f1.qty.toString(), QStringLiteral("600"));
        QCOMPARE(f2.price.toString(), QStringLiteral("0.101101")); // 0.1010 x 1.001
        QCOMPARE(f2.qty.toString(), QStringLiteral("400"));
        QCOMPARE(f1.fee, f1.price * f1.qty * D("0.001"));
        QCOMPARE(f1.tsMs, 1'000);
        QCOMPARE(int(std::get<ExecutionReport>(events[3]).status), int(OrderStatus::Filled));
        const auto balances = std::get<SimulatedVenue::Balances>(events[4]);
        const Decimal spent = f1.price * f1.qty + f1.fee + f2.price * f2.qty + f2.fee;
        QCOMPARE(balances.value(QStringLiteral("USDT")), D("1000") - spent);
        QCOMPARE(balances.value(QStringLiteral("MEME")).toString(), QStringLiteral("1000"));
        QCOMPARE(venue.ledger().free(QStringLiteral("MEME")).toString(), QStringLiteral("1000"));
    }

    void aMarketOrderByAmountSpendsNoMoreThanTheAmount()
    {
        EventClock clock(1'000);
        QList<SimulatedVenue::Event> events;
        SimVenueConfig config;
        config.initialBalances.insert(QStringLiteral("USDT"), D("1000"));
        config.initialBalances.insert(QStringLiteral("MEME"), D("500"));
        config.marketSlippageBps = D("0");
        SimulatedVenue venue(config, &clock, [&](SimulatedVenue::Event e) { events << e; });
        venue.onInstruments({meme()});
        venue.onBook(book(1'000));
        events.clear();
        const auto byAmount = [](const char *id, Side side, const char *amount) {
            OrderRequest r;
            r.clientId = QLatin1String(id);
            r.symbol = QStringLiteral("MEMEUSDT");
            r.side = side;
            r.quoteQty = D(amount);
            return r;
        };
        const auto fillsOf = [&events](const char *id) {
            QList<Fill> out;
            for (const auto &e : events)
                if (const auto *f = std::get_if<Fill>(&e); f && f->clientId == QLatin1String(id))
                    out << *f;
            return out;
        };
        const auto lastReport = [&events](const char *id) {
            ExecutionReport last;
            for (const auto &e : events)
                if (const auto *r = std::get_if<ExecutionReport>(&e); r && r->clientId == QLatin1String(id))
                    last = *r;
            return last;
        };

        // 70 USDT: 600 at 0.1000 (60), then 99 at 0.1010 (9.999); the 0.001 left buys no lot.
        venue.submit(byAmount("amt", Side::Buy, "70"));
        const QList<Fill> buys = fillsOf("amt");
        QCOMPARE(buys.size(), 2);
        QCOMPARE(buys[0].qty, D("600"));
        QCOMPARE(buys[1].qty, D("99"));
        QCOMPARE(buys[1].price, D("0.1010"));
        const Decimal spent = buys[0].price * buys[0].qty + buys[1].price * buys[1].qty;
        QCOMPARE(spent, D("69.999"));
        QCOMPARE_ENUM(lastReport("amt").status, OrderStatus::Filled);
        QCOMPARE(lastReport("amt").filledQty, D("699"));
        QCOMPARE(venue.ledger().free(QStringLiteral("USDT")), D("1000") - spent - spent * D("0.001"));

        // Selling for 20 USDT at the 0.0999 bid: 200 MEME (19.98), from the 500 held.
        venue.submit(byAmount("sellamt", Side::Sell, "20"));
        const QList<Fill> sells = fillsOf("sellamt");
        QCOMPARE(sells.size(), 1);
        QCOMPARE(sells[0].qty, D("200"));
        QCOMPARE_ENUM(lastReport("sellamt").status, OrderStatus::Filled);

        // Refused before anything trades: below the minimum, not MARKET, both a quantity and an amount.
        venue.submit(byAmount("tiny", Side::Buy, "4"));
        QCOMPARE_ENUM(lastReport("tiny").status, OrderStatus::Rejected);
        OrderRequest limit = byAmount("lim", Side::Buy, "10");
        limit.type = OrderType::Limit;
        limit.limitPrice = D("0.1");
        venue.submit(limit);
        QCOMPARE_ENUM(lastReport("lim").status, OrderStatus::Rejected);
        OrderRequest both = byAmount("both", Side::Buy, "10");
        both.qty = D("10");
        venue.submit(both);
        QCOMPARE_ENUM(lastReport("both").status, OrderStatus::Rejected);
        // More than the account holds: refused with the balance named.
        venue.submit(byAmount("rich", Side::Buy, "5000"));
        QCOMPARE_ENUM(lastReport("rich").status, OrderStatus::Rejected);
        QVERIFY(lastReport("rich").message.contains(QStringLiteral("insufficient balance")));
        venue.submit(byAmount("oversell", Side::Sell, "100")); // about 1000 MEME, 300 held
        QCOMPARE_ENUM(lastReport("oversell").status, OrderStatus::Rejected);
    }

    void theSameInputGivesTheSameFills()
    {
        auto run = [] {
            EventClock clock(5'000);
            QStringList out;
            SimVenueConfig config;
            config.initialBalances.insert(QStringLiteral("USDT"), D("1000"));
            config.idTag = QStringLiteral("T");
            SimulatedVenue venue(config, &clock, [&](SimulatedVenue::Event e) {
                if (const Fill *f = std::get_if<Fill>(&e))
                    out << f->fillId + QLatin1Char(' ') + f->price.toString() + QLatin1Char(' ') + f->qty.toString();
            });
            venue.onInstruments({meme()});
            OrderRequest r;
            r.clientId = QStringLiteral("L1");
            r.symbol = QStringLiteral("MEMEUSDT");
            r.side = Side::Buy;
            r.type = OrderType::Limit;
            r.limitPrice = D("0.0995");
            r.qty = D("500");
            venue.submit(r); // rests: no book yet
            for (int i = 0; i < 5; ++i) {
                BookUpdate b = book(5'000 + i);
                b.asks = {{D("0.0990") + Decimal::fromRaw(i), D("120")}};
                b.bids = {{D("0.0980"), D("100")}};
                clock.advanceTo(5'000 + i);
                venue.onBook(b);
            }
            return out;
        };
        const QStringList first = run();
        QCOMPARE(first.size(), 5);
        QCOMPARE(first.first(), QStringLiteral("P-T-1 0.0995 120")); // maker: fills at its own limit
        QCOMPARE(run(), first);
    }
};

QTEST_GUILESS_MAIN(TestSimulatedVenue)
#include "test_simulatedvenue.moc"
