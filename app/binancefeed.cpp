// Binance Spot as a session feed: market data for dry run and live, and its orders for live.
#include "app/venueregistry.h"

#include "engine/api/botapi.h"
#include "engine/kernel/engineinbox.h"

#include "adapters/binance/binancevenue.h"

namespace app {

namespace {

adapters::binance::BinanceSettings settingsFrom(const FeedOptions &o)
{
    adapters::binance::BinanceSettings s;
    const auto url = [&o](const char *key, QUrl *out) {
        const QString v = o.settings.value(QLatin1String(key));
        if (!v.isEmpty())
            *out = QUrl(v);
    };
    url("binance.rest_url", &s.restUrl);
    url("binance.stream_url", &s.streamUrl);
    url("binance.ws_api_url", &s.wsApiUrl);
    const QString symbols = o.settings.value(QStringLiteral("symbols"));
    s.symbols = symbols.isEmpty() ? engine::defaultWatchlist() : symbols.split(QLatin1Char(','), Qt::SkipEmptyParts);
    s.apiKey = o.secrets.value(QLatin1String(engine::secrets::kBinanceApiKey));
    s.apiSecret = o.secrets.value(QLatin1String(engine::secrets::kBinanceApiSecret));
    return s;
}

class BinanceFeed final : public MarketFeed {
public:
    explicit BinanceFeed(const FeedOptions &o)
        : m_settings(settingsFrom(o))
        , m_venue(std::make_unique<adapters::binance::BinanceVenue>(m_settings))
        , m_live(!m_settings.apiKey.isEmpty())
    {
        m_settings.apiSecret.fill('\0');
        m_settings.apiSecret.clear();
    }
    ~BinanceFeed() override
    {
        // Silence the streams before the sinks (the engine's inbox, the paper venue) go away.
        m_venue->stopMarketData();
        m_venue->setExecutionSink(nullptr);
    }
    void connectTo(engine::EngineInbox &inbox, engine::MarketDataSink *paper) override
    {
        if (paper)
            m_venue->addMarketSink(paper); // dry run: paper fills against Binance's books
        m_venue->addMarketSink(&inbox);
    }
    void start() override { m_venue->startMarketData(); }
    QString describe() const override
    {
        return QStringLiteral("Binance Spot at %1 (%2)%3")
            .arg(m_settings.restUrl.toString(), m_settings.symbols.join(QStringLiteral(", ")),
                 m_live ? QStringLiteral(", orders with the keychain's API key") : QString());
    }
    engine::ExecutionClient *liveExecution() override { return m_live ? m_venue.get() : nullptr; }
    bool applySettings(const QHash<QString, QString> &settings) override
    {
        FeedOptions o;
        o.settings = settings;
        const adapters::binance::BinanceSettings next = settingsFrom(o);
        m_venue->setSymbols(next.symbols); // the watchlist: at once
        m_settings.symbols = next.symbols;
        // New addresses need new connections: a new session.
        return next.restUrl == m_settings.restUrl && next.streamUrl == m_settings.streamUrl && next.wsApiUrl == m_settings.wsApiUrl;
    }
    QString problem() const override { return m_venue->setupError(); }

private:
    adapters::binance::BinanceSettings m_settings;
    std::unique_ptr<adapters::binance::BinanceVenue> m_venue;
    bool m_live;
};

} // namespace

VenueRegistration binanceVenue()
{
    VenueRegistration r;
    r.info.id = QStringLiteral("binance");
    r.info.displayName = QStringLiteral("Binance Spot");
    r.info.marketData = true;
    r.info.execution = true;
    r.info.secrets = {QLatin1String(engine::secrets::kBinanceApiKey), QLatin1String(engine::secrets::kBinanceApiSecret)};
    r.makeFeed = [](const FeedOptions &o) { return std::make_unique<BinanceFeed>(o); };
    return r;
}

} // namespace app
