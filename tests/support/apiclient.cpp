#include "tests/support/apiclient.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTest>
#include <QTimer>
#include <QWebSocket>

namespace testsupport {

QString ApiReply::errorCode() const
{
    return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

QString ApiReply::describe() const
{
    return QStringLiteral("%1 %2 %3 %4").arg(status).arg(errorCode(), QString::fromUtf8(body.left(400)), networkError);
}

ApiClient::ApiClient(QString baseUrl) : m_base(std::move(baseUrl)) {}

ApiReply ApiClient::call(const QByteArray &method, const QString &path, const QString &token, const QByteArray &body,
                         const QByteArray &contentType, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(QUrl(m_base + path));
    request.setTransferTimeout(30000);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    if (!body.isEmpty() && !contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    ApiReply out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    out.json = QJsonDocument::fromJson(out.body).object();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        out.headers.insert(name.toLower(), value);
    if (reply->error() != QNetworkReply::NoError && out.status == 0)
        out.networkError = reply->errorString();
    reply->deleteLater();
    return out;
}

ApiReply ApiClient::send(const QByteArray &method, const QString &path, const QString &token, const QJsonObject &body)
{
    return call(method, path, token, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QString ApiClient::login(const QString &user, const QString &password, QString *refresh)
{
    const ApiReply reply = send("POST", QStringLiteral("/api/v1/auth/login"), {},
                                {{QStringLiteral("username"), user}, {QStringLiteral("password"), password}});
    if (refresh)
        *refresh = reply.json.value(QStringLiteral("refresh_token")).toString();
    return reply.json.value(QStringLiteral("access_token")).toString();
}

WsClient::WsClient() : m_socket(std::make_unique<QWebSocket>())
{
    QObject::connect(m_socket.get(), &QWebSocket::textMessageReceived, m_socket.get(),
                     [this](const QString &text) { m_received.append(QJsonDocument::fromJson(text.toUtf8()).object()); });
    QObject::connect(m_socket.get(), &QWebSocket::disconnected, m_socket.get(), [this] { m_closed = true; });
    QObject::connect(m_socket.get(), &QWebSocket::connected, m_socket.get(), [this] { m_connected = true; });
}

WsClient::~WsClient() = default;

bool WsClient::open(const QUrl &url, int timeoutMs)
{
    m_socket->open(url);
    return QTest::qWaitFor([this] { return m_connected || m_closed; }, timeoutMs) && m_connected;
}

void WsClient::send(const QJsonObject &message)
{
    m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

QJsonObject WsClient::waitFor(const std::function<bool(const QJsonObject &)> &match, int timeoutMs, qsizetype from)
{
    qsizetype checked = from;
    QJsonObject found;
    (void)QTest::qWaitFor(
        [&] {
            for (; checked < m_received.size(); ++checked) {
                if (match(m_received[checked])) {
                    found = m_received[checked];
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    return found;
}

int WsClient::waitClosed(int timeoutMs)
{
    if (!QTest::qWaitFor([this] { return m_closed; }, timeoutMs))
        return -1;
    return int(m_socket->closeCode());
}

} // namespace testsupport
