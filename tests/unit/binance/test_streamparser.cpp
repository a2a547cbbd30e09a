// Market-stream frames from the documentation's examples, raw and in the combined-stream envelope,
// and frames that are broken in every way a network can break them.
#include "adapters/binance/streamparser.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QTest>

using namespace adapters::binance;
using engine::Decimal;

namespace {
std::string frame(const char *name)
{
    QFile f(testsupport::testDataDir() + QStringLiteral("/binance/streams/") + QLatin1String(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed().toStdString() : std::string();
}
std::string combined(const std::string &stream, const std::string &data)
{
    return R"({"stream":")" + stream + R"(","data":)" + data + "}";
}
} // namespace

class TestStreamParser : public QObject {
    Q_OBJECT
    StreamParser m_parser;

private Q_SLOTS:
    void tradesRawAndCombined()
    {
        for (const std::string &text : {frame("trade.json"), combined("bnbbtc@trade", frame("trade.json")),
                                        frame("aggTrade.json")}) {
            const auto r = m_parser.parse(text);
            QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
            const auto *t = std::get_if<engine::TradeTick>(&r.value());
            QVERIFY(t);
            QCOMPARE(t->symbol, QStringLiteral("BNBBTC"));
            QCOMPARE(t->price.toString(), QStringLiteral("0.001"));
            QCOMPARE(t->qty.toString(), QStringLiteral("100"));
            QCOMPARE(t->tsMs, 1672515782136LL);
            QVERIFY(t->buyerIsMaker);
        }
    }

    void klineKeepsItsClosedFlag()
    {
        const auto r = m_parser.parse(frame("kline.json"));
        QVERIFY(r.ok());
        const auto &c = std::get<engine::Candle>(r.value());
        QCOMPARE(c.symbol, QStringLiteral("BNBBTC"));
        QCOMPARE(c.openTimeMs, 1672515780000LL);
        QCOMPARE(c.intervalSec, 60);
        QCOMPARE(c.open.toString(), QStringLiteral("0.001"));
        QCOMPARE(c.high.toString(), QStringLiteral("0.0025"));
        QCOMPARE(c.volume.toString(), QStringLiteral("1000"));
        QVERIFY(!c.closed);
    }

    void bookTickerAndDepth()
    {
        auto r = m_parser.parse(frame("bookTicker.json"));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        const auto &b = std::get<engine::BookUpdate>(r.value());
        QCOMPARE(b.symbol, QStringLiteral("BNBUSDT"));
        QCOMPARE(b.bestBid().toString(), QStringLiteral("25.3519"));
        QCOMPARE(b.bestAsk().toString(), QStringLiteral("25.3652"));
        r = m_parser.parse(combined("bnbbtc@depth@100ms", frame("depthUpdate.json")));
        QVERIFY(r.ok());
        const auto &d = std::get<DepthUpdate>(r.value());
        QCOMPARE(d.firstUpdateId, 157);
        QCOMPARE(d.finalUpdateId, 160);
        QCOMPARE(d.bids.size(), 1);
        QCOMPARE(d.bids.first().price.toString(), QStringLiteral("0.0024"));
        QCOMPARE(d.asks.first().qty.toString(), QStringLiteral("100"));
    }

    void theMiniTicker()
    {
        const auto r = m_parser.parse(combined("bnbbtc@miniTicker", frame("miniTicker.json")));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        const auto &t = std::get<engine::Ticker24h>(r.value());
        QCOMPARE(t.symbol, QStringLiteral("BNBBTC"));
        QCOMPARE(t.last.toString(), QStringLiteral("0.0025"));
        QCOMPARE(t.open.toString(), QStringLiteral("0.001"));
        QCOMPARE(t.high.toString(), QStringLiteral("0.0025"));
        QCOMPARE(t.low.toString(), QStringLiteral("0.001"));
        QCOMPARE(t.quoteVolume.toString(), QStringLiteral("18"));
        QCOMPARE(t.tsMs, 1672515782136);
        std::string broken = frame("miniTicker.json");
        broken.replace(broken.find("\"c\":\"0.0025\""), 12, "\"c\":\"lots\"");
        QVERIFY(!m_parser.parse(broken).ok());
    }

    void framesWithNothingForTheEngine()
    {
        for (const char *text : {R"({"result":null,"id":1})", R"({"e":"24hrTicker","s":"BNBBTC"})"}) {
            const auto r = m_parser.parse(text);
            QVERIFY(r.ok());
            QVERIFY(std::holds_alternative<std::monostate>(r.value()));
        }
    }

    void brokenFramesAreErrorsNotCrashes_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        const std::string trade = frame("trade.json");
        QTest::newRow("truncated") << QByteArray::fromStdString(trade.substr(0, trade.size() / 2)) << QStringLiteral("");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("not JSON");
        QTest::newRow("not an object") << QByteArray("[1,2]") << QStringLiteral("not a JSON object");
        QTest::newRow("price as number") << QByteArray(R"({"e":"trade","s":"X","p":0.1,"q":"1","T":1,"m":false})") << QStringLiteral("field p");
        QTest::newRow("price 1e400") << QByteArray(R"({"e":"trade","s":"X","p":"1e400","q":"1","T":1,"m":false})") << QStringLiteral("field p");
        QTest::newRow("empty price") << QByteArray(R"({"e":"trade","s":"X","p":"","q":"1","T":1,"m":false})") << QStringLiteral("field p");
        QTest::newRow("negative qty") << QByteArray(R"({"e":"trade","s":"X","p":"1","q":"-1","T":1,"m":false})") << QStringLiteral("field q");
        QTest::newRow("kline without k") << QByteArray(R"({"e":"kline","s":"X"})") << QStringLiteral("field k");
        QTest::newRow("kline month") << QByteArray(R"({"e":"kline","s":"X","k":{"t":1,"i":"1M","o":"1","c":"1","h":"1","l":"1","v":"1","x":true}})") << QStringLiteral("k.i");
        QTest::newRow("depth level short") << QByteArray(R"({"e":"depthUpdate","E":1,"s":"X","U":1,"u":2,"b":[["1"]],"a":[]})") << QStringLiteral("field b");
        QTest::newRow("depth level zero price") << QByteArray(R"({"e":"depthUpdate","E":1,"s":"X","U":1,"u":2,"b":[],"a":[["0","5"]]})") << QStringLiteral("field a");
    }

    void brokenFramesAreErrorsNotCrashes()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        const auto r = m_parser.parse(std::string_view(text.constData(), size_t(text.size())));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("MALFORMED_FRAME"));
        QVERIFY2(r.error().message.contains(expected), qPrintable(r.error().message));
        // and the parser is still good for the next frame
        QVERIFY(m_parser.parse(frame("trade.json")).ok());
    }
};

QTEST_GUILESS_MAIN(TestStreamParser)
#include "test_streamparser.moc"
