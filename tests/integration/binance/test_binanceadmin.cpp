// Binance set-up from Trading Config against the fake exchange: the symbol list comes back with
// the USDT meme pairs first and each symbol's rules; "Test connection" reads the key from the
// keychain port and reports latency, clock offset, trading and withdrawal rights and the IP
// restriction — also on a testnet without the /sapi endpoint, and with a wrong key.
#include "tests/support/fakebinance/fakeexchange.h"
#include "tests/support/memorysecretstore.h"
#include "tests/support/testsupport.h"

#include "adapters/binance/binanceadmin.h"

#include <QTest>

using namespace adapters::binance;

namespace {
const QByteArray kKey = "adminKeyZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
const QByteArray kSecret = "adminSecretSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

template<class T>
std::optional<engine::Result<T>> await(const std::function<void(std::function<void(const engine::Result<T> &)>)> &call)
{
    std::optional<engine::Result<T>> out;
    call([&out](const engine::Result<T> &r) { out.emplace(r); });
    (void)QTest::qWaitFor([&] { return out.has_value(); }, 15000);
    return out;
}
} // namespace

class TestBinanceAdmin : public QObject {
    Q_OBJECT

    static QString exchangeInfoPath() { return testsupport::testDataDir() + QStringLiteral("/binance/exchangeInfo.json"); }

    static void store(testsupport::MemorySecretStore &secrets, const QByteArray &key, const QByteArray &secret)
    {
        secrets.writeSecret(QStringLiteral("binance.api_key"), QString::fromLatin1(key), [](engine::Result<void>) {});
        secrets.writeSecret(QStringLiteral("binance.api_secret"), QString::fromLatin1(secret), [](engine::Result<void>) {});
    }

private Q_SLOTS:
    void symbolsComeWithRulesMemePairsFirst()
    {
        binancetest::FakeExchange ex(kKey, kSecret, exchangeInfoPath());
        testsupport::MemorySecretStore secrets;
        BinanceAdmin admin(secrets);
        const QHash<QString, QString> settings{{QStringLiteral("binance.rest_url"), ex.restUrl().toString()}};
        const auto list = await<QList<engine::VenueSymbol>>([&](auto done) { admin.listSymbols(settings, this, done); });
        QVERIFY(list && list->ok());
        QCOMPARE(list->value().size(), 4);
        QCOMPARE(list->value().at(0).symbol, QStringLiteral("PEPEUSDT")); // meme pairs against USDT first
        QCOMPARE(list->value().at(1).symbol, QStringLiteral("WIFUSDT"));
        QCOMPARE(list->value().at(2).symbol, QStringLiteral("BNBUSDT")); // then the other USDT pairs
        QCOMPARE(list->value().at(3).symbol, QStringLiteral("ETHBTC"));
        const engine::VenueSymbol &pepe = list->value().at(0);
        QCOMPARE(pepe.tickSize, engine::Decimal::fromString("0.00000001"));
        QCOMPARE(pepe.stepSize, engine::Decimal::fromInt(1));
        QCOMPARE(pepe.minNotional, engine::Decimal::fromInt(5));
        QCOMPARE(list->value().at(1).status, QStringLiteral("HALT"));
    }

    void testConnectionSaysWhatTheKeyMayDo()
    {
        binancetest::FakeExchange ex(kKey, kSecret, exchangeInfoPath());
        ex.skewMs = 1500;
        testsupport::MemorySecretStore secrets;
        BinanceAdmin admin(secrets);
        const QHash<QString, QString> settings{{QStringLiteral("binance.rest_url"), ex.restUrl().toString()}};
        // No key yet: said plainly.
        auto r = await<engine::ConnectionCheck>([&](auto done) { admin.testConnection(settings, this, done); });
        QVERIFY(r && !r->ok());
        QVERIFY(r->error().message.contains(QLatin1String("no Binance API key")));

        store(secrets, kKey, kSecret);
        ex.keyIpRestricted = true;
        r = await<engine::ConnectionCheck>([&](auto done) { admin.testConnection(settings, this, done); });
        QVERIFY2(r && r->ok(), r && !r->ok() ? qPrintable(r->error().toString()) : "no answer");
        QVERIFY(r->value().canTrade);
        QVERIFY(!r->value().canWithdraw);
        QCOMPARE(r->value().ipRestricted, 1);
        QVERIFY(r->value().latencyMs >= 0);
        QVERIFY(qAbs(r->value().clockOffsetMs - 1500) < 500);
        QCOMPARE(r->value().permissions, QStringList{QStringLiteral("SPOT")});

        ex.keyIpRestricted = false;
        ex.keyWithdrawals = true;
        r = await<engine::ConnectionCheck>([&](auto done) { admin.testConnection(settings, this, done); });
        QVERIFY(r && r->ok());
        QCOMPARE(r->value().ipRestricted, 0);
        QVERIFY(r->value().canWithdraw);

        ex.hasApiRestrictions = false; // a testnet
        r = await<engine::ConnectionCheck>([&](auto done) { admin.testConnection(settings, this, done); });
        QVERIFY(r && r->ok());
        QCOMPARE(r->value().ipRestricted, -1);
    }

    void aWrongSecretIsNamedAndNeverShown()
    {
        binancetest::FakeExchange ex(kKey, kSecret, exchangeInfoPath());
        testsupport::MemorySecretStore secrets;
        store(secrets, kKey, "not-the-secret-at-all");
        BinanceAdmin admin(secrets);
        const QHash<QString, QString> settings{{QStringLiteral("binance.rest_url"), ex.restUrl().toString()}};
        const auto r = await<engine::ConnectionCheck>([&](auto done) { admin.testConnection(settings, this, done); });
        QVERIFY(r && !r->ok());
        QCOMPARE(r->error().code, QStringLiteral("BINANCE_-1022"));
        QVERIFY(!r->error().message.contains(QLatin1String("not-the-secret")));
    }
};

QTEST_GUILESS_MAIN(TestBinanceAdmin)
#include "test_binanceadmin.moc"
