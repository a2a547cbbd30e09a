// exchangeInfo parsing and the pre-send order check: rounding to tick and step toward the passive
// side, the LOT_SIZE / PRICE_FILTER / NOTIONAL filters, symbol status, and bad payloads.
#include "adapters/binance/exchangerules.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QTest>

using namespace adapters::binance;
using engine::Decimal;

namespace {
Decimal D(const char *s) { return Decimal::fromString(s); }

QByteArray fixture()
{
    QFile f(testsupport::testDataDir() + QStringLiteral("/binance/exchangeInfo.json"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

engine::OrderRequest order(engine::OrderType type, engine::Side side, const char *qty, const char *price = "0")
{
    engine::OrderRequest r;
    r.symbol = QStringLiteral("PEPEUSDT");
    r.type = type;
    r.side = side;
    r.qty = D(qty);
    r.limitPrice = D(price);
    return r;
}
} // namespace

class TestExchangeRules : public QObject {
    Q_OBJECT

    ExchangeRules m_rules;

private Q_SLOTS:
    void initTestCase()
    {
        const auto parsed = parseExchangeInfo(fixture());
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
        m_rules = parsed.value();
    }

    void theDocumentedShapeParses()
    {
        QCOMPARE(m_rules.symbols.size(), 4);
        QCOMPARE(m_rules.serverTimeMs, 1767225600000LL);
        QCOMPARE(m_rules.rateLimits.first().type, QStringLiteral("REQUEST_WEIGHT"));
        QCOMPARE(m_rules.rateLimits.first().windowMs, 60'000);
        QCOMPARE(m_rules.rateLimits.first().limit, 6000);
        const SymbolRules pepe = m_rules.symbols.value(QStringLiteral("PEPEUSDT"));
        QVERIFY(pepe.isTrading());
        QCOMPARE(pepe.price->step.toString(), QStringLiteral("0.00000001"));
        QCOMPARE(pepe.lot->step.toString(), QStringLiteral("1"));
        QCOMPARE(pepe.minNotional.toString(), QStringLiteral("5"));
        const engine::Instrument i = pepe.instrument();
        QCOMPARE(i.baseAsset, QStringLiteral("PEPE"));
        QCOMPARE(i.tickSize.toString(), QStringLiteral("0.00000001"));
        QCOMPARE(m_rules.symbols.value(QStringLiteral("WIFUSDT")).minNotional.toString(), QStringLiteral("5")); // MIN_NOTIONAL
    }

    void limitOrdersRoundTowardThePassiveSide()
    {
        const SymbolRules pepe = m_rules.symbols.value(QStringLiteral("PEPEUSDT"));
        auto buy = prepareOrder(pepe, order(engine::OrderType::Limit, engine::Side::Buy, "1234567.89", "0.000012345678"), {});
        QVERIFY(buy.ok());
        QCOMPARE(buy->request.qty.toString(), QStringLiteral("1234567"));
        QCOMPARE(buy->request.limitPrice.toString(), QStringLiteral("0.00001234")); // a buy never pays more
        auto sell = prepareOrder(pepe, order(engine::OrderType::Limit, engine::Side::Sell, "1234567.89", "0.000012345678"), {});
        QCOMPARE(sell->request.limitPrice.toString(), QStringLiteral("0.00001235")); // a sell never gets less
        QCOMPARE(buy->notional, D("0.00001234") * D("1234567"));
        QVERIFY(buy->checkedFilters.contains(QStringLiteral("NOTIONAL")));
    }

    void filterViolationsAreRefusedBeforeSending()
    {
        const SymbolRules pepe = m_rules.symbols.value(QStringLiteral("PEPEUSDT"));
        // 100,000 PEPE at 0.00001234 = 1.234 USDT < the 5 USDT minimum
        auto small = prepareOrder(pepe, order(engine::OrderType::Limit, engine::Side::Buy, "100000", "0.00001234"), {});
        QVERIFY(!small.ok());
        QCOMPARE(small.error().code, QStringLiteral("FILTER_NOTIONAL"));
        QVERIFY(small.error().details.contains(QStringLiteral("min=5")));
        auto tiny = prepareOrder(pepe, order(engine::OrderType::Limit, engine::Side::Buy, "0.5", "0.00001234"), {});
        QCOMPARE(tiny.error().code, QStringLiteral("INVALID_QUANTITY"));
        auto huge = prepareOrder(pepe, order(engine::OrderType::Limit, engine::Side::Buy, "100000000000", "0.00001"), {});
        QCOMPARE(huge.error().code, QStringLiteral("FILTER_LOT_SIZE"));
        auto pricey = prepareOrder(pepe, order(engine::OrderType::Limit, engine::Side::Sell, "1000000", "2"), {});
        QCOMPARE(pricey.error().code, QStringLiteral("FILTER_PRICE"));
        // MARKET: notional at the reference price; MARKET_LOT_SIZE with step 0 falls back to LOT_SIZE
        auto market = prepareOrder(pepe, order(engine::OrderType::Market, engine::Side::Buy, "500000.7"), D("0.00001"));
        QVERIFY(market.ok());
        QCOMPARE(market->request.qty.toString(), QStringLiteral("500000"));
        auto marketSmall = prepareOrder(pepe, order(engine::OrderType::Market, engine::Side::Buy, "1000"), D("0.00001"));
        QCOMPARE(marketSmall.error().code, QStringLiteral("FILTER_NOTIONAL"));
    }

    void aMarketOrderByAmountIsCheckedAsItsAmount()
    {
        SymbolRules pepe = m_rules.symbols.value(QStringLiteral("PEPEUSDT"));
        QVERIFY(pepe.quoteOrderQtyMarketAllowed);
        QCOMPARE(pepe.quoteAssetPrecision, 8);
        engine::OrderRequest r = order(engine::OrderType::Market, engine::Side::Buy, "0");
        r.quoteQty = D("25.123456789");
        const auto ok = prepareOrder(pepe, r, D("0.00001"));
        QVERIFY(ok.ok());
        QCOMPARE(ok->request.quoteQty, D("25.12345678")); // down to the quote precision
        QVERIFY(ok->request.qty.isZero());
        QCOMPARE(ok->notional, D("25.12345678"));
        r.quoteQty = D("0.5");
        QCOMPARE(prepareOrder(pepe, r, D("0.00001")).error().code, QStringLiteral("FILTER_NOTIONAL"));
        r.quoteQty = D("0.000000001");
        QCOMPARE(prepareOrder(pepe, r, D("0.00001")).error().code, QStringLiteral("INVALID_QUANTITY"));
        r.quoteQty = D("10");
        r.type = engine::OrderType::Limit;
        r.limitPrice = D("0.00001");
        QCOMPARE(prepareOrder(pepe, r, {}).error().code, QStringLiteral("ORDER_TYPE_NOT_ALLOWED"));
        pepe.quoteOrderQtyMarketAllowed = false;
        r.type = engine::OrderType::Market;
        QCOMPARE(prepareOrder(pepe, r, D("0.00001")).error().code, QStringLiteral("ORDER_TYPE_NOT_ALLOWED"));
    }

    void onlyTradingSymbolsTakeOrders()
    {
        engine::OrderRequest r = order(engine::OrderType::Limit, engine::Side::Buy, "10", "1");
        r.symbol = QStringLiteral("WIFUSDT");
        const auto halted = prepareOrder(m_rules.symbols.value(QStringLiteral("WIFUSDT")), r, {});
        QVERIFY(!halted.ok());
        QCOMPARE(halted.error().code, QStringLiteral("SYMBOL_NOT_TRADING"));
        QVERIFY(halted.error().message.contains(QLatin1String("HALT")));
        // A status Binance may add later is not TRADING either: refused, and named.
        for (const char *status : {"BREAK", "END_OF_DAY", "AUCTION_MATCH", "SOMETHING_NEW"}) {
            adapters::binance::SymbolRules rules = m_rules.symbols.value(QStringLiteral("PEPEUSDT"));
            rules.status = QLatin1String(status);
            const auto refused = prepareOrder(rules, order(engine::OrderType::Limit, engine::Side::Buy, "1000000", "0.00001"), {});
            QCOMPARE(refused.error().code, QStringLiteral("SYMBOL_NOT_TRADING"));
            QVERIFY(refused.error().message.contains(QLatin1String(status)));
        }
    }

    void badPayloadsAreTypedErrors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("not JSON");
        QTest::newRow("truncated") << fixture().left(700) << QStringLiteral("not JSON");
        QTest::newRow("no symbols") << QByteArray(R"({"serverTime": 1})") << QStringLiteral("no symbols");
        QTest::newRow("tick not a string")
            << QByteArray(R"({"symbols":[{"symbol":"X","status":"TRADING","baseAsset":"A","quoteAsset":"B",)"
                          R"("filters":[{"filterType":"PRICE_FILTER","minPrice":"0","maxPrice":"0","tickSize":0.01}]}]})")
            << QStringLiteral("X PRICE_FILTER: tickSize");
        QTest::newRow("garbage step")
            << QByteArray(R"({"symbols":[{"symbol":"Y","status":"TRADING","baseAsset":"A","quoteAsset":"B",)"
                          R"("filters":[{"filterType":"LOT_SIZE","minQty":"1","maxQty":"1e999","stepSize":"1"}]}]})")
            << QStringLiteral("Y LOT_SIZE: maxQty");
        QTest::newRow("symbol without assets") << QByteArray(R"({"symbols":[{"symbol":"Z"}]})") << QStringLiteral("without");
    }

    void badPayloadsAreTypedErrors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const auto parsed = parseExchangeInfo(json);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, QStringLiteral("EXCHANGE_INFO_INVALID"));
        QVERIFY2(parsed.error().message.contains(expected), qPrintable(parsed.error().message));
    }
};

QTEST_GUILESS_MAIN(TestExchangeRules)
#include "test_exchangerules.moc"
