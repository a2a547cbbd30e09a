// Request signing against the documentation's HMAC example and RFC 8032's Ed25519 test vector,
// through OpenSSL.
#include "adapters/binance/binancesigner.h"
#include "adapters/binance/requestsigning.h"

#include <QTest>
#include <QUrl>

#include <openssl/evp.h>
#include <openssl/pem.h>

using adapters::binance::BinanceSigner;

namespace {
// RFC 8032, section 7.1, TEST 1 (empty message).
const QByteArray kRfcSecret = QByteArray::fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
const QByteArray kRfcSignature = QByteArray::fromHex(
    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");

QByteArray pemOf(const QByteArray &rawSecret)
{
    EVP_PKEY *pkey = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr,
                                                  reinterpret_cast<const unsigned char *>(rawSecret.constData()),
                                                  size_t(rawSecret.size()));
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, pkey, nullptr, nullptr, 0, nullptr, nullptr);
    char *data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    QByteArray pem(data, int(n));
    BIO_free(bio);
    EVP_PKEY_free(pkey);
    return pem;
}
} // namespace

class TestBinanceSigner : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void hmacMatchesTheDocumentationExample()
    {
        const auto signer = BinanceSigner::hmac("NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j");
        QVERIFY(signer.ok());
        const auto sig = signer->sign("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1"
                                      "&recvWindow=5000&timestamp=1499827319559");
        QVERIFY(sig.ok());
        QCOMPARE(sig.value(), QStringLiteral("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71"));
    }

    void ed25519MatchesRfc8032AndIsPercentEncoded()
    {
        const auto signer = BinanceSigner::ed25519(pemOf(kRfcSecret));
        QVERIFY2(signer.ok(), qPrintable(signer.ok() ? QString() : signer.error().toString()));
        const auto sig = signer->sign(QByteArrayView());
        QVERIFY(sig.ok());
        const QString expected = QString::fromLatin1(QUrl::toPercentEncoding(QString::fromLatin1(kRfcSignature.toBase64())));
        QCOMPARE(sig.value(), expected);
        QVERIFY(!sig.value().contains(QLatin1Char('+')) && !sig.value().contains(QLatin1Char('/'))
                && !sig.value().contains(QLatin1Char('=')));
    }

    void restQueryIsSignedOverExactlyWhatIsSent()
    {
        const auto signer = BinanceSigner::hmac("NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j");
        const adapters::binance::Params params{{QStringLiteral("symbol"), QStringLiteral("LTCBTC")},
                                               {QStringLiteral("side"), QStringLiteral("BUY")},
                                               {QStringLiteral("type"), QStringLiteral("LIMIT")},
                                               {QStringLiteral("timeInForce"), QStringLiteral("GTC")},
                                               {QStringLiteral("quantity"), QStringLiteral("1")},
                                               {QStringLiteral("price"), QStringLiteral("0.1")}};
        const auto query = adapters::binance::signedQuery(signer.value(), params, 1499827319559, 5000);
        QVERIFY(query.ok());
        // the documentation's example request, byte for byte
        QCOMPARE(query.value(), QStringLiteral("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1"
                                               "&recvWindow=5000&timestamp=1499827319559"
                                               "&signature=c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71"));
    }

    void webSocketApiParamsAreSortedAndSigned()
    {
        // protocols.md §2.3: the WebSocket API example, same secret
        const auto signer = BinanceSigner::hmac("NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j");
        const adapters::binance::Params params{
            {QStringLiteral("symbol"), QStringLiteral("BTCUSDT")},
            {QStringLiteral("side"), QStringLiteral("SELL")},
            {QStringLiteral("type"), QStringLiteral("LIMIT")},
            {QStringLiteral("timeInForce"), QStringLiteral("GTC")},
            {QStringLiteral("quantity"), QStringLiteral("0.01000000")},
            {QStringLiteral("price"), QStringLiteral("52000.00")},
            {QStringLiteral("recvWindow"), QStringLiteral("100")},
            {QStringLiteral("timestamp"), QStringLiteral("1645423376532")},
            {QStringLiteral("apiKey"), QStringLiteral("vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A")}};
        const auto signedParams = adapters::binance::signedWsParams(signer.value(), params);
        QVERIFY(signedParams.ok());
        QCOMPARE(signedParams->first().first, QStringLiteral("apiKey")); // sorted by name
        QCOMPARE(signedParams->last().first, QStringLiteral("signature"));
        QCOMPARE(signedParams->last().second, QStringLiteral("aa1b5712c094bc4e57c05a1a5c1fd8d88dcd628338ea863fec7b88e59fe2db24"));
    }

    void badKeysAreTypedErrorsWithoutTheKey()
    {
        const auto empty = BinanceSigner::hmac("  ");
        QVERIFY(!empty.ok());
        QCOMPARE(empty.error().code, QStringLiteral("INVALID_API_KEY_FORMAT"));
        const QByteArray notPem = "this-is-a-secret-not-a-pem-key";
        const auto garbage = BinanceSigner::ed25519(notPem);
        QVERIFY(!garbage.ok());
        QVERIFY(!garbage.error().message.contains(QString::fromLatin1(notPem)));
    }
};

QTEST_GUILESS_MAIN(TestBinanceSigner)
#include "test_binancesigner.moc"
