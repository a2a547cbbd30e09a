// DemoMarket as the composition root uses it: a live venue on its own thread that
// streams the simulated market to every registered sink at a chosen speed.
#include "adapters/demo/demomarket.h"

#include <QMutex>
#include <QMutexLocker>
#include <QTest>
#include <QThread>

using namespace adapters::demo;

namespace {

constexpr qint64 kStartMs = 1'718'000'040'000;
constexpr qint64 kMinute = 60'000;

//! Records what arrives, from whichever thread calls it.
class RecordingSink final : public engine::MarketDataSink, public engine::SocialSink, public engine::ChainSink {
public:
    void onInstruments(const QList<engine::Instrument> &instruments) override
    {
        QMutexLocker lock(&m_mutex);
        m_instruments = instruments;
        ++m_instrumentUpdates;
    }
    void onCandleHistory(const QList<engine::Candle> &candles) override
    {
        QMutexLocker lock(&m_mutex);
        m_historyCandles += candles.size();
        if (!candles.isEmpty())
            m_lastHistoryCandleMs = candles.last().openTimeMs;
    }
    void onTrade(const engine::TradeTick &trade) override
    {
        QMutexLocker lock(&m_mutex);
        ++m_trades;
        checkOrder(trade.tsMs);
        m_tradedSymbols.insert(trade.symbol);
    }
    void onBook(const engine::BookUpdate &book) override
    {
        QMutexLocker lock(&m_mutex);
        ++m_books;
        m_invalidBooks += !book.isValid();
        checkOrder(book.tsMs);
    }
    void onCandle(const engine::Candle &candle) override
    {
        QMutexLocker lock(&m_mutex);
        ++m_candles;
    }
    void onMarketConnection(bool connected, const QString &detail) override
    {
        QMutexLocker lock(&m_mutex);
        m_connected = connected;
        m_connectionDetail = detail;
        ++m_connectionChanges;
    }
    void onMarketError(const engine::AdapterError &) override
    {
        QMutexLocker lock(&m_mutex);
        ++m_errors;
    }
    void onPostHistory(const QList<engine::SocialPost> &posts) override
    {
        QMutexLocker lock(&m_mutex);
        m_historyPosts += posts.size();
    }
    void onPost(const engine::SocialPost &post) override
    {
        QMutexLocker lock(&m_mutex);
        ++m_posts;
        m_postSourcesOk = m_postSourcesOk && post.source == QLatin1String("demo") && !post.tokens.isEmpty();
    }
    void onSocialError(const engine::AdapterError &) override
    {
        QMutexLocker lock(&m_mutex);
        ++m_errors;
    }
    void onChainEvent(const engine::ChainEvent &event) override
    {
        QMutexLocker lock(&m_mutex);
        ++m_chainEvents;
        m_chainOk = m_chainOk && event.chain == QLatin1String("demo") && event.pool.startsWith(QLatin1String("0x"));
    }
    void onChainError(const engine::AdapterError &) override
    {
        QMutexLocker lock(&m_mutex);
        ++m_errors;
    }

    struct Snapshot {
        QList<engine::Instrument> instruments;
        int instrumentUpdates, historyCandles, historyPosts, trades, books, candles, posts, chainEvents, errors;
        int invalidBooks, connectionChanges, outOfOrder;
        bool connected, postSourcesOk, chainOk;
        qint64 lastHistoryCandleMs, lastTsMs;
        QString connectionDetail;
        qsizetype tradedSymbols;
        [[nodiscard]] int live() const { return trades + books + candles + posts + chainEvents; }
    };
    Snapshot snapshot() const
    {
        QMutexLocker lock(&m_mutex);
        return {m_instruments, m_instrumentUpdates, m_historyCandles, m_historyPosts, m_trades, m_books, m_candles,
                m_posts, m_chainEvents, m_errors, m_invalidBooks, m_connectionChanges, m_outOfOrder, m_connected,
                m_postSourcesOk, m_chainOk, m_lastHistoryCandleMs, m_lastTsMs, m_connectionDetail, m_tradedSymbols.size()};
    }

private:
    void checkOrder(qint64 tsMs)
    {
        // Events of different kinds interleave, but time never runs backwards by a second.
        m_outOfOrder += tsMs + 1000 <= m_lastTsMs;
        m_lastTsMs = std::max(m_lastTsMs, tsMs);
    }

    mutable QMutex m_mutex;
    QList<engine::Instrument> m_instruments;
    int m_instrumentUpdates = 0, m_historyCandles = 0, m_historyPosts = 0, m_trades = 0, m_books = 0, m_candles = 0;
    int m_posts = 0, m_chainEvents = 0, m_errors = 0, m_invalidBooks = 0, m_connectionChanges = 0, m_outOfOrder = 0;
    bool m_connected = false, m_postSourcesOk = true, m_chainOk = true;
    qint64 m_lastHistoryCandleMs = 0, m_lastTsMs = 0;
    QString m_connectionDetail;
    QSet<QString> m_tradedSymbols;
};

} // namespace

class TestDemoMarket : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void identifiesItselfAsTheDemoVenue()
    {
        DemoMarket market(42, 1, 0, kStartMs);
        QCOMPARE(market.venue(), QStringLiteral("demo"));
        QCOMPARE(market.sourceName(), QStringLiteral("demo"));
        QCOMPARE(market.chainName(), QStringLiteral("demo"));
        QCOMPARE(market.seed(), quint64(42));
        QCOMPARE(market.simTimeMs(), kStartMs);
        QVERIFY(!market.isRunning());
        QVERIFY(market.groundTruth().isEmpty()); // nothing simulated before the first start
    }

    void streamsHistoryThenLiveEventsToEverySink()
    {
        RecordingSink first, second;
        DemoMarket market(42, 100, 5, kStartMs);
        market.addMarketSink(&first);
        market.addMarketSink(&second);
        market.addSocialSink(&first);
        market.addSocialSink(&second);
        market.addChainSink(&first);
        market.addChainSink(&second);
        market.startMarketData();

        QTRY_VERIFY(first.snapshot().connected);
        const RecordingSink::Snapshot start = first.snapshot();
        QVERIFY(start.instruments.size() >= 12);
        QVERIFY(start.historyCandles >= 12 * 5);
        QCOMPARE(start.lastHistoryCandleMs, kStartMs - kMinute); // the history ends where live begins
        QVERIFY(start.historyPosts > 0);
        QVERIFY(start.connectionDetail.contains(QLatin1String("seed 42")));
        QVERIFY(start.connectionDetail.contains(QLatin1String("100x")));

        QTRY_VERIFY_WITH_TIMEOUT(first.snapshot().chainEvents > 0 && first.snapshot().candles > 12, 20000);
        market.stopMarketData();
        QTRY_VERIFY(!first.snapshot().connected);

        const RecordingSink::Snapshot a = first.snapshot(), b = second.snapshot();
        QVERIFY(a.trades > 0 && a.books > 0 && a.posts > 0);
        QCOMPARE(a.invalidBooks, 0);
        QCOMPARE(a.outOfOrder, 0);
        QCOMPARE(a.errors, 0);
        QVERIFY(a.postSourcesOk && a.chainOk);
        QVERIFY(a.lastTsMs >= kStartMs && a.lastTsMs < market.simTimeMs());
        // Every sink sees every event.
        QCOMPARE(b.trades, a.trades);
        QCOMPARE(b.books, a.books);
        QCOMPARE(b.posts, a.posts);
        QCOMPARE(b.chainEvents, a.chainEvents);
        QCOMPARE(b.candles, a.candles);
        QCOMPARE(b.historyCandles, a.historyCandles);
    }

    void speedIsClampedAndTakesEffect()
    {
        RecordingSink sink;
        DemoMarket market(7, 1, 0, kStartMs);
        market.setSpeed(1000);
        QCOMPARE(market.speed(), DemoMarket::kMaxSpeed);
        market.setSpeed(0.01);
        QCOMPARE(market.speed(), DemoMarket::kMinSpeed);
        market.addMarketSink(&sink);
        market.startMarketData();
        QTRY_VERIFY(sink.snapshot().connected);
        QVERIFY(sink.snapshot().connectionDetail.contains(QLatin1String("1x")));

        // At 1x two simulated minutes would take two minutes; at 100x they pass quickly.
        const qint64 from = market.simTimeMs();
        market.setSpeed(100);
        QTRY_VERIFY_WITH_TIMEOUT(market.simTimeMs() >= from + 2 * kMinute, 30000);
        QTRY_VERIFY(sink.snapshot().candles >= 12); // at least one closed minute per pair
    }

    void stopStopsAndStartResumesTheSameTimeline()
    {
        RecordingSink sink;
        DemoMarket market(3, 100, 0, kStartMs);
        market.addMarketSink(&sink);
        market.addSocialSink(&sink);
        market.startMarketData();
        QTRY_VERIFY(sink.snapshot().books > 100);
        market.stopMarketData();
        QTRY_VERIFY(!sink.snapshot().connected);
        QVERIFY(!market.isRunning());

        const RecordingSink::Snapshot stopped = sink.snapshot();
        const qint64 stoppedAt = market.simTimeMs();
        QTest::qWait(300);
        QCOMPARE(sink.snapshot().live(), stopped.live());
        QCOMPARE(market.simTimeMs(), stoppedAt);

        market.startMarketData();
        QTRY_VERIFY(sink.snapshot().connected);
        QTRY_VERIFY(sink.snapshot().books > stopped.books);
        QVERIFY(market.simTimeMs() > stoppedAt);
        QCOMPARE(sink.snapshot().historyCandles, stopped.historyCandles); // history is sent once
        QCOMPARE(sink.snapshot().outOfOrder, 0);
    }

    void startsFromAnyThread()
    {
        RecordingSink sink;
        DemoMarket market(11, 100, 0, kStartMs);
        market.addMarketSink(&sink);
        std::unique_ptr<QThread> caller(QThread::create([&market] { market.startMarketData(); }));
        caller->start();
        QVERIFY(caller->wait(10000));
        QTRY_VERIFY(sink.snapshot().connected);
        QTRY_VERIFY(sink.snapshot().trades > 0);
    }

    void resumesAnEarlierSessionWhereItStopped()
    {
        const qint64 resumeMs = kStartMs + 20 * kMinute;
        RecordingSink sink;
        DemoMarket market(42, 1, 10, kStartMs);
        market.resumeAt(resumeMs);
        QCOMPARE(market.simTimeMs(), resumeMs);
        market.addMarketSink(&sink);
        market.startMarketData();
        QTRY_VERIFY(sink.snapshot().connected);
        const RecordingSink::Snapshot s = sink.snapshot();
        QCOMPARE(s.lastHistoryCandleMs, resumeMs - kMinute);
        QVERIFY(s.historyCandles >= 12 * 10);

        // The simulator is on the timeline a fresh session reaches by stepping there.
        market.stopMarketData();
        QTRY_VERIFY(!sink.snapshot().connected);
        qint64 nowMs = 0;
        QList<TokenTruth> actual;
        market.inspect([&](const MarketSimulator *sim) {
            nowMs = sim ? sim->nowMs() : 0;
            actual = sim ? sim->groundTruth() : QList<TokenTruth>();
        });
        QVERIFY(nowMs >= resumeMs);
        MarketSimulator reference(42, kStartMs - 10 * kMinute);
        reference.warmUp(10);
        reference.fastForwardTo(nowMs);
        const QList<TokenTruth> expected = reference.groundTruth();
        QCOMPARE(actual.size(), expected.size());
        for (int i = 0; i < actual.size(); ++i) {
            QCOMPARE(actual[i].symbol, expected[i].symbol);
            QCOMPARE(actual[i].midPrice, expected[i].midPrice);
            QCOMPARE(toString(actual[i].regime), toString(expected[i].regime));
        }
    }
};

QTEST_GUILESS_MAIN(TestDemoMarket)
#include "test_demomarket.moc"
