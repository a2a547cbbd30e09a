// REST answers the adapter reads for history and reconciliation: klines (the documentation's
// example, a bar still forming, rows out of order or not decimal) and myTrades (fill id, fee in its
// own asset, a missing field).
#include "adapters/binance/restparsers.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QTest>

using namespace adapters::binance;

namespace {
QByteArray answer(const char *name)
{
    QFile f(testsupport::testDataDir() + QStringLiteral("/binance/rest/") + QLatin1String(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed() : QByteArray();
}
constexpr qint64 kLater = 1'600'000'000'000;
} // namespace

class TestRestParsers : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void theDocumentedKlineIsAClosedBar()
    {
        const auto bars = parseKlines(answer("klines.json"), QStringLiteral("BNBBTC"), 60, kLater);
        QVERIFY2(bars.ok(), qPrintable(bars.ok() ? QString() : bars.error().toString()));
        QCOMPARE(bars->size(), 1);
        const engine::Candle &c = bars->first();
        QCOMPARE(c.symbol, QStringLiteral("BNBBTC"));
        QCOMPARE(c.openTimeMs, 1499040000000);
        QCOMPARE(c.open.toString(), QStringLiteral("0.0163479"));
        QCOMPARE(c.high.toString(), QStringLiteral("0.8"));
        QCOMPARE(c.low.toString(), QStringLiteral("0.015758"));
        QCOMPARE(c.close.toString(), QStringLiteral("0.015771"));
        QCOMPARE(c.volume.toString(), QStringLiteral("148976.11427815"));
        QVERIFY(c.closed);
    }

    void aBarStillFormingIsLeftOut()
    {
        const auto bars = parseKlines(answer("klines.json"), QStringLiteral("BNBBTC"), 60, 1499644799999);
        QVERIFY(bars.ok());
        QVERIFY(bars->isEmpty());
    }

    void badRowsFailTheWholeAnswer()
    {
        const QByteArray cases[] = {
            "{}",
            "[[1499040000000,\"0.1\",\"0.2\",\"0.05\",\"0.1\",\"10\"]]",                                  // too short
            "[[1499040000000,0.1,\"0.2\",\"0.05\",\"0.1\",\"10\",1499040059999,\"1\",1,\"0\",\"0\",\"0\"]]", // number, not text
            "[[1499040000000,\"0.1\",\"0.2\",\"0.05\",\"1e999\",\"10\",1499040059999,\"1\",1,\"0\",\"0\",\"0\"]]",
            "[[1499040060000,\"0.1\",\"0.2\",\"0.05\",\"0.1\",\"10\",1499040119999,\"1\",1,\"0\",\"0\",\"0\"],"
            " [1499040000000,\"0.1\",\"0.2\",\"0.05\",\"0.1\",\"10\",1499040059999,\"1\",1,\"0\",\"0\",\"0\"]]", // out of order
            "[[1499040000000,\"0.1\",\"0.04\",\"0.05\",\"0.1\",\"10\",1499040059999,\"1\",1,\"0\",\"0\",\"0\"]]", // high < low
            "[[1499040000000,\"0.1\",\"0.2\",\"0.05\",\"0.1\",\"10\",1499040059999,\"1\",1,\"0\",\"0\"",         // truncated
        };
        for (const QByteArray &body : cases) {
            const auto bars = parseKlines(body, QStringLiteral("X"), 60, kLater);
            QVERIFY2(!bars.ok(), body.constData());
            QCOMPARE(bars.error().code, QStringLiteral("MALFORMED_RESPONSE"));
        }
    }

    void theDocumentedTradeIsAFill()
    {
        const auto trades = parseMyTrades(answer("myTrades.json"));
        QVERIFY2(trades.ok(), qPrintable(trades.ok() ? QString() : trades.error().toString()));
        QCOMPARE(trades->size(), 1);
        const AccountTrade &t = trades->first();
        QCOMPARE(t.orderId, 100234);
        QCOMPARE(t.fill.fillId, QStringLiteral("BNBBTC-28457")); // the id executionReport's t gives the same trade
        QCOMPARE(int(t.fill.side), int(engine::Side::Buy));
        QCOMPARE(t.fill.price.toString(), QStringLiteral("4.000001"));
        QCOMPARE(t.fill.qty.toString(), QStringLiteral("12"));
        QCOMPARE(t.fill.fee.toString(), QStringLiteral("10.1"));
        QCOMPARE(t.fill.feeAsset, QStringLiteral("BNB"));
        QCOMPARE(t.fill.tsMs, 1499865549590);
        QVERIFY(!t.fill.isMaker);
    }

    void aTradeMissingAFieldFails()
    {
        for (const char *drop : {"\"price\":\"4.00000100\",", "\"isBuyer\":true,", "\"id\":28457,", "\"qty\":\"12.00000000\","}) {
            QByteArray body = answer("myTrades.json");
            body.replace(drop, "");
            const auto trades = parseMyTrades(body);
            QVERIFY2(!trades.ok(), drop);
        }
        QVERIFY(!parseMyTrades("not json").ok());
    }
};

QTEST_GUILESS_MAIN(TestRestParsers)
#include "test_restparsers.moc"
