#include "adapters/binance/requestsigning.h"

#include <QUrl>

#include <algorithm>

namespace adapters::binance {

engine::Result<QString> signedQuery(const BinanceSigner &signer, Params params, qint64 timestampMs, int recvWindowMs)
{
    params.append({QStringLiteral("recvWindow"), QString::number(std::clamp(recvWindowMs, 1, 60000))});
    params.append({QStringLiteral("timestamp"), QString::number(timestampMs)});
    QString query;
    for (const auto &[key, value] : params) {
        if (!query.isEmpty())
            query += QLatin1Char('&');
        query += QString::fromLatin1(QUrl::toPercentEncoding(key)) + QLatin1Char('=')
            + QString::fromLatin1(QUrl::toPercentEncoding(value));
    }
    const engine::Result<QString> signature = signer.sign(query.toLatin1());
    if (!signature)
        return signature.error();
    return query + QStringLiteral("&signature=") + signature.value();
}

engine::Result<Params> signedWsParams(const BinanceSigner &signer, Params params)
{
    std::sort(params.begin(), params.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QString payload;
    for (const auto &[key, value] : params) {
        if (!payload.isEmpty())
            payload += QLatin1Char('&');
        payload += key + QLatin1Char('=') + value;
    }
    const engine::Result<QString> signature = signer.sign(payload.toUtf8());
    if (!signature)
        return signature.error();
    // JSON carries the signature as it is: Ed25519's base64 is not percent-encoded here.
    params.append({QStringLiteral("signature"), signer.kind() == BinanceSigner::Kind::Ed25519
                                                    ? QUrl::fromPercentEncoding(signature.value().toLatin1())
                                                    : signature.value()});
    return params;
}

engine::Result<Params> signedWsRequest(const BinanceSigner &signer, Params params, const QByteArray &apiKey,
                                       qint64 timestampMs, int recvWindowMs)
{
    params.append({QStringLiteral("apiKey"), QString::fromLatin1(apiKey)});
    params.append({QStringLiteral("recvWindow"), QString::number(std::clamp(recvWindowMs, 1, 60000))});
    params.append({QStringLiteral("timestamp"), QString::number(timestampMs)});
    return signedWsParams(signer, std::move(params));
}

} // namespace adapters::binance
