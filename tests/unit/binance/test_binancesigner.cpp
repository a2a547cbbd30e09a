// Request signing against the documentation's HMAC example and RFC 8032's Ed25519 test vector,
// through OpenSSL.
#include "adapters/binance/binancesigner.h"

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
