#include "adapters/binance/binancemarketstream.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace adapters::binance {

BinanceMarketStream::BinanceMarketStream(QUrl url, net::WebSocketOptions options, QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_session(std::move(options))
{
    connect(&m_session, &net::WebSocketSession::textMessageReceived, this, &BinanceMarketStream::onText);
    connect(&m_session, &net::WebSocketSession::connected, this, [this] {
        Q_EMIT streamConnected();
        for (engine::MarketDataSink *s : m_sinks)
            s->onMarketConnection(true, QStringLiteral("Binance streams (%1 symbols)").arg(m_symbols.size()));
    });
    connect(&m_session, &net::WebSocketSession::disconnected, this, [this](const QString &code, const QString &reason) {
        for (engine::MarketDataSink *s : m_sinks)
            s->onMarketConnection(false, QStringLiteral("Binance streams: %1 (%2)").arg(reason, code));
    });
    // After every reconnect the server knows nothing: one message subscribes to everything again.
    m_session.setSubscriptionProvider([this] {
        QStringList streams;
        for (const QString &s : symbols())
            streams << streamsOf(s);
        return streams.isEmpty() ? QStringList() : QStringList{request("SUBSCRIBE", streams)};
    });
}

BinanceMarketStream::~BinanceMarketStream() = default;

QStringList BinanceMarketStream::streamsOf(const QString &symbol)
{
    const QString s = symbol.toLower();
    return {s + QStringLiteral("@trade"), s + QStringLiteral("@bookTicker"), s + QStringLiteral("@kline_1m"),
            s + QStringLiteral("@depth@100ms"), s + QStringLiteral("@miniTicker")};
}

QStringList BinanceMarketStream::symbols() const
{
    QStringList list(m_symbols.cbegin(), m_symbols.cend());
    std::sort(list.begin(), list.end());
    return list;
}

QString BinanceMarketStream::request(const char *method, const QStringList &streams)
{
    const QJsonObject o{{QStringLiteral("method"), QLatin1String(method)},
                        {QStringLiteral("params"), QJsonArray::fromStringList(streams)},
                        {QStringLiteral("id"), m_nextId++}};
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

void BinanceMarketStream::start() { m_session.open(m_url); }

void BinanceMarketStream::stop() { m_session.close(); }

void BinanceMarketStream::subscribe(const QStringList &symbols)
{
    QStringList streams;
    for (const QString &s : symbols) {
        if (!s.isEmpty() && !m_symbols.contains(s.toUpper())) {
            m_symbols.insert(s.toUpper());
            streams << streamsOf(s);
        }
    }
    if (!streams.isEmpty() && m_session.state() == net::WebSocketSession::State::Open)
        m_session.sendText(request("SUBSCRIBE", streams));
}

void BinanceMarketStream::unsubscribe(const QStringList &symbols)
{
    QStringList streams;
    for (const QString &s : symbols) {
        if (m_symbols.remove(s.toUpper()))
            streams << streamsOf(s);
    }
    if (!streams.isEmpty() && m_session.state() == net::WebSocketSession::State::Open)
        m_session.sendText(request("UNSUBSCRIBE", streams));
}

void BinanceMarketStream::onText(const QString &text)
{
    m_lastMessage.start();
    const QByteArray utf8 = text.toUtf8();
    const engine::Result<StreamEvent> parsed = m_parser.parse(std::string_view(utf8.constData(), size_t(utf8.size())));
    if (!parsed) {
        ++m_rejected;
        engine::AdapterError e;
        e.kind = engine::AdapterError::Kind::Retryable;
        e.source = QStringLiteral("binance");
        e.code = parsed.error().code;
        e.message = QStringLiteral("ignored a market-stream frame: %1").arg(parsed.error().message);
        for (engine::MarketDataSink *s : m_sinks)
            s->onMarketError(e);
        return;
    }
    deliver(parsed.value());
}

void BinanceMarketStream::deliver(const StreamEvent &event)
{
    if (const auto *t = std::get_if<engine::TradeTick>(&event)) {
        for (engine::MarketDataSink *s : m_sinks)
            s->onTrade(*t);
    } else if (const auto *b = std::get_if<engine::BookUpdate>(&event)) {
        engine::BookUpdate book = *b;
        book.tsMs = QDateTime::currentMSecsSinceEpoch(); // bookTicker carries no time: stamp arrival
        for (engine::MarketDataSink *s : m_sinks)
            s->onBook(book);
    } else if (const auto *t = std::get_if<engine::Ticker24h>(&event)) {
        for (engine::MarketDataSink *s : m_sinks)
            s->onTicker(*t);
    } else if (const auto *d = std::get_if<DepthUpdate>(&event)) {
        if (m_onDepth)
            m_onDepth(*d);
    } else if (const auto *c = std::get_if<engine::Candle>(&event)) {
        if (!c->closed)
            return; // the engine trades on closed candles; the forming one only moves the chart
        for (engine::MarketDataSink *s : m_sinks)
            s->onCandle(*c);
    }
}

} // namespace adapters::binance
