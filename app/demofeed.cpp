// The embedded demo market as a session feed.
#include "app/venueregistry.h"

#include "engine/kernel/engineinbox.h"

#include "adapters/demo/demomarket.h"

#include <QDateTime>
#include <QTimeZone>

namespace app {

namespace {

class DemoFeed final : public MarketFeed {
public:
    explicit DemoFeed(const FeedOptions &o)
        : m_market(std::make_unique<adapters::demo::DemoMarket>(o.seed, o.speed, o.warmUpMinutes, o.epochMs))
    {
        if (o.resumeAtMs > o.epochMs) {
            m_market->resumeAt(o.resumeAtMs);
            const QString at = QDateTime::fromMSecsSinceEpoch(o.resumeAtMs, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
            m_resume = o.resumeAtMs - o.epochMs > adapters::demo::DemoMarket::kMaxReplayMs
                           ? QStringLiteral(", resumed at %1 UTC by jumping there (too far to replay)").arg(at)
                           : QStringLiteral(", resumed at %1 UTC").arg(at);
        }
    }
    void connectTo(engine::EngineInbox &inbox, engine::MarketDataSink *paper) override
    {
        if (paper)
            m_market->addMarketSink(paper); // paper fills against the same books
        m_market->addMarketSink(&inbox);
        m_market->addSocialSink(&inbox);
        m_market->addChainSink(&inbox);
        // In lock step with the engine: the same seed trades the same at 1x and at 100x.
        m_market->setStepGate([&inbox] { return inbox.isSettled(); });
    }
    void start() override { m_market->startMarketData(); }
    QString describe() const override
    {
        return QStringLiteral("demo market seed %1 at %2x%3").arg(m_market->seed()).arg(m_market->speed()).arg(m_resume);
    }

private:
    std::unique_ptr<adapters::demo::DemoMarket> m_market;
    QString m_resume;
};

} // namespace

VenueRegistration demoVenue()
{
    VenueRegistration r;
    r.info.id = QStringLiteral("demo");
    r.info.displayName = QStringLiteral("Demo market");
    r.info.simulated = true;
    r.info.marketData = true;
    r.makeFeed = [](const FeedOptions &o) { return std::make_unique<DemoFeed>(o); };
    return r;
}

} // namespace app
