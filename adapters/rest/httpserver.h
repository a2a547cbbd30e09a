#pragma once

#include "adapters/rest/connectionguard.h"
#include "adapters/rest/httptypes.h"

#include <QHostAddress>
#include <QtHttpServer/QAbstractHttpServer>

#include <functional>
#include <memory>

class QWebSocket;

namespace adapters::rest {

//! Answers one request, now or later (after an asynchronous engine call). Copies share the one
//! answer; sending twice, or after the client has gone, does nothing.
class HttpResponder {
public:
    struct State;
    explicit HttpResponder(std::shared_ptr<State> state) : d(std::move(state)) {}
    void send(const HttpResponse &response) const;
    [[nodiscard]] bool sent() const;

private:
    std::shared_ptr<State> d;
};

//! TLS material for listen(): PEM files chosen by the user.
struct TlsFiles {
    QString certificatePath;
    QString privateKeyPath;
};

//! The one place that knows QtHttpServer's API, which changed after 6.4 (handleRequest's signature,
//! WebSocket upgrade verifiers). Everything else sees HttpRequest, HttpResponse and HttpResponder.
//! Connections pass through a ConnectionGuard; a WebSocket upgrade is handed out by
//! webSocketConnected (the receiver owns the socket).
class HttpServer final : public QAbstractHttpServer {
    Q_OBJECT
public:
    using Handler = std::function<void(const HttpRequest &, const HttpResponder &)>;

    HttpServer(Handler handler, ConnectionLimits limits, QObject *parent = nullptr);
    ~HttpServer() override;

    //! Listens on `address`:`port` (0 = any free port), with TLS when `tls` is given. Returns the
    //! port. API_LISTEN_FAILED, API_TLS_INVALID.
    engine::Result<quint16> start(const QHostAddress &address, quint16 port, const TlsFiles *tls);
    [[nodiscard]] const ConnectionGuard &guard() const { return *m_guard; }

Q_SIGNALS:
    void webSocketConnected(QWebSocket *socket);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Handler m_handler;
    ConnectionGuard *m_guard;
};

} // namespace adapters::rest
