// User-data stream messages from the WebSocket API: executionReport (with and without a trade, and a
// cancel that names the original order in C), account positions, the end of the stream, bad input.
#include "adapters/binance/userdataparser.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QTest>

using namespace adapters::binance;

namespace {
QByteArray frame(const char *name)
{
    QFile f(testsupport::testDataDir() + QStringLiteral("/binance/streams/") + QLatin1String(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed() : QByteArray();
}
} // namespace

class TestUserDataParser : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aTradeIsAReportAndAFill()
    {
        const auto r = parseUserData(frame("executionReport.json"));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        const auto &u = std::get<ExecutionUpdate>(r.value());
        QCOMPARE(u.report.clientId, QStringLiteral("mUvoqJxFIILMdfAW5iGSOW"));
        QCOMPARE(u.report.venueOrderId, QStringLiteral("4293153"));
        QCOMPARE(int(u.report.status), int(engine::OrderStatus::PartiallyFilled));
        QCOMPARE(u.report.filledQty.toString(), QStringLiteral("0.4"));
        QVERIFY(u.fill);
        QCOMPARE(u.fill->fillId, QStringLiteral("ETHBTC-42"));
        QCOMPARE(u.fill->price.toString(), QStringLiteral("0.1026441"));
        QCOMPARE(u.fill->qty.toString(), QStringLiteral("0.4"));
        QCOMPARE(u.fill->fee.toString(), QStringLiteral("0.00000041"));
        QCOMPARE(u.fill->feeAsset, QStringLiteral("BNB"));
        QVERIFY(u.fill->isMaker);
    }

    void aCancelNamesTheOriginalOrder()
    {
        QByteArray text = frame("executionReport.json");
        text.replace(R"("C":"")", R"("C":"MD-CANCELLED-1")").replace(R"("x":"TRADE")", R"("x":"CANCELED")")
            .replace(R"("X":"PARTIALLY_FILLED")", R"("X":"CANCELED")");
        const auto r = parseUserData(text);
        QVERIFY(r.ok());
        const auto &u = std::get<ExecutionUpdate>(r.value());
        QCOMPARE(u.report.clientId, QStringLiteral("MD-CANCELLED-1"));
        QCOMPARE(int(u.report.status), int(engine::OrderStatus::Cancelled));
        QVERIFY(!u.fill);
    }

    void accountPositionsAndTheEndOfTheStream()
    {
        auto r = parseUserData(frame("outboundAccountPosition.json"));
        QVERIFY(r.ok());
        const auto &a = std::get<AccountUpdate>(r.value());
        QCOMPARE(a.free.value(QStringLiteral("USDT")).toString(), QStringLiteral("993.829"));
        QCOMPARE(a.locked.value(QStringLiteral("USDT")).toString(), QStringLiteral("6.17"));
        r = parseUserData(R"({"subscriptionId":0,"event":{"e":"eventStreamTerminated","E":1728973001334}})");
        QVERIFY(r.ok() && std::holds_alternative<StreamTerminated>(r.value()));
        r = parseUserData(R"({"subscriptionId":0,"event":{"e":"balanceUpdate","E":1,"a":"BTC","d":"1","T":2}})");
        QVERIFY(r.ok() && std::holds_alternative<std::monostate>(r.value()));
    }

    void badMessagesAreTypedErrors()
    {
        for (const char *text : {"", "[]", R"({"event":{"e":"executionReport","s":"X"}})",
                                 R"({"event":{"e":"executionReport","s":"X","c":"a","X":"WEIRD","z":"0"}})",
                                 R"({"event":{"e":"executionReport","s":"X","c":"a","X":"FILLED","z":"1","x":"TRADE","L":"x","l":"1","n":"0"}})",
                                 R"({"event":{"e":"outboundAccountPosition","B":[{"a":"USDT","f":"-1","l":"0"}]}})"}) {
            const auto r = parseUserData(QByteArray(text));
            QVERIFY2(!r.ok(), text);
            QCOMPARE(r.error().code, QStringLiteral("MALFORMED_FRAME"));
        }
    }
};

QTEST_GUILESS_MAIN(TestUserDataParser)
#include "test_userdataparser.moc"
