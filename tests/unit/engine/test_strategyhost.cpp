// Strategies as plug-ins of the engine (StrategyHost) and the market cache they read (MarketState).
#include "engine/kernel/marketstate.h"
#include "engine/strategy/strategyhost.h"

#include <QTest>

using namespace engine;

namespace {
Decimal D(const char *s) { return Decimal::fromString(s); }

//! Proposes one buy per signal, and remembers the parameters it was given.
class Always final : public Strategy {
public:
    explicit Always(QString name) : m_name(std::move(name)) {}
    QString name() const override { return m_name; }
    QList<OrderRequest> onSignal(const Signal &s, const StrategyContext &) override
    {
        OrderRequest r;
        r.symbol = s.symbol;
        r.qty = D("1");
        return {r};
    }
    void configure(const StrategyParams &p) override { lastEntry = p.entryScore; }
    double lastEntry = 0;

private:
    QString m_name;
};

Signal signalFor(const char *symbol)
{
    Signal s;
    s.symbol = QLatin1String(symbol);
    return s;
}

Candle candle(qint64 openMs, const char *close)
{
    Candle c;
    c.symbol = QStringLiteral("PEPEUSDT");
    c.openTimeMs = openMs;
    c.open = c.high = c.low = c.close = D(close);
    c.volume = D("100");
    return c;
}
} // namespace

class TestStrategyHost : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyStrategyThatWantsTheSymbolProposesTaggedOrders()
    {
        StrategyHost host;
        QVERIFY(host.addStrategy(std::make_unique<Always>(QStringLiteral("a"))));
        QVERIFY(host.addStrategy(std::make_unique<Always>(QStringLiteral("b")), {QStringLiteral("WIFUSDT")}));
        QVERIFY(!host.addStrategy(std::make_unique<Always>(QStringLiteral("a")))); // names are unique
        QCOMPARE(host.names(), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));

        auto orders = host.onSignal(signalFor("PEPEUSDT"), {});
        QCOMPARE(orders.size(), 1);
        QCOMPARE(orders.first().strategy, QStringLiteral("a"));
        orders = host.onSignal(signalFor("WIFUSDT"), {});
        QCOMPARE(orders.size(), 2);
        QCOMPARE(orders.last().strategy, QStringLiteral("b"));

        QVERIFY(host.setEnabled(QStringLiteral("a"), false));
        QCOMPARE(host.onSignal(signalFor("PEPEUSDT"), {}).size(), 0);
        QVERIFY(!host.setEnabled(QStringLiteral("nope"), false));
    }

    void configurationReachesEveryStrategy()
    {
        StrategyHost host;
        auto *a = new Always(QStringLiteral("a"));
        host.addStrategy(std::unique_ptr<Strategy>(a));
        StrategyParams p;
        p.entryScore = 0.77;
        host.configure(p);
        QCOMPARE(a->lastEntry, 0.77);
    }

    void marketStateValidatesAndKeepsFeatures()
    {
        StrategyParams params;
        params.emaFast = 2;
        params.emaSlow = 3;
        params.rsiPeriod = 2;
        MarketState m(params);
        QCOMPARE(m.addInstruments({Instrument{QStringLiteral("PEPEUSDT"), QStringLiteral("PEPE"), QStringLiteral("USDT"),
                                              D("0.0001"), D("1"), D("5")},
                                   Instrument{QStringLiteral("BAD"), {}, {}, Decimal(), Decimal(), Decimal()}}),
                 1);
        QCOMPARE(m.baseAsset(QStringLiteral("PEPEUSDT")), QStringLiteral("PEPE"));
        QCOMPARE(m.symbolOfToken(QStringLiteral("pepe"), QStringLiteral("USDT")), QStringLiteral("PEPEUSDT"));
        for (int i = 0; i < 5; ++i)
            QVERIFY(m.addCandle(candle(i * 60'000, i % 2 ? "1.1" : "1.0")));
        QVERIFY(!m.addCandle(candle(2 * 60'000, "9"))); // a replay changes nothing
        Candle broken = candle(9 * 60'000, "1");
        broken.high = D("0.5");
        QVERIFY(!m.addCandle(broken));
        QCOMPARE(m.candles().value(QStringLiteral("PEPEUSDT")).size(), 5);
        QVERIFY(m.features(QStringLiteral("PEPEUSDT")).isReady());
        const double before = m.features(QStringLiteral("PEPEUSDT")).momentum();
        // new periods: features are rebuilt from the kept candles, not lost
        params.emaSlow = 4;
        m.configure(params);
        QVERIFY(m.features(QStringLiteral("PEPEUSDT")).isReady());
        QVERIFY(m.features(QStringLiteral("PEPEUSDT")).momentum() != before);
        QCOMPARE(m.droppedInputs(), quint64(2)); // the bad instrument and the broken candle
    }
};

QTEST_GUILESS_MAIN(TestStrategyHost)
#include "test_strategyhost.moc"
