#include "adapters/rest/httptypes.h"

#include <QJsonArray>

namespace adapters::rest {

HttpResponse HttpResponse::error(int status, const engine::Error &error)
{
    QJsonObject body{{QStringLiteral("code"), error.code}, {QStringLiteral("message"), error.message}};
    if (!error.details.isEmpty())
        body.insert(QStringLiteral("details"), QJsonArray::fromStringList(error.details));
    return json(status, QJsonObject{{QStringLiteral("error"), body}});
}

int statusForError(const QString &code)
{
    static const QHash<QString, int> exact{
        {QStringLiteral("AUTH_REQUIRED"), 401},
        {QStringLiteral("AUTH_TOKEN_INVALID"), 401},
        {QStringLiteral("AUTH_FAILED"), 401},
        {QStringLiteral("AUTH_REFRESH_INVALID"), 401},
        {QStringLiteral("AUTH_REFRESH_REUSED"), 401},
        {QStringLiteral("AUTH_LOCKED"), 423},
        {QStringLiteral("FORBIDDEN"), 403},
        {QStringLiteral("NOT_FOUND"), 404},
        {QStringLiteral("USER_NOT_FOUND"), 404},
        {QStringLiteral("ORDER_NOT_FOUND"), 404},
        {QStringLiteral("METHOD_NOT_ALLOWED"), 405},
        {QStringLiteral("USER_EXISTS"), 409},
        {QStringLiteral("USER_LAST_ADMIN"), 409},
        {QStringLiteral("ENGINE_NOT_RUNNING"), 409},
        {QStringLiteral("IDEMPOTENCY_IN_PROGRESS"), 409},
        {QStringLiteral("ORDER_DENIED"), 422},
        {QStringLiteral("CONFIRMATION_REQUIRED"), 428},
        {QStringLiteral("BODY_TOO_LARGE"), 413},
        {QStringLiteral("UNSUPPORTED_MEDIA_TYPE"), 415},
        {QStringLiteral("RATE_LIMITED"), 429},
        {QStringLiteral("AUTH_UNAVAILABLE"), 503},
        {QStringLiteral("ENGINE_TIMEOUT"), 504},
    };
    if (const auto it = exact.constFind(code); it != exact.cend())
        return it.value();
    if (code.endsWith(QLatin1String("_INVALID")) || code == QLatin1String("BAD_REQUEST"))
        return 400;
    if (code.endsWith(QLatin1String("_NOT_FOUND")))
        return 404;
    if (code.endsWith(QLatin1String("_BUSY")) || code.endsWith(QLatin1String("_NOT_OPEN")))
        return 409;
    if (code.endsWith(QLatin1String("_UNAVAILABLE")))
        return 503;
    return 500;
}

} // namespace adapters::rest
