// The pieces of `memedesk evaluate` below the command: order latency in simulated time, the
// in-memory research journal's write-ahead acknowledgements, round trips and their metrics, and
// the confidence intervals of the report.
#include "adapters/demo/evaluation/accountrecord.h"
#include "adapters/demo/evaluation/evaluationreport.h"
#include "adapters/demo/evaluation/latencyvenue.h"
#include "adapters/demo/evaluation/researchjournal.h"

#include <QTest>

using namespace adapters::demo::evaluation;
using engine::Decimal;

namespace {

Decimal D(const char *s) { return Decimal::fromString(s); }
const QString kSym = QStringLiteral("PEPE2USDT");

engine::BookUpdate book(qint64 ts, const char *bid, const char *ask)
{
    engine::BookUpdate b;
    b.symbol = kSym;
    b.tsMs = ts;
    b.bids = {{D(bid), D("1000000")}};
    b.asks = {{D(ask), D("1000000")}};
    return b;
}

class Recorder final : public engine::ExecutionSink {
public:
    void onExecutionReport(const engine::ExecutionReport &r) override { reports.append(r); }
    void onFill(const engine::Fill &f) override { fills.append(f); }
    void onBalances(const QHash<QString, Decimal> &) override {}
    void onExecutionError(const engine::AdapterError &) override {}
    QList<engine::ExecutionReport> reports;
    QList<engine::Fill> fills;
};

engine::Fill fill(engine::Side side, const char *price, const char *qty, qint64 ts)
{
    engine::Fill f;
    f.symbol = kSym;
    f.side = side;
    f.price = D(price);
    f.qty = D(qty);
    f.fee = f.price * f.qty * D("0.001");
    f.feeAsset = QStringLiteral("USDT");
    f.tsMs = ts;
    return f;
}

} // namespace

class TestLatencyVenue : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void ordersArriveAfterTheirLatencyInSimulatedTime()
    {
        engine::EventClock clock(1000);
        engine::SimVenueConfig config;
        config.initialBalances.insert(QStringLiteral("USDT"), Decimal::fromInt(10000));
        config.idTag = QStringLiteral("t");
        LatencyVenue venue(config, &clock, 250);
        Recorder sink;
        venue.setExecutionSink(&sink);
        venue.onInstruments({{kSym, QStringLiteral("PEPE2"), QStringLiteral("USDT"), D("0.0001"), D("1"), D("5")}});
        venue.onBook(book(1000, "1.0000", "1.0010"));
        engine::OrderRequest r;
        r.clientId = QStringLiteral("c1");
        r.symbol = kSym;
        r.side = engine::Side::Buy;
        r.qty = D("100");
        venue.submit(r);
        venue.onBook(book(1200, "1.0100", "1.0110")); // before it arrives at 1250: not worked
        venue.deliver();
        QVERIFY(sink.reports.isEmpty() && sink.fills.isEmpty());
        venue.query(QStringLiteral("c1"), kSym); // still on its way: the venue cannot know it yet
        venue.deliver();
        QVERIFY(sink.reports.isEmpty());
        venue.onBook(book(1999, "1.0200", "1.0210")); // the first book at or after its arrival prices it
        venue.deliver();
        QCOMPARE(sink.fills.size(), 1);
        QCOMPARE(sink.fills.first().tsMs, 1999);
        QVERIFY(sink.fills.first().price >= D("1.0210"));
        QVERIFY(!sink.reports.isEmpty());
    }

    void researchJournalAcknowledgesInWriteOrder()
    {
        struct Sink final : engine::TradeStoreSink {
            QStringList seen;
            void onOrderDurable(const engine::Order &o) override { seen << QStringLiteral("order ") + o.clientId; }
            void onFillDurable(const engine::Fill &f) override { seen << QStringLiteral("fill ") + f.fillId; }
            void onOrderNotDurable(const engine::Order &, const QString &) override {}
            void onFillNotDurable(const engine::Fill &, const QString &) override {}
            void onStoreError(const QString &) override {}
        } sink;
        ResearchJournal journal;
        journal.setStoreSink(&sink);
        engine::Order o;
        o.clientId = QStringLiteral("a");
        journal.saveOrder(o);
        QVERIFY(sink.seen.isEmpty()); // never from inside the write
        engine::FillChange change;
        change.fill.fillId = QStringLiteral("f1");
        change.order.clientId = QStringLiteral("a");
        journal.saveFillChange(change);
        QVERIFY(journal.deliver());
        QCOMPARE(sink.seen, (QStringList{QStringLiteral("order a"), QStringLiteral("fill f1"), QStringLiteral("order a")}));
        QVERIFY(!journal.deliver());
        QCOMPARE(journal.fills().size(), 1);
    }

    void roundTripsAndMetrics()
    {
        AccountRecord record(Decimal::fromInt(1000));
        record.onFill(fill(engine::Side::Buy, "1", "100", 1), QStringLiteral("organic_pump"));
        record.sample(60'000, D("1000"), true);
        record.onFill(fill(engine::Side::Sell, "1.5", "100", 2), QString());
        record.sample(120'000, D("1049.75"), false);
        record.onFill(fill(engine::Side::Buy, "2", "10", 3), QStringLiteral("rug_pull"));
        record.sample(180'000, D("1039.73"), true);
        record.finish({{kSym, D("1")}});
        const AccountMetrics m = accountMetrics(record);
        QCOMPARE(m.trades, 2);
        QCOMPARE(m.winRatePct, 100.0); // one closed trip, a winner; the open one is not counted
        QCOMPARE(m.entriesByRegime.value(QStringLiteral("rug_pull")), 1);
        QVERIFY(qAbs(m.pnlByRegime.value(QStringLiteral("organic_pump")) - (150 - 0.15 - 100 - 0.1)) < 1e-9);
        QVERIFY(qAbs(m.pnlByRegime.value(QStringLiteral("rug_pull")) - (10 - 20 - 0.02)) < 1e-9);
        QVERIFY(qAbs(m.returnPct - 3.973) < 1e-9);
        QCOMPARE(m.exposurePct, 200.0 / 3);
        QVERIFY(m.maxDrawdownPct > 0.95 && m.maxDrawdownPct < 0.96);
    }

    void confidenceIntervalsUseStudentsT()
    {
        const Estimate e = estimate({1, 2, 3, 4});
        QCOMPARE(e.mean, 2.5);
        // sd 1.29099, n 4, t(3) = 3.182: half width 2.0540
        QVERIFY(qAbs(e.high - e.mean - 3.182 * 1.2909944487 / 2) < 1e-6);
        QCOMPARE(estimate({}).n, 0);
        QCOMPARE(estimate({5}).low, 5.0);
    }
};

QTEST_GUILESS_MAIN(TestLatencyVenue)
#include "test_latencyvenue.moc"
