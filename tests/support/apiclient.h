#pragma once

// A real HTTP and WebSocket client for the REST API tests (QNetworkAccessManager, QWebSocket).
#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

class QWebSocket;

namespace testsupport {

struct ApiReply {
    int status = 0;                        // 0 = no HTTP answer (connection failed)
    QByteArray body;
    QJsonObject json;                      // the body when it is a JSON object
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QString networkError;

    //! error.code of the API's error shape ("" on success).
    [[nodiscard]] QString errorCode() const;
    //! "401 AUTH_REQUIRED …body…" for failure messages.
    [[nodiscard]] QString describe() const;
};

class ApiClient {
public:
    explicit ApiClient(QString baseUrl);
    //! One request; `body` is sent as is, with `contentType` when not empty. Waits up to 30 s.
    ApiReply call(const QByteArray &method, const QString &path, const QString &token = {}, const QByteArray &body = {},
                  const QByteArray &contentType = "application/json", const QList<QPair<QByteArray, QByteArray>> &headers = {});
    ApiReply get(const QString &path, const QString &token = {}) { return call("GET", path, token); }
    ApiReply send(const QByteArray &method, const QString &path, const QString &token, const QJsonObject &body);
    //! Signs in; the access token (empty on failure), the refresh token in *refresh.
    QString login(const QString &user, const QString &password, QString *refresh = nullptr);
    [[nodiscard]] QString baseUrl() const { return m_base; }

private:
    QString m_base;
    QNetworkAccessManager m_nam;
};

//! A WebSocket client that keeps every message it receives.
class WsClient {
public:
    WsClient();
    ~WsClient();
    //! Connects to `url` and waits for the handshake (false when it failed).
    bool open(const QUrl &url, int timeoutMs = 10000);
    void send(const QJsonObject &message);
    //! Waits until a received message satisfies `match` (it is returned), or `timeoutMs` passes (empty object).
    //! Only messages from index `from` on count (see mark()).
    QJsonObject waitFor(const std::function<bool(const QJsonObject &)> &match, int timeoutMs, qsizetype from = 0);
    //! How many messages have arrived so far.
    [[nodiscard]] qsizetype mark() const { return m_received.size(); }
    //! Waits for the server to close the socket; its close code (-1 when still open).
    int waitClosed(int timeoutMs);
    [[nodiscard]] const QList<QJsonObject> &received() const { return m_received; }

private:
    std::unique_ptr<QWebSocket> m_socket;
    QList<QJsonObject> m_received;
    bool m_closed = false;
    bool m_connected = false; // the handshake succeeded (the server may have closed since)
};

} // namespace testsupport
