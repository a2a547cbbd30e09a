#include "adapters/net/httptypes.h"

namespace adapters::net {

const char *failureKindName(FailureKind kind)
{
    switch (kind) {
    case FailureKind::None: return "None";
    case FailureKind::Retryable: return "Retryable";
    case FailureKind::UnknownOutcome: return "UnknownOutcome";
    case FailureKind::Fatal: return "Fatal";
    }
    return "?";
}

HttpRequest HttpRequest::get(const QUrl &url, int weight)
{
    HttpRequest r;
    r.method = "GET";
    r.url = url;
    r.idempotent = true;
    r.weight = weight;
    return r;
}

HttpRequest HttpRequest::post(const QUrl &url, const QByteArray &body, const QByteArray &contentType)
{
    HttpRequest r;
    r.method = "POST";
    r.url = url;
    r.body = body;
    r.headers.append({QByteArrayLiteral("Content-Type"), contentType});
    return r;
}

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace adapters::net
