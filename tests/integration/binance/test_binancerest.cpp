// The Binance REST client against a fake server that checks signatures, timestamps and keys the
// way Binance does: a signed order goes through; a clock 3 s off is corrected by itself (-1021,
// resync, one retry); an order the server accepted but answered with 503 is found by a query and
// exists exactly once; a wrong key or secret is refused and never retried.
#include "tests/support/fakebinance/fakeexchange.h"
#include "tests/support/testsupport.h"

#include "adapters/binance/binancerestclient.h"

#include <QTest>

using namespace adapters::binance;

namespace {
const QByteArray kKey = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
const QByteArray kSecret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

engine::OrderRequest limitBuy()
{
    engine::OrderRequest r;
    r.symbol = QStringLiteral("PEPEUSDT");
    r.side = engine::Side::Buy;
    r.type = engine::OrderType::Limit;
    r.qty = engine::Decimal::fromInt(500000);
    r.limitPrice = engine::Decimal::fromString("0.00001234");
    return r;
}

template<class T>
std::optional<engine::Result<T>> await(const std::function<void(std::function<void(engine::Result<T>)>)> &call)
{
    std::optional<engine::Result<T>> out;
    call([&out](engine::Result<T> r) { out.emplace(std::move(r)); });
    (void)QTest::qWaitFor([&] { return out.has_value(); }, 20000); // a timeout leaves it empty: the test fails on it
    return out;
}
} // namespace

class TestBinanceRest : public QObject {
    Q_OBJECT

    QString exchangeInfoPath() const { return testsupport::testDataDir() + QStringLiteral("/binance/exchangeInfo.json"); }

private Q_SLOTS:
    void aSignedOrderIsAcceptedAndRulesLoad()
    {
        binancetest::FakeExchange server(kKey, kSecret, exchangeInfoPath());
        BinanceRestClient client(server.url(), kKey, BinanceSigner::hmac(kSecret).value());
        const auto rules = await<ExchangeRules>([&](auto done) { client.exchangeInfo(done); });
        QVERIFY(rules && rules->ok());
        QCOMPARE(rules->value().symbols.size(), 4);
        const auto placed = await<OrderState>([&](auto done) { client.placeOrder(limitBuy(), QStringLiteral("MD-1"), done); });
        QVERIFY2(placed && placed->ok(), qPrintable(placed && !placed->ok() ? placed->error().toString() : QString()));
        QCOMPARE(placed->value().clientOrderId, QStringLiteral("MD-1"));
        QCOMPARE(int(placed->value().status), int(engine::OrderStatus::Accepted));
        QCOMPARE(server.orders.value(QStringLiteral("MD-1")).price, QStringLiteral("0.00001234"));
    }

    void aClockThreeSecondsOffCorrectsItself()
    {
        binancetest::FakeExchange server(kKey, kSecret, exchangeInfoPath());
        server.skewMs = -7000; // our timestamps look 7 s in the future to the server
        BinanceRestClient client(server.url(), kKey, BinanceSigner::hmac(kSecret).value());
        const auto placed = await<OrderState>([&](auto done) { client.placeOrder(limitBuy(), QStringLiteral("MD-2"), done); });
        QVERIFY2(placed && placed->ok(), qPrintable(placed && !placed->ok() ? placed->error().toString() : QString()));
        QCOMPARE(server.errorsSent, QStringList{QStringLiteral("-1021")}); // refused once, then synced
        QCOMPARE(server.orders.size(), 1);
        QVERIFY(client.clockOffsetMs() < -5000);
        server.skewMs = 3000; // the other way: 3 s behind the server, inside recvWindow after a sync
        const auto synced = await<qint64>([&](auto done) { client.syncTime(done); });
        QVERIFY(synced && synced->ok());
        QVERIFY(qAbs(synced->value() - 3000) < 1000);
    }

    void anAcceptedOrderAnswered503IsQueriedNeverResent()
    {
        binancetest::FakeExchange server(kKey, kSecret, exchangeInfoPath());
        server.acceptNextOrderThen503 = true;
        BinanceRestClient client(server.url(), kKey, BinanceSigner::hmac(kSecret).value());
        const auto placed = await<OrderState>([&](auto done) { client.placeOrder(limitBuy(), QStringLiteral("MD-3"), done); });
        QVERIFY(placed && !placed->ok());
        QCOMPARE(placed->error().code, QStringLiteral("ORDER_OUTCOME_UNKNOWN"));
        QCOMPARE(server.orderPosts, 1); // not re-sent by anyone
        const auto queried = await<OrderState>([&](auto done) { client.queryOrder(QStringLiteral("PEPEUSDT"), QStringLiteral("MD-3"), done); });
        QVERIFY(queried && queried->ok());
        QCOMPARE(queried->value().clientOrderId, QStringLiteral("MD-3"));
        QCOMPARE(server.orders.size(), 1); // exactly one order
        const auto missing = await<OrderState>([&](auto done) { client.queryOrder(QStringLiteral("PEPEUSDT"), QStringLiteral("MD-404"), done); });
        QVERIFY(missing && !missing->ok());
        QCOMPARE(missing->error().code, QStringLiteral("BINANCE_-2013"));
    }

    void openOrdersCancelAndAccountForReconciliation()
    {
        binancetest::FakeExchange server(kKey, kSecret, exchangeInfoPath());
        BinanceRestClient client(server.url(), kKey, BinanceSigner::hmac(kSecret).value());
        for (const char *id : {"MD-10", "MD-11"})
            QVERIFY(await<OrderState>([&](auto done) { client.placeOrder(limitBuy(), QLatin1String(id), done); })->ok());
        auto open = await<QList<OrderState>>([&](auto done) { client.openOrders(QString(), done); });
        QVERIFY(open && open->ok());
        QCOMPARE(open->value().size(), 2);
        const auto cancelled = await<OrderState>([&](auto done) { client.cancelOrder(QStringLiteral("PEPEUSDT"), QStringLiteral("MD-10"), done); });
        QVERIFY(cancelled && cancelled->ok());
        QCOMPARE(int(cancelled->value().status), int(engine::OrderStatus::Cancelled));
        const auto again = await<OrderState>([&](auto done) { client.cancelOrder(QStringLiteral("PEPEUSDT"), QStringLiteral("MD-10"), done); });
        QVERIFY(again && !again->ok());
        QCOMPARE(again->error().code, QStringLiteral("BINANCE_-2011")); // already final: nothing left to cancel
        open = await<QList<OrderState>>([&](auto done) { client.openOrders(QStringLiteral("PEPEUSDT"), done); });
        QCOMPARE(open->value().size(), 1);
        const auto account = await<BinanceRestClient::Account>([&](auto done) { client.account(done); });
        QVERIFY(account && account->ok());
        QVERIFY(account->value().canTrade);
        // 10,000 USDT less the one order still resting (500,000 at 0.00001234 = 6.17 held).
        QCOMPARE(account->value().free.value(QStringLiteral("USDT")).toString(), QStringLiteral("9993.83"));
        QCOMPARE(account->value().locked.value(QStringLiteral("USDT")).toString(), QStringLiteral("6.17"));
    }

    void wrongCredentialsAreRefusedAndNotRetried()
    {
        binancetest::FakeExchange server(kKey, kSecret, exchangeInfoPath());
        BinanceRestClient wrongSecret(server.url(), kKey, BinanceSigner::hmac("not-the-secret").value());
        auto placed = await<OrderState>([&](auto done) { wrongSecret.placeOrder(limitBuy(), QStringLiteral("MD-4"), done); });
        QVERIFY(placed && !placed->ok());
        QCOMPARE(placed->error().code, QStringLiteral("BINANCE_-1022"));
        BinanceRestClient wrongKey(server.url(), "nope", BinanceSigner::hmac(kSecret).value());
        placed = await<OrderState>([&](auto done) { wrongKey.placeOrder(limitBuy(), QStringLiteral("MD-5"), done); });
        QVERIFY(placed && !placed->ok());
        QCOMPARE(placed->error().code, QStringLiteral("BINANCE_-2015"));
        QCOMPARE(server.orderPosts, 2);
        QVERIFY(server.orders.isEmpty());
        QVERIFY(!placed->error().message.contains(QString::fromLatin1(kSecret)));
    }
};

QTEST_GUILESS_MAIN(TestBinanceRest)
#include "test_binancerest.moc"
