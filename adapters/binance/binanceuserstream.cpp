#include "adapters/binance/binanceuserstream.h"

#include "adapters/binance/requestsigning.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <utility>

namespace adapters::binance {

namespace {
constexpr int kResubscribeDelayMs = 1000;
}

BinanceUserStream::BinanceUserStream(QUrl wsApiUrl, QByteArray apiKey, const BinanceSigner *signer,
                                     std::function<qint64()> serverNowMs, net::WebSocketOptions options, QObject *parent)
    : QObject(parent)
    , m_apiKey(std::move(apiKey))
    , m_signer(signer)
    , m_serverNowMs(std::move(serverNowMs))
    , m_url(std::move(wsApiUrl))
    , m_session(std::move(options))
{
    connect(&m_session, &net::WebSocketSession::textMessageReceived, this, &BinanceUserStream::onText);
    connect(&m_session, &net::WebSocketSession::disconnected, this, [this](const QString &code, const QString &reason) {
        failPending(QStringLiteral("the WebSocket API connection ended (%1)").arg(code));
        const bool was = m_subscribed;
        m_subscribed = false;
        m_pendingId.clear();
        if (was)
            Q_EMIT unsubscribed(QStringLiteral("user data stream: %1 (%2)").arg(reason, code));
    });
    // A fresh signature per connection: the timestamp must be within recvWindow of the server's clock.
    m_session.setSubscriptionProvider([this] {
        const QString request = subscribeRequest();
        return request.isEmpty() ? QStringList() : QStringList{request};
    });
}

BinanceUserStream::~BinanceUserStream() = default;

void BinanceUserStream::start() { m_session.open(m_url); }

bool BinanceUserStream::request(const QString &method, const Params &params, Answer done, int timeoutMs)
{
    if (!isOpen())
        return false;
    QJsonObject p;
    for (const auto &[k, v] : params)
        p.insert(k, v);
    const QString id = QStringLiteral("rq-%1").arg(m_nextId++);
    const QJsonObject message{{QStringLiteral("id"), id}, {QStringLiteral("method"), method}, {QStringLiteral("params"), p}};
    m_requests.insert(id, std::move(done));
    if (!m_session.sendText(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)))) {
        m_requests.remove(id);
        return false;
    }
    QTimer::singleShot(timeoutMs, this, [this, id] {
        if (Answer late = m_requests.take(id))
            late(0, {}, {{QStringLiteral("msg"), QStringLiteral("no answer in time")}});
    });
    return true;
}

void BinanceUserStream::failPending(const QString &why)
{
    const QHash<QString, Answer> pending = std::exchange(m_requests, {});
    for (const Answer &a : pending)
        a(0, {}, {{QStringLiteral("msg"), why}});
}

void BinanceUserStream::stop()
{
    failPending(QStringLiteral("stopped"));
    m_session.close();
    m_subscribed = false;
    m_pendingId.clear();
}

QString BinanceUserStream::subscribeRequest()
{
    const engine::Result<Params> params = signedWsRequest(*m_signer, {}, m_apiKey, m_serverNowMs());
    if (!params) {
        Q_EMIT problem(params.error().code, params.error().message);
        return {};
    }
    QJsonObject p;
    for (const auto &[k, v] : params.value())
        p.insert(k, v);
    m_pendingId = QStringLiteral("uds-%1").arg(m_nextId++);
    const QJsonObject request{{QStringLiteral("id"), m_pendingId},
                              {QStringLiteral("method"), QStringLiteral("userDataStream.subscribe.signature")},
                              {QStringLiteral("params"), p}};
    return QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact));
}

void BinanceUserStream::resubscribeLater()
{
    QTimer::singleShot(kResubscribeDelayMs, this, [this] {
        if (m_subscribed || !m_pendingId.isEmpty() || m_session.state() != net::WebSocketSession::State::Open)
            return;
        if (const QString request = subscribeRequest(); !request.isEmpty())
            m_session.sendText(request);
    });
}

void BinanceUserStream::onText(const QString &text)
{
    m_lastMessage.start();
    const QByteArray utf8 = text.toUtf8();
    const QJsonObject o = QJsonDocument::fromJson(utf8).object();
    // An answer to a request: {"id", "status", "result"} or {"id", "status", "error": {code, msg}}.
    if (o.contains(QLatin1String("status")) && !o.contains(QLatin1String("event"))) {
        const QString id = o.value(QStringLiteral("id")).toString();
        if (Answer answer = m_requests.take(id)) {
            answer(o.value(QStringLiteral("status")).toInt(), o.value(QStringLiteral("result")).toObject(),
                   o.value(QStringLiteral("error")).toObject());
            return;
        }
        const QJsonObject error = o.value(QStringLiteral("error")).toObject();
        if (o.value(QStringLiteral("status")).toInt() == 200 && id == m_pendingId && !m_pendingId.isEmpty()) {
            m_pendingId.clear();
            m_subscribed = true;
            Q_EMIT subscribed();
            return;
        }
        const QString code = QStringLiteral("BINANCE_%1").arg(error.value(QStringLiteral("code")).toInteger());
        const QString msg = error.value(QStringLiteral("msg")).toString().left(200);
        if (id == m_pendingId)
            m_pendingId.clear();
        if (error.value(QStringLiteral("code")).toInteger() == -2035) { // already subscribed on this connection
            if (!m_subscribed) {
                m_subscribed = true;
                Q_EMIT subscribed();
            }
            return;
        }
        Q_EMIT problem(code, QStringLiteral("the WebSocket API refused a request: %1").arg(msg));
        if (!m_subscribed)
            resubscribeLater(); // a clock or key problem; a new signature is tried after a pause
        return;
    }
    engine::Result<UserDataEvent> parsed = parseUserData(utf8);
    if (!parsed) {
        ++m_rejected;
        Q_EMIT problem(parsed.error().code, QStringLiteral("ignored a user-data frame: %1").arg(parsed.error().message));
        return;
    }
    if (const auto *e = std::get_if<ExecutionUpdate>(&parsed.value())) {
        Q_EMIT execution(*e);
    } else if (const auto *a = std::get_if<AccountUpdate>(&parsed.value())) {
        Q_EMIT account(*a);
    } else if (std::holds_alternative<StreamTerminated>(parsed.value())) {
        m_subscribed = false;
        Q_EMIT unsubscribed(QStringLiteral("the user data stream was terminated by the server"));
        resubscribeLater();
    }
}

} // namespace adapters::binance
