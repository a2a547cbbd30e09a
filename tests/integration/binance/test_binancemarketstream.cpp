// Binance market streams over a real WebSocket to a local server: the subscription message, frames
// into engine events, a bad frame reported and ignored, and the whole subscription sent again after
// the connection drops.
#include "tests/unit/net/fakewebsocketserver.h"
#include "tests/unit/net/nettestsupport.h"

#include "adapters/binance/binancemarketstream.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace adapters::binance;

namespace {
class RecordingSink final : public engine::MarketDataSink {
public:
    void onInstruments(const QList<engine::Instrument> &) override {}
    void onCandleHistory(const QList<engine::Candle> &) override {}
    void onTrade(const engine::TradeTick &t) override { trades << t; }
    void onBook(const engine::BookUpdate &b) override { books << b; }
    void onCandle(const engine::Candle &c) override { candles << c; }
    void onMarketConnection(bool connected, const QString &) override { connections << connected; }
    void onMarketError(const engine::AdapterError &e) override { errors << e.code; }
    QList<engine::TradeTick> trades;
    QList<engine::BookUpdate> books;
    QList<engine::Candle> candles;
    QList<bool> connections;
    QStringList errors;
};

QStringList subscribedStreams(const nettest::FakeWebSocketServer &server)
{
    QStringList streams;
    for (const auto &m : server.messages()) {
        const QJsonObject o = QJsonDocument::fromJson(m.text).object();
        if (o.value(QStringLiteral("method")).toString() == QLatin1String("SUBSCRIBE"))
            for (const QJsonValue &v : o.value(QStringLiteral("params")).toArray())
                streams << v.toString();
    }
    return streams;
}
} // namespace

class TestBinanceMarketStream : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void subscribeDeliverAndResubscribe()
    {
        nettest::FakeWebSocketServer server;
        BinanceMarketStream stream(server.url(), nettest::fastOptions());
        RecordingSink sink;
        stream.addSink(&sink);
        stream.subscribe({QStringLiteral("PEPEUSDT")});
        stream.start();
        QTRY_COMPARE_WITH_TIMEOUT(subscribedStreams(server),
                                  (QStringList{QStringLiteral("pepeusdt@trade"), QStringLiteral("pepeusdt@bookTicker"),
                                               QStringLiteral("pepeusdt@kline_1m"), QStringLiteral("pepeusdt@depth@100ms"),
                                               QStringLiteral("pepeusdt@miniTicker")}),
                                  10000);
        QCOMPARE(sink.connections, QList<bool>{true});

        server.sendText(R"({"result":null,"id":1})");
        server.sendText(R"({"stream":"pepeusdt@trade","data":{"e":"trade","E":1,"s":"PEPEUSDT","t":7,"p":"0.00001234","q":"500000","T":2,"m":false,"M":true}})");
        server.sendText(R"({"stream":"pepeusdt@bookTicker","data":{"u":9,"s":"PEPEUSDT","b":"0.00001233","B":"100","a":"0.00001234","A":"200"}})");
        server.sendText(R"({"stream":"pepeusdt@kline_1m","data":{"e":"kline","E":1,"s":"PEPEUSDT","k":{"t":60000,"T":119999,"s":"PEPEUSDT","i":"1m","o":"1","c":"1","h":"1","l":"1","v":"1","x":false}}})");
        server.sendText(R"({"stream":"pepeusdt@kline_1m","data":{"e":"kline","E":1,"s":"PEPEUSDT","k":{"t":60000,"T":119999,"s":"PEPEUSDT","i":"1m","o":"1","c":"2","h":"2","l":"1","v":"5","x":true}}})");
        server.sendText(R"({"stream":"pepeusdt@trade","data":{"e":"trade","s":"PEPEUSDT","p":"1e400","q":"1","T":3,"m":false}})");
        QTRY_COMPARE_WITH_TIMEOUT(sink.errors.size(), 1, 10000);
        QCOMPARE(sink.errors.first(), QStringLiteral("MALFORMED_FRAME"));
        QCOMPARE(sink.trades.size(), 1);
        QCOMPARE(sink.trades.first().price.toString(), QStringLiteral("0.00001234"));
        QCOMPARE(sink.books.size(), 1);
        QVERIFY(sink.books.first().tsMs > 0);
        QCOMPARE(sink.candles.size(), 1); // only the closed one
        QCOMPARE(sink.candles.first().close.toString(), QStringLiteral("2"));
        QCOMPARE(stream.framesRejected(), quint64(1));
        QVERIFY(stream.lastMessageAgeMs() >= 0);

        // a new symbol while open: one more SUBSCRIBE with just its streams
        stream.subscribe({QStringLiteral("WIFUSDT")});
        QTRY_VERIFY_WITH_TIMEOUT(subscribedStreams(server).contains(QStringLiteral("wifusdt@trade")), 10000);

        // the connection drops: after the reconnect everything is subscribed again in one message
        const int before = int(subscribedStreams(server).size());
        server.dropClients();
        QTRY_COMPARE_WITH_TIMEOUT(int(subscribedStreams(server).size()), before + 10, 15000); // 5 streams x 2 symbols
        QTRY_VERIFY_WITH_TIMEOUT(sink.connections.size() >= 3, 10000); // up, down, up
        stream.stop();
    }
};

QTEST_GUILESS_MAIN(TestBinanceMarketStream)
#include "test_binancemarketstream.moc"
