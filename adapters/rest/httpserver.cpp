#include "adapters/rest/httpserver.h"

#include <QFile>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>
#include <QtHttpServer/QHttpServerRequest>
#include <QtHttpServer/QHttpServerResponder>

namespace adapters::rest {

struct HttpResponder::State {
    QHttpServerResponder responder;
    QPointer<QTcpSocket> socket;
    bool done = false;
};

void HttpResponder::send(const HttpResponse &response) const
{
    if (d->done)
        return;
    d->done = true;
    if (!d->socket || d->socket->state() != QAbstractSocket::ConnectedState)
        return;
    QHttpServerResponder &out = d->responder;
    out.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    if (!response.contentType.isEmpty())
        out.writeHeader("Content-Type", response.contentType);
    out.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    out.writeHeader("Cache-Control", "no-store");
    out.writeHeader("X-Content-Type-Options", "nosniff");
    for (const auto &[name, value] : response.headers)
        out.writeHeader(name, value);
    out.writeBody(response.body);
}

bool HttpResponder::sent() const
{
    return d->done;
}

namespace {

//! Hands each accepted socket to the guard before the HTTP server connects to it.
class GuardedTcpServer final : public QTcpServer {
public:
    GuardedTcpServer(ConnectionGuard *guard, QObject *parent) : QTcpServer(parent), m_guard(guard) {}

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        m_guard->attach(socket);
        addPendingConnection(socket);
    }

private:
    ConnectionGuard *m_guard;
};

//! The TLS variant: the guard starts watching when the handshake starts.
class GuardedSslServer final : public QSslServer {
public:
    GuardedSslServer(ConnectionGuard *guard, QObject *parent) : QSslServer(parent)
    {
        connect(this, &QSslServer::startedEncryptionHandshake, guard, [guard](QSslSocket *socket) { guard->attach(socket); });
    }
};

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Put: return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete: return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Post: return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Head: return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Options: return QByteArrayLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch: return QByteArrayLiteral("PATCH");
    default: return QByteArrayLiteral("UNKNOWN");
    }
}

engine::Result<QSslConfiguration> tlsConfiguration(const TlsFiles &files)
{
    QFile certFile(files.certificatePath);
    QFile keyFile(files.privateKeyPath);
    if (!certFile.open(QIODevice::ReadOnly))
        return engine::Error(QStringLiteral("API_TLS_INVALID"), QStringLiteral("cannot read the certificate %1").arg(files.certificatePath));
    if (!keyFile.open(QIODevice::ReadOnly))
        return engine::Error(QStringLiteral("API_TLS_INVALID"), QStringLiteral("cannot read the private key %1").arg(files.privateKeyPath));
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    const QByteArray keyPem = keyFile.readAll();
    QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull())
        return engine::Error(QStringLiteral("API_TLS_INVALID"), QStringLiteral("%1 holds no PEM certificate").arg(files.certificatePath));
    if (key.isNull())
        return engine::Error(QStringLiteral("API_TLS_INVALID"), QStringLiteral("%1 holds no usable PEM private key (RSA or EC, unencrypted)").arg(files.privateKeyPath));
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(chain);
    config.setPrivateKey(key);
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setPeerVerifyMode(QSslSocket::VerifyNone); // clients authenticate with tokens, not certificates
    return config;
}

} // namespace

HttpServer::HttpServer(Handler handler, ConnectionLimits limits, QObject *parent)
    : QAbstractHttpServer(parent), m_handler(std::move(handler)), m_guard(new ConnectionGuard(limits, this))
{
    connect(this, &QAbstractHttpServer::newWebSocketConnection, this, [this] {
        while (hasPendingWebSocketConnections()) {
            std::unique_ptr<QWebSocket> socket = nextPendingWebSocketConnection();
            if (socket)
                Q_EMIT webSocketConnected(socket.release());
        }
    });
}

HttpServer::~HttpServer() = default;

engine::Result<quint16> HttpServer::start(const QHostAddress &address, quint16 port, const TlsFiles *tls)
{
    QTcpServer *server = nullptr;
    if (tls) {
        const engine::Result<QSslConfiguration> config = tlsConfiguration(*tls);
        if (!config)
            return config.error();
        auto *ssl = new GuardedSslServer(m_guard, this);
        ssl->setSslConfiguration(config.value());
        ssl->setHandshakeTimeout(10'000);
        server = ssl;
    } else {
        server = new GuardedTcpServer(m_guard, this);
    }
    server->setMaxPendingConnections(256);
    if (!server->listen(address, port)) {
        const QString why = server->errorString();
        delete server;
        return engine::Error(QStringLiteral("API_LISTEN_FAILED"),
                             QStringLiteral("cannot listen on %1:%2: %3").arg(address.toString()).arg(port).arg(why));
    }
    bind(server);
    return server->serverPort();
}

bool HttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    m_guard->requestComplete(socket);
    // Qt 6.4 asks the handler first and then upgrades a WebSocket request whatever it answered, so
    // an upgrade gets no HTTP answer here; the WebSocket side checks the path.
    if (request.value(QByteArrayLiteral("upgrade")).compare(QByteArrayLiteral("websocket"), Qt::CaseInsensitive) == 0) {
        m_guard->release(socket);
        return true;
    }
    HttpRequest ours;
    ours.method = methodName(request.method());
    const QUrl url = request.url();
    ours.path = url.path(QUrl::FullyDecoded);
    ours.query = request.query();
    const auto headers = request.headers();
    ours.headers.reserve(headers.size());
    bool duplicateAuth = false;
    for (const auto &[name, value] : headers) {
        const QByteArray lower = name.toLower();
        if (lower == "authorization" && ours.headers.contains(lower))
            duplicateAuth = true;
        ours.headers.insert(lower, value);
    }
    ours.body = request.body();
    ours.client = request.remoteAddress().toString();
    auto state = std::make_shared<HttpResponder::State>(HttpResponder::State{makeResponder(request, socket), socket, false});
    HttpResponder responder(std::move(state));
    if (duplicateAuth) {
        responder.send(HttpResponse::error(400, QStringLiteral("BAD_REQUEST"), QStringLiteral("more than one Authorization header")));
        return true;
    }
    m_handler(ours, responder);
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    HttpResponder(std::make_shared<HttpResponder::State>(HttpResponder::State{makeResponder(request, socket), socket, false}))
        .send(HttpResponse::error(404, QStringLiteral("NOT_FOUND"), QStringLiteral("no such route")));
}

} // namespace adapters::rest
