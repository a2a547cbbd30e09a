// The documented way to keep a local order book: buffer, snapshot, drop what the snapshot holds,
// straddle, follow, and stop at a gap.
#include "adapters/binance/localorderbook.h"

#include <QTest>

using namespace adapters::binance;
using engine::Decimal;

namespace {
Decimal D(const char *s) { return Decimal::fromString(s); }

DepthUpdate diff(qint64 first, qint64 last, QList<engine::BookLevel> bids, QList<engine::BookLevel> asks = {})
{
    DepthUpdate d;
    d.symbol = QStringLiteral("PEPEUSDT");
    d.firstUpdateId = first;
    d.finalUpdateId = last;
    d.bids = std::move(bids);
    d.asks = std::move(asks);
    return d;
}
} // namespace

class TestLocalOrderBook : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void bufferedDiffsContinueTheSnapshot()
    {
        LocalOrderBook book(QStringLiteral("PEPEUSDT"));
        book.onDiff(diff(90, 99, {{D("0.00001200"), D("5")}}));          // older than the snapshot: dropped
        book.onDiff(diff(100, 104, {{D("0.00001233"), D("700")}}));       // straddles 101
        book.onDiff(diff(105, 110, {{D("0.00001230"), D("0")}}, {{D("0.00001240"), D("9")}})); // removes a level
        QVERIFY(book.state() == LocalOrderBook::State::WaitingForSnapshot);
        const auto r = book.onSnapshot(100, {{D("0.00001230"), D("1000")}, {D("0.00001229"), D("2000")}},
                                       {{D("0.00001235"), D("300")}});
        QVERIFY(r.ok());
        QVERIFY(book.state() == LocalOrderBook::State::Synced);
        QCOMPARE(book.lastUpdateId(), 110);
        const engine::BookUpdate top = book.top(1);
        QCOMPARE(top.bids.size(), 2);
        QCOMPARE(top.bids.first().price.toString(), QStringLiteral("0.00001233")); // best bid first
        QCOMPARE(top.bids.last().price.toString(), QStringLiteral("0.00001229"));  // 0.00001230 removed
        QCOMPARE(top.asks.first().price.toString(), QStringLiteral("0.00001235"));
        QCOMPARE(top.asks.last().price.toString(), QStringLiteral("0.0000124"));
        QVERIFY(top.isValid());
    }

    void aGapStopsTheBook()
    {
        LocalOrderBook book(QStringLiteral("PEPEUSDT"));
        QVERIFY(book.onSnapshot(200, {{D("1"), D("1")}}, {{D("2"), D("1")}}).ok());
        book.onDiff(diff(201, 205, {{D("1.5"), D("3")}}));
        QCOMPARE(book.lastUpdateId(), 205);
        book.onDiff(diff(207, 210, {{D("1.6"), D("3")}})); // 206 never arrived
        QVERIFY(book.state() == LocalOrderBook::State::NeedsResync);
        book.onDiff(diff(211, 212, {{D("1.7"), D("3")}}));
        QCOMPARE(book.top(0).bids.first().price.toString(), QStringLiteral("1.5")); // nothing applied after the gap
        book.reset();
        QVERIFY(book.state() == LocalOrderBook::State::WaitingForSnapshot);
    }

    void aSnapshotTooNewForTheBufferIsAGap()
    {
        LocalOrderBook book(QStringLiteral("PEPEUSDT"));
        book.onDiff(diff(300, 310, {{D("1"), D("1")}}));
        // snapshot at 100: the first buffered diff starts at 300 > 101
        const auto r = book.onSnapshot(100, {}, {});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("DEPTH_GAP"));
        QVERIFY(book.state() == LocalOrderBook::State::NeedsResync);
    }
};

QTEST_GUILESS_MAIN(TestLocalOrderBook)
#include "test_localorderbook.moc"
