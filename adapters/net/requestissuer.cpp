#include "adapters/net/requestissuer.h"

#include "adapters/net/oneshotbody.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace adapters::net {

QNetworkReply *issueRequest(QNetworkAccessManager &manager, const HttpRequest &req, const QByteArray &defaultUserAgent)
{
    QNetworkRequest qreq(req.url);
    bool hasUserAgent = false;
    for (const auto &[name, value] : req.headers) {
        qreq.setRawHeader(name, value);
        hasUserAgent = hasUserAgent || name.compare("User-Agent", Qt::CaseInsensitive) == 0;
    }
    if (!hasUserAgent)
        qreq.setHeader(QNetworkRequest::UserAgentHeader, defaultUserAgent);
    // Following a redirect would re-send a non-idempotent body to a place we did not choose.
    qreq.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                      req.idempotent ? QNetworkRequest::NoLessSafeRedirectPolicy
                                     : QNetworkRequest::ManualRedirectPolicy);
    qreq.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);

    const QByteArray method = req.method.toUpper();
    if (req.idempotent) {
        if (method == "GET" && req.body.isEmpty())
            return manager.get(qreq);
        if (method == "HEAD")
            return manager.head(qreq);
        return manager.sendCustomRequest(qreq, method, req.body);
    }
    // Without buffering and with a Content-Length, Qt streams the body instead of keeping a
    // rewindable copy of it.
    qreq.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
    qreq.setHeader(QNetworkRequest::ContentLengthHeader, req.body.size());
    auto *body = new OneShotBody(req.body);
    QNetworkReply *reply = manager.sendCustomRequest(qreq, method, body);
    body->setParent(reply); // must live until the reply is finished
    return reply;
}

} // namespace adapters::net
