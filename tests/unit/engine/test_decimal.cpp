#include "engine/core/decimal.h"

#include <QTest>

using engine::Decimal;
using engine::Rounding;

class TestDecimal : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void asciiParserAgreesWithTheTextParser()
    {
        // The wire fast path and the UI path are one parser: same values, same refusals.
        const char *inputs[] = {"0", "1", "-1", "+7.", "0.00000001", "123456789012345678.5", "1.5e-8", "1e20", "1e21",
                                "170141183460469231731.687303715884105727", "0.0000000000000000001", " 42 ", "", "-",
                                "1.2.3", "12a", "1e", "1e-", "1e999", "0.000012345678", "92141578005.00", "NaN", "∞"};
        for (const char *in : inputs) {
            QString e1;
            QString e2;
            const auto a = Decimal::parse(QString::fromUtf8(in), &e1);
            const auto b = Decimal::parseAscii(std::string_view(in), &e2);
            QCOMPARE(a.has_value(), b.has_value());
            if (a)
                QCOMPARE(a->raw() == b->raw(), true);
            QCOMPARE(e1.isEmpty(), e2.isEmpty());
        }
    }

    void parsesAndFormatsExactly_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("zero") << "0" << "0";
        QTest::newRow("negative zero") << "-0.000" << "0";
        QTest::newRow("integer") << "123" << "123";
        QTest::newRow("plus sign") << "+7." << "7";
        QTest::newRow("tiny price") << "0.0000000001" << "0.0000000001";
        QTest::newRow("shib price") << "0.00000856" << "0.00000856";
        QTest::newRow("trailing zeros") << "1.50000000" << "1.5";
        QTest::newRow("big quantity") << "1000000000000000" << "1000000000000000";
        QTest::newRow("big with fraction") << "999999999999999.123456789" << "999999999999999.123456789";
        QTest::newRow("18 places") << "0.000000000000000001" << "0.000000000000000001";
        QTest::newRow("exponent") << "1.5e-8" << "0.000000015";
        QTest::newRow("positive exponent") << "2.5E3" << "2500";
        QTest::newRow("negative") << "-42.0100" << "-42.01";
        QTest::newRow("spaces trimmed") << "  3.25 " << "3.25";
    }
    void parsesAndFormatsExactly()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QString err;
        const auto d = Decimal::parse(in, &err);
        QVERIFY2(d.has_value(), qPrintable(err));
        QCOMPARE(d->toString(), out);
    }

    void rejectsBadText_data()
    {
        QTest::addColumn<QString>("in");
        QTest::newRow("empty") << "";
        QTest::newRow("only sign") << "-";
        QTest::newRow("two dots") << "1.2.3";
        QTest::newRow("letters") << "12abc";
        QTest::newRow("comma") << "1,5";
        QTest::newRow("nan") << "NaN";
        QTest::newRow("inf") << "inf";
        QTest::newRow("too precise") << "0.0000000000000000001";
        QTest::newRow("too large") << "1000000000000000000000";
        QTest::newRow("huge exponent") << "1e400";
        QTest::newRow("dangling exponent") << "1e";
        QTest::newRow("hex") << "0x10";
    }
    void rejectsBadText()
    {
        QFETCH(QString, in);
        QString err;
        QVERIFY(!Decimal::parse(in, &err).has_value());
        QVERIFY2(!err.isEmpty(), "a parse error must say why");
        QVERIFY_THROWS_EXCEPTION(engine::DecimalError, Decimal::fromString(in));
    }

    void arithmeticIsExact()
    {
        // the classic binary floating point trap
        QCOMPARE((Decimal::fromString("0.1") + Decimal::fromString("0.2")).toString(), QStringLiteral("0.3"));
        QCOMPARE((Decimal::fromString("1") - Decimal::fromString("0.9")).toString(), QStringLiteral("0.1"));
        // price down to 1e-10 times quantity up to 1e15
        QCOMPARE((Decimal::fromString("0.0000000001") * Decimal::fromString("1000000000000000")).toString(),
                 QStringLiteral("100000"));
        QCOMPARE((Decimal::fromString("0.00000856") * Decimal::fromString("58411214.953271")).toString(),
                 QStringLiteral("499.99999999999976"));
        QCOMPARE((Decimal::fromString("-2.5") * Decimal::fromString("4")).toString(), QStringLiteral("-10"));
        QCOMPARE((Decimal::fromString("500") / Decimal::fromString("0.00000856")).toString(),
                 QStringLiteral("58411214.953271028037383178"));
        QCOMPARE((Decimal::fromString("1") / Decimal::fromString("3")).toString(), QStringLiteral("0.333333333333333333"));
        QCOMPARE((Decimal::fromString("2") / Decimal::fromString("3")).toString(), QStringLiteral("0.666666666666666667"));
        QCOMPARE((Decimal::fromString("-1") / Decimal::fromString("8")).toString(), QStringLiteral("-0.125"));
        QVERIFY(Decimal::fromString("0.00000001") < Decimal::fromString("0.0000001"));
        QVERIFY(Decimal::fromString("-1") < Decimal());
        QCOMPARE(Decimal::fromString("1.10"), Decimal::fromString("1.1"));
    }

    void roundingModes()
    {
        const Decimal x = Decimal::fromString("2.345");
        QCOMPARE(x.rounded(2, Rounding::Down).toString(), QStringLiteral("2.34"));
        QCOMPARE(x.rounded(2, Rounding::Up).toString(), QStringLiteral("2.35"));
        QCOMPARE(x.rounded(2, Rounding::HalfUp).toString(), QStringLiteral("2.35"));
        QCOMPARE(x.rounded(2, Rounding::HalfEven).toString(), QStringLiteral("2.34"));
        QCOMPARE(Decimal::fromString("2.355").rounded(2, Rounding::HalfEven).toString(), QStringLiteral("2.36"));
        QCOMPARE(Decimal::fromString("-2.345").rounded(2, Rounding::Down).toString(), QStringLiteral("-2.34"));
        QCOMPARE(Decimal::fromString("0.5").toString(0), QStringLiteral("0"));
        QCOMPARE(Decimal::fromString("1.5").toString(0), QStringLiteral("2"));
        QCOMPARE(Decimal::fromString("3").toString(4), QStringLiteral("3.0000"));
        // lot size and tick size
        QCOMPARE(Decimal::fromString("1234.5678").quantized(Decimal::fromString("0.01")).toString(), QStringLiteral("1234.56"));
        QCOMPARE(Decimal::fromString("1234.5678").quantized(Decimal::fromString("5"), Rounding::HalfUp).toString(),
                 QStringLiteral("1235"));
        QCOMPARE(Decimal::fromString("0.000012345").quantized(Decimal::fromString("0.00000001")).toString(),
                 QStringLiteral("0.00001234"));
        QVERIFY_THROWS_EXCEPTION(engine::DecimalError, (void)Decimal::fromString("1").quantized(Decimal()));
    }

    void overflowAndDivisionByZeroThrow()
    {
        const Decimal big = Decimal::fromString("100000000000000000000");
        QVERIFY_THROWS_EXCEPTION(engine::DecimalError, big * big);
        QVERIFY_THROWS_EXCEPTION(engine::DecimalError, big + big);
        QVERIFY_THROWS_EXCEPTION(engine::DecimalError, Decimal::fromInt(1) / Decimal());
    }

    void doubleConversionIsOnlyForModels()
    {
        QCOMPARE(Decimal::fromDouble(0.1, 8).toString(), QStringLiteral("0.1"));
        QCOMPARE(Decimal::fromDouble(1.23456789e-7, 12).toString(), QStringLiteral("0.000000123457"));
        QVERIFY_THROWS_EXCEPTION(engine::DecimalError, Decimal::fromDouble(std::nan("")));
        QCOMPARE(Decimal::fromString("0.25").toDouble(), 0.25);
    }
};

QTEST_GUILESS_MAIN(TestDecimal)
#include "test_decimal.moc"
