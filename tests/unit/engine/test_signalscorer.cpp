// The default strategy's scoring rules (docs/architecture.md, "The default strategy"): the parts
// as documented, a capped momentum said to be capped, the overbought halving named as what it does,
// the contributions and weights in the explanation, and a buy without mentions said to be one.
#include "engine/signals/signalscorer.h"

#include <QTest>

#include <cmath>

using namespace engine;

namespace {

//! Features warmed up on a steady climb (momentum up), or flat.
SymbolFeatures climbing(double stepPct, int bars = 60)
{
    SymbolFeatures f(5, 20, 14);
    double price = 1.0;
    for (int i = 0; i < bars; ++i) {
        Candle c;
        c.symbol = QStringLiteral("WOJAKUSDT");
        c.openTimeMs = qint64(i) * 60'000;
        c.open = Decimal::fromDouble(price, 10);
        // a small dip every third bar keeps the RSI off 100
        price *= i % 3 == 2 ? 1.0 - stepPct / 200.0 : 1.0 + stepPct / 100.0;
        c.close = Decimal::fromDouble(price, 10);
        c.high = Decimal::max(c.open, c.close);
        c.low = Decimal::min(c.open, c.close);
        c.volume = Decimal::fromInt(1000 + (i == bars - 1 ? 2000 : 0));
        f.update(c);
    }
    return f;
}

SocialStats surge(double velocity, double sentiment, int posts, int authors)
{
    SocialStats s;
    s.recentPosts = posts;
    s.uniqueAuthors = authors;
    s.velocity = velocity;
    s.sentiment = sentiment;
    s.authorDiversity = posts > 0 ? double(authors) / posts : 1;
    return s;
}

} // namespace

class TestSignalScorer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void thePartsFollowTheDocumentedRules()
    {
        const auto p = SignalScorer::parts(0.015, 60, 1.5, surge(4.0, 0.5, 10, 8));
        QCOMPARE(p.market, 0.5);                   // 1.5 % of a full 3 %
        QCOMPARE(p.volume, 0.5);                   // z 1.5 of 3, with the trend
        QCOMPARE(p.social, 0.6 * 1.0 + 0.4 * 0.5); // x4 = two doublings = a full surge
        QVERIFY(!p.overbought && !p.coordinated);
        const auto capped = SignalScorer::parts(0.09, 60, -6, {});
        QCOMPARE(capped.market, 1.0);
        QCOMPARE(capped.volume, -1.0);
        QCOMPARE(capped.social, 0.0); // nobody talking
        const auto late = SignalScorer::parts(0.015, 90, 0, {});
        QVERIFY(late.overbought);
        QCOMPARE(late.market, 0.25);
        const auto bots = SignalScorer::parts(0.0, 50, 0, surge(8.0, 0.9, 12, 3));
        QVERIFY(bots.coordinated);
        QVERIFY(bots.social <= -0.3);
        // A campaign mixed with real people: many authors, but half the posts from accounts that keep posting.
        SocialStats mixed = surge(8.0, 0.9, 20, 12);
        mixed.repeatShare = 0.55;
        mixed.repeatAuthors = 3;
        QVERIFY(SignalScorer::parts(0.0, 50, 0, mixed).coordinated);
        mixed.repeatShare = 0.2; // a few regulars: still a crowd
        QVERIFY(!SignalScorer::parts(0.0, 50, 0, mixed).coordinated);
    }

    void repeatPostersAreCounted()
    {
        SocialTracker tracker;
        tracker.setWindows(5, 60);
        const auto post = [&](const char *author, qint64 ts) {
            SocialPost p;
            p.author = QString::fromLatin1(author);
            p.tokens = {QStringLiteral("PEPE")};
            p.text = QStringLiteral("$PEPE");
            p.tsMs = ts;
            tracker.add(p);
        };
        for (int i = 0; i < 3; ++i)
            post("shill_a", 1000 + i);
        for (int i = 0; i < 4; ++i)
            post("shill_b", 2000 + i);
        post("person_1", 3000);
        post("person_2", 3001);
        post("person_2", 3002);
        const SocialStats s = tracker.stats(QStringLiteral("PEPE"), 60'000);
        QCOMPARE(s.recentPosts, 10);
        QCOMPARE(s.repeatAuthors, 2);
        QCOMPARE(s.repeatShare, 0.7);
    }

    void theExplanationShowsWhatWasUsed()
    {
        StrategyParams params;
        const SymbolFeatures f = climbing(1.5);
        QVERIFY(f.isReady());
        QVERIFY(f.momentum() > 0.03); // beyond the cap
        const Signal s = SignalScorer(params).score(QStringLiteral("WOJAKUSDT"), 0, Decimal::fromInt(1), f,
                                                    surge(4.0, 0.5, 10, 8), ChainStats{});
        QVERIFY2(s.explanation.contains(QStringLiteral("capped at ±3 %")), qPrintable(s.explanation));
        QVERIFY(s.explanation.contains(QStringLiteral("score = (0.40 x ")));
        QVERIFY(s.explanation.contains(QStringLiteral(" x +0.80) / 1.00 = "))); // social 0.6 + 0.4 x 0.5, weight 0.40
        if (f.rsi() > 85)
            QVERIFY(s.explanation.contains(QStringLiteral("the up trend counts half")));
        QVERIFY(!s.explanation.contains(QStringLiteral("overbought")));
        QCOMPARE(s.action, QStringLiteral("BUY"));
    }

    void aBuyWithoutMentionsSaysSo()
    {
        StrategyParams params;
        params.weightSocial = 0.1; // price and volume reach the threshold on their own
        const SymbolFeatures f = climbing(1.5);
        const Signal quiet = SignalScorer(params).score(QStringLiteral("WOJAKUSDT"), 0, Decimal::fromInt(1), f, SocialStats{}, ChainStats{});
        QVERIFY2(quiet.score >= params.entryScore, qPrintable(quiet.explanation));
        QCOMPARE(quiet.action, QStringLiteral("BUY"));
        QVERIFY(quiet.explanation.contains(QStringLiteral("without social confirmation")));
        // With a surge of mentions from many people it is confirmed, and not said to lack it.
        const Signal confirmed = SignalScorer(params).score(QStringLiteral("WOJAKUSDT"), 0, Decimal::fromInt(1), f,
                                                            surge(4.0, 0.5, 10, 8), ChainStats{});
        QCOMPARE(confirmed.action, QStringLiteral("BUY"));
        QVERIFY(!confirmed.explanation.contains(QStringLiteral("without social confirmation")));
        // Pulled liquidity overrides everything.
        ChainStats rug;
        rug.liquidityPulled = true;
        const Signal pulled = SignalScorer(params).score(QStringLiteral("WOJAKUSDT"), 0, Decimal::fromInt(1), f, surge(4.0, 0.5, 10, 8), rug);
        QCOMPARE(pulled.score, -1.0);
        QCOMPARE(pulled.action, QStringLiteral("SELL"));
    }
};

QTEST_GUILESS_MAIN(TestSignalScorer)
#include "test_signalscorer.moc"
