// The configuration is outside input (saved settings, the UI, later REST): it
// round-trips exactly, and bad values are refused with a reason, changing nothing.
#include "engine/api/botconfig.h"

#include <QJsonDocument>
#include <QTest>

using namespace engine;

class TestBotConfig : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaultsAreValid() { QVERIFY(BotConfig().validate().isEmpty()); }

    void jsonRoundTripIsExact()
    {
        BotConfig c;
        c.risk.maxOrderNotional = Decimal::fromString("1234.567890123456789");
        c.risk.stopLossPct = Decimal::fromString("0.0725");
        c.strategy.orderNotional = Decimal::fromString("250.5");
        c.strategy.emaFast = 7;
        c.strategy.weightSocial = 0.55;
        const QByteArray text = QJsonDocument(c.toJson()).toJson();
        QStringList errors;
        const BotConfig back = BotConfig::fromJson(QJsonDocument::fromJson(text).object(), BotConfig(), &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u';')));
        QCOMPARE(back.risk.maxOrderNotional.toString(), QStringLiteral("1234.567890123456789"));
        QCOMPARE(back.risk.stopLossPct.toString(), QStringLiteral("0.0725"));
        QCOMPARE(back.strategy.orderNotional.toString(), QStringLiteral("250.5"));
        QCOMPARE(back.strategy.emaFast, 7);
        QCOMPARE(back.strategy.weightSocial, 0.55);
        // decimals travel as strings, never as binary floating point
        QVERIFY(c.toJson().value(QLatin1String("risk")).toObject().value(QLatin1String("maxOrderNotional")).isString());
    }

    void badFieldsAreRefusedAndNothingIsHalfApplied()
    {
        const BotConfig base;
        const auto doc = QJsonDocument::fromJson(R"({
            "mode": "yolo",
            "risk": {"maxOrderNotional": "12abc", "maxOpenPositions": 2.5, "stopLossPct": 0.1},
            "strategy": {"orderNotional": "100", "entryScore": "high"}
        })");
        QStringList errors;
        const BotConfig out = BotConfig::fromJson(doc.object(), base, &errors);
        QCOMPARE(errors.size(), 5);
        QVERIFY(errors.join(u'\n').contains(QLatin1String("mode: must be demo, dry-run or live")));
        QVERIFY(errors.join(u'\n').contains(QLatin1String("maxOrderNotional: invalid character")));
        QVERIFY(errors.join(u'\n').contains(QLatin1String("maxOpenPositions: must be a whole number")));
        QVERIFY(errors.join(u'\n').contains(QLatin1String("stopLossPct: must be a decimal string")));
        QVERIFY(errors.join(u'\n').contains(QLatin1String("entryScore: must be a number")));
        // the valid orderNotional was not applied on its own
        QCOMPARE(out.strategy.orderNotional, base.strategy.orderNotional);
        QCOMPARE(out.risk.maxOrderNotional, base.risk.maxOrderNotional);
    }

    void validationExplainsEveryProblem()
    {
        BotConfig c;
        c.risk.maxOrderNotional = Decimal::fromInt(100);
        c.strategy.orderNotional = Decimal::fromInt(500); // above the risk limit
        c.risk.stopLossPct = Decimal::fromString("1.5");
        c.risk.maxOpenPositions = 0;
        c.strategy.emaFast = 30;
        c.strategy.emaSlow = 20;
        c.strategy.exitScore = 0.9;
        c.strategy.weightMomentum = c.strategy.weightVolume = c.strategy.weightSocial = 0;
        const QString all = c.validate().join(u'\n');
        for (const char *expected : {"order notional exceeds the max order notional", "stop-loss must be between 0 and 1",
                                     "max open positions must be between 1 and 100", "EMA periods must satisfy",
                                     "exit score must be in", "weights must be non-negative and not all zero"})
            QVERIFY2(all.contains(QLatin1String(expected)), expected);
    }
};

QTEST_GUILESS_MAIN(TestBotConfig)
#include "test_botconfig.moc"
