// The engine's sentiment model: VADER's rules on its lexicon plus the crypto overlay, reading
// what meme-coin posts say; and its agreement with human labels on real finance tweets.
#include "engine/signals/sentimentmodel.h"

#include "tests/support/testsupport.h"

#include <QFile>
#include <QTest>

using engine::SentimentModel;

class TestSentimentModel : public QObject {
    Q_OBJECT

    static double score(const char *text) { return SentimentModel::standard().score(QString::fromUtf8(text)); }

private Q_SLOTS:
    void lexiconsAreCompiledIn()
    {
        QVERIFY(SentimentModel::standard().size() > 7000); // VADER's 7,500 entries and the overlay
    }

    void readsMemeCoinSlang()
    {
        QVERIFY(score("$PEPE to the moon \xF0\x9F\x9A\x80") > 0.5);
        QVERIFY(score("$WOJAK RUGGED. LP pulled. stay away") < -0.5);
        QVERIFY(score("got dumped on with $X, classic pump and dump") < -0.5);
        QVERIFY(score("$X holders growing fast, still early") > 0.2);
        QVERIFY(score("$X slowly bleeding out") < -0.3);
        QCOMPARE(score("$X volume looks normal"), 0.0);
        QCOMPARE(score(""), 0.0);
    }

    void appliesVadersRules()
    {
        QVERIFY(score("this is good") > 0);
        QVERIFY(score("this is not good") < 0);                      // negation
        QVERIFY(score("this is very good") > score("this is good")); // booster
        QVERIFY(score("this is GOOD today") > score("this is good today")); // capitals
        QVERIFY(score("this is good!!!") > score("this is good"));    // exclamation
        QVERIFY(score("great start but a terrible end") < 0);         // "but" weighs the second half
        QVERIFY(score("bullish") > 0 && score("bearish") < 0);
        for (const char *t : {"\xF0\x9F\x9A\x80\xF0\x9F\x9A\x80\xF0\x9F\x9A\x80 MOON MOON LFG!!!!!!", "rug rug rug scam dead rekt"})
            QVERIFY(std::abs(score(t)) <= 1);
    }

    void agreesWithHumanLabelsOnRealTweets()
    {
        QFile file(QStringLiteral(MEMEDESK_SHARED_DATA "/twitter_financial_news_sentiment.csv"));
        if (!file.open(QIODevice::ReadOnly))
            QSKIP("../shared/data/twitter_financial_news_sentiment.csv is not here");
        // Bearish (0) and Bullish (1) tweets of the validation split: does the sign agree?
        int agree = 0, total = 0;
        file.readLine();
        while (!file.atEnd()) {
            const QString line = QString::fromUtf8(file.readLine()).trimmed();
            if (!line.startsWith(QLatin1String("valid,0,")) && !line.startsWith(QLatin1String("valid,1,")))
                continue;
            const bool bullish = line.at(6) == QLatin1Char('1');
            const QString text = line.section(QLatin1Char(','), 3);
            const double s = SentimentModel::standard().score(text);
            if (s == 0)
                continue;
            ++total;
            agree += (s > 0) == bullish ? 1 : 0;
        }
        qInfo("sign agreement with human labels on %d scored bearish/bullish validation tweets: %.1f %%", total,
              100.0 * agree / std::max(1, total));
        QVERIFY(total > 300);
        QVERIFY(agree * 100 >= total * 60); // a lexicon model, not a trained one: well above chance
    }
};

QTEST_GUILESS_MAIN(TestSentimentModel)
#include "test_sentimentmodel.moc"
