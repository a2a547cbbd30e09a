#include "adapters/binance/binancevenueworker.h"

#include "adapters/binance/binancemarketdata.h"
#include "adapters/binance/binanceorderrouter.h"
#include "adapters/binance/binancerestclient.h"
#include "adapters/binance/binanceuserstream.h"

#include <QDateTime>

namespace adapters::binance {

namespace {
constexpr int kHealthIntervalMs = 2000;
constexpr int kWsApiMessagesPerSecond = 20; // Binance: 100 orders / 10 s, 6,000 weight / min
}

BinanceVenueWorker::BinanceVenueWorker(BinanceSettings settings, std::function<void(engine::Decimal)> onTakerFeeRate)
    : m_settings(std::move(settings))
    , m_onTakerFeeRate(std::move(onTakerFeeRate))
{
}

BinanceVenueWorker::~BinanceVenueWorker()
{
    // The parts refer to each other: the users of the REST client go first.
    m_router.reset();
    m_user.reset();
    m_market.reset();
    m_rest.reset();
    m_settings.apiSecret.fill('\0');
}

void BinanceVenueWorker::build()
{
    for (const QUrl &u : {m_settings.restUrl, m_settings.streamUrl, m_settings.wsApiUrl}) {
        if (!u.isValid() || u.host().isEmpty())
            m_setupError = QStringLiteral("'%1' is not a usable Binance address").arg(u.toString().left(120));
    }
    const bool keys = !m_settings.apiKey.isEmpty() && !m_settings.apiSecret.isEmpty();
    // Without keys only public endpoints are used (there is no order router): the REST client
    // still needs a signer, so it gets one over a throwaway key that never signs anything.
    engine::Result<BinanceSigner> signer = !keys ? BinanceSigner::hmac(QByteArray(32, '\0'))
                                           : m_settings.apiSecret.contains("-----BEGIN")
                                               ? BinanceSigner::ed25519(m_settings.apiSecret)
                                               : BinanceSigner::hmac(m_settings.apiSecret);
    m_settings.apiSecret.fill('\0'); // the signer holds the key from here on
    if (!signer) {
        m_setupError = QStringLiteral("the Binance API secret cannot sign requests: %1").arg(signer.error().message);
        signer = BinanceSigner::hmac(QByteArray(32, '\0'));
    }
    m_rest = std::make_unique<BinanceRestClient>(m_settings.restUrl, keys ? m_settings.apiKey : QByteArray(),
                                                 std::move(signer).value());
    m_market = std::make_unique<BinanceMarketData>(m_rest.get(), m_settings.streamUrl, m_settings.symbols,
                                                   m_settings.backfillMinutes, m_settings.socketOptions);
    m_market->setRulesRefreshMs(m_settings.rulesRefreshMs);
    m_healthTimer = new QTimer(this);
    m_healthTimer->setInterval(kHealthIntervalMs);
    connect(m_healthTimer, &QTimer::timeout, this, &BinanceVenueWorker::publishHealth);
    if (!keys || !m_setupError.isEmpty())
        return;
    m_router = std::make_unique<BinanceOrderRouter>(m_rest.get(), m_market.get());
    m_router->onTakerFeeRate = m_onTakerFeeRate;
    BinanceRestClient *rest = m_rest.get();
    // The WebSocket API counts request weight and orders, not 5 messages a second as the market
    // streams do: orders must not queue behind that pace.
    net::WebSocketOptions wsApiOptions = m_settings.socketOptions;
    wsApiOptions.maxMessagesPerWindow = std::max(wsApiOptions.maxMessagesPerWindow, kWsApiMessagesPerSecond);
    m_user = std::make_unique<BinanceUserStream>(m_settings.wsApiUrl, m_settings.apiKey, &rest->signer(),
                                                 [rest] { return rest->serverNowMs(); }, wsApiOptions);
    BinanceOrderRouter *router = m_router.get();
    router->setWsApi(m_user.get(), m_settings.apiKey);
    connect(m_user.get(), &BinanceUserStream::execution, router, &BinanceOrderRouter::onExecution);
    connect(m_user.get(), &BinanceUserStream::account, router, &BinanceOrderRouter::onAccount);
    connect(m_user.get(), &BinanceUserStream::subscribed, router, &BinanceOrderRouter::onUserStreamSubscribed);
    connect(m_user.get(), &BinanceUserStream::problem, this, [this](const QString &code, const QString &message) {
        if (m_sink)
            m_sink->onExecutionError({engine::AdapterError::Kind::Retryable, QStringLiteral("binance"), code, message});
    });
    connect(m_user.get(), &BinanceUserStream::unsubscribed, this, [this](const QString &detail) {
        if (m_sink)
            m_sink->onExecutionError({engine::AdapterError::Kind::Retryable, QStringLiteral("binance"),
                                      QStringLiteral("USER_STREAM_DOWN"), detail});
    });
    // The user stream signs with the synced clock: it starts once the market data has read it.
    connect(m_market.get(), &BinanceMarketData::rulesReady, m_user.get(), [this] {
        if (m_user->session().state() == net::WebSocketSession::State::Idle)
            m_user->start();
    });
}

void BinanceVenueWorker::publishHealth()
{
    engine::VenueHealth h;
    h.venue = QStringLiteral("binance");
    h.streamConnected = m_market->stream().isOpen();
    h.lastMessageAgeMs = m_market->stream().lastMessageAgeMs();
    h.restLatencyMs = m_rest->lastLatencyMs();
    h.weightUsed = m_rest->usedWeight();
    h.weightLimit = BinanceRestClient::kWeightLimit;
    h.clockOffsetMs = m_rest->clockOffsetMs();
    h.userStream = m_user ? (m_user->isSubscribed() ? 1 : 0) : -1;
    h.atMs = QDateTime::currentMSecsSinceEpoch();
    m_market->publishHealth(h);
}

void BinanceVenueWorker::addMarketSink(engine::MarketDataSink *sink) { m_market->addSink(sink); }

void BinanceVenueWorker::setExecutionSink(engine::ExecutionSink *sink)
{
    m_sink = sink;
    if (m_router)
        m_router->setSink(sink);
}

void BinanceVenueWorker::startMarketData()
{
    if (!m_setupError.isEmpty())
        return;
    m_market->start();
    m_healthTimer->start();
}

void BinanceVenueWorker::setSymbols(const QStringList &symbols)
{
    if (m_market)
        m_market->setSymbols(symbols);
}

void BinanceVenueWorker::stopMarketData()
{
    m_market->stop();
    if (m_healthTimer)
        m_healthTimer->stop();
    if (m_user)
        m_user->stop();
}

void BinanceVenueWorker::refuse(const QString &clientId)
{
    if (!m_sink)
        return;
    engine::ExecutionReport r;
    r.clientId = clientId;
    r.status = engine::OrderStatus::Rejected;
    r.message = m_setupError.isEmpty() ? QStringLiteral("NO_API_KEY: no Binance API key in the keychain; nothing was sent")
                                       : QStringLiteral("BINANCE_SETUP: %1").arg(m_setupError);
    m_sink->onExecutionReport(r);
}

void BinanceVenueWorker::submit(const engine::OrderRequest &request)
{
    if (!m_router)
        return refuse(request.clientId);
    m_router->submit(request);
}

void BinanceVenueWorker::cancel(const QString &clientId, const QString &symbol)
{
    if (m_router)
        m_router->cancel(clientId, symbol);
}

void BinanceVenueWorker::query(const QString &clientId, const QString &symbol)
{
    if (m_router)
        m_router->query(clientId, symbol);
}

void BinanceVenueWorker::requestOpenOrders()
{
    if (m_router)
        m_router->requestOpenOrders();
    else if (m_sink)
        m_sink->onOpenOrders({}); // without keys nothing can be working for this app
}

void BinanceVenueWorker::requestBalances()
{
    if (m_router)
        m_router->requestBalances();
}

} // namespace adapters::binance
