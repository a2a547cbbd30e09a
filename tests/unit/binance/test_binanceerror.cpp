// What the adapter does with each documented Binance error (protocols.md §1.8).
#include "adapters/binance/binanceerror.h"

#include <QTest>

using namespace adapters::binance;
using A = BinanceError::Action;

class TestBinanceError : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void documentedCodes_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("idempotent");
        QTest::addColumn<int>("action");
        QTest::newRow("ok") << 200 << QByteArray("{}") << false << int(A::None);
        QTest::newRow("-1003 weight") << 429 << QByteArray(R"({"code":-1003,"msg":"Too much request weight used"})") << true << int(A::Retry);
        QTest::newRow("418 ban") << 418 << QByteArray(R"({"code":-1003,"msg":"Way too much request weight used; IP banned until 1."})") << true << int(A::Retry);
        QTest::newRow("-1015 orders") << 429 << QByteArray(R"({"code":-1015,"msg":"Too many new orders"})") << false << int(A::Retry);
        QTest::newRow("-1007 POST") << 408 << QByteArray(R"({"code":-1007,"msg":"Send status unknown; execution status unknown."})") << false << int(A::QueryOutcome);
        QTest::newRow("-1006 POST") << 500 << QByteArray(R"({"code":-1006,"msg":"An unexpected response was received from the message bus. Execution status unknown."})") << false << int(A::QueryOutcome);
        QTest::newRow("-1007 GET") << 408 << QByteArray(R"({"code":-1007,"msg":"Timeout"})") << true << int(A::Retry);
        QTest::newRow("5xx POST") << 503 << QByteArray("<html>") << false << int(A::QueryOutcome);
        QTest::newRow("5xx GET") << 502 << QByteArray() << true << int(A::Retry);
        QTest::newRow("-1021 clock") << 400 << QByteArray(R"({"code":-1021,"msg":"Timestamp for this request is outside of the recvWindow."})") << false << int(A::ResyncClock);
        QTest::newRow("-1013 filter") << 400 << QByteArray(R"({"code":-1013,"msg":"Filter failure: LOT_SIZE"})") << false << int(A::Reject);
        QTest::newRow("-2010 rejected") << 400 << QByteArray(R"({"code":-2010,"msg":"Account has insufficient balance for requested action."})") << false << int(A::Reject);
        QTest::newRow("-2013 no order") << 400 << QByteArray(R"({"code":-2013,"msg":"Order does not exist."})") << true << int(A::NotFound);
        QTest::newRow("-2011 unknown") << 400 << QByteArray(R"({"code":-2011,"msg":"Unknown order sent."})") << false << int(A::NotFound);
        QTest::newRow("-2011 restricted") << 400 << QByteArray(R"({"code":-2011,"msg":"Order was not canceled due to cancel restrictions."})") << false << int(A::Reject);
        QTest::newRow("-2015 key") << 401 << QByteArray(R"({"code":-2015,"msg":"Invalid API-key, IP, or permissions for action."})") << true << int(A::Reject);
        QTest::newRow("-1022 signature") << 400 << QByteArray(R"({"code":-1022,"msg":"Signature for this request is not valid."})") << false << int(A::Reject);
    }

    void documentedCodes()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(bool, idempotent);
        QFETCH(int, action);
        QCOMPARE(int(classify(status, body, idempotent).action), action);
    }

    void retryAfterAndCodesAreKept()
    {
        const auto e = classify(429, R"({"code":-1003,"msg":"Too much request weight used"})", true, "7");
        QCOMPARE(e.retryAfterMs, 7000);
        QCOMPARE(e.errorCode(), QStringLiteral("BINANCE_-1003"));
        QCOMPARE(e.toError().message, QStringLiteral("Too much request weight used"));
        QCOMPARE(classify(503, "", false).errorCode(), QStringLiteral("HTTP_503"));
        QCOMPARE(classify(503, "", false).message, QStringLiteral("HTTP 503"));
    }
};

QTEST_GUILESS_MAIN(TestBinanceError)
#include "test_binanceerror.moc"
