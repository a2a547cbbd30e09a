#include "adapters/binance/binanceadmin.h"

#include "adapters/binance/binancerestclient.h"

#include <QDateTime>
#include <QPointer>

#include <memory>

namespace adapters::binance {

namespace {

//! The meme coins traders look for first on Binance Spot.
const QStringList kMemeBases{QStringLiteral("DOGE"),  QStringLiteral("SHIB"),    QStringLiteral("PEPE"),
                             QStringLiteral("FLOKI"), QStringLiteral("BONK"),    QStringLiteral("WIF"),
                             QStringLiteral("BOME"),  QStringLiteral("MEME"),    QStringLiteral("NEIRO"),
                             QStringLiteral("TURBO"), QStringLiteral("PEOPLE"),  QStringLiteral("1000SATS"),
                             QStringLiteral("PNUT"),  QStringLiteral("ACT"),     QStringLiteral("TRUMP")};

QUrl restUrl(const QHash<QString, QString> &settings)
{
    const QString v = settings.value(QStringLiteral("binance.rest_url"));
    return QUrl(v.isEmpty() ? QStringLiteral("https://api.binance.com") : v);
}

//! A REST client for one check; deleted with the answer, or with `context` if that goes first.
BinanceRestClient *oneShotClient(const QUrl &url, const QByteArray &key, BinanceSigner signer, QObject *context)
{
    auto *client = new BinanceRestClient(url, key, std::move(signer));
    if (context)
        QObject::connect(context, &QObject::destroyed, client, &QObject::deleteLater);
    return client;
}

} // namespace

BinanceAdmin::BinanceAdmin(engine::SecretStore &secrets) : m_secrets(secrets) {}

QList<engine::VenueSymbol> BinanceAdmin::ordered(QList<engine::VenueSymbol> symbols)
{
    const auto rank = [](const engine::VenueSymbol &s) {
        const bool usdt = s.quoteAsset == QLatin1String("USDT");
        const qsizetype meme = kMemeBases.indexOf(s.baseAsset);
        if (usdt && meme >= 0)
            return int(meme);
        return usdt ? 1000 : 2000;
    };
    std::stable_sort(symbols.begin(), symbols.end(), [&rank](const engine::VenueSymbol &a, const engine::VenueSymbol &b) {
        const int ra = rank(a);
        const int rb = rank(b);
        return ra != rb ? ra < rb : a.symbol < b.symbol;
    });
    return symbols;
}

void BinanceAdmin::listSymbols(const QHash<QString, QString> &settings, QObject *context,
                               std::function<void(const engine::Result<QList<engine::VenueSymbol>> &)> done)
{
    BinanceRestClient *client = oneShotClient(restUrl(settings), {}, BinanceSigner::hmac(QByteArray(32, '\0')).value(), context);
    QPointer<QObject> ctx(context);
    client->exchangeInfo([client, ctx, done](engine::Result<ExchangeRules> rules) {
        client->deleteLater();
        if (!ctx)
            return;
        if (!rules)
            return done(rules.error());
        QList<engine::VenueSymbol> list;
        for (const SymbolRules &r : rules->symbols) {
            engine::VenueSymbol s;
            s.symbol = r.symbol;
            s.baseAsset = r.baseAsset;
            s.quoteAsset = r.quoteAsset;
            s.status = r.status;
            s.tickSize = r.price ? r.price->step : engine::Decimal();
            s.stepSize = r.lot ? r.lot->step : engine::Decimal();
            s.minQty = r.lot ? r.lot->min : engine::Decimal();
            s.minNotional = r.minNotional;
            s.orderTypes = r.orderTypes;
            list << s;
        }
        done(ordered(std::move(list)));
    });
}

void BinanceAdmin::testConnection(const QHash<QString, QString> &settings, QObject *context,
                                  std::function<void(const engine::Result<engine::ConnectionCheck> &)> done)
{
    const QUrl url = restUrl(settings);
    QPointer<QObject> ctx(context);
    engine::SecretStore *secrets = &m_secrets;
    secrets->readSecret(QStringLiteral("binance.api_key"), [=](engine::Result<QString> key) {
        if (!ctx)
            return;
        if (!key)
            return done(engine::Error{key.error().code, QStringLiteral("no Binance API key in the keychain (%1)").arg(key.error().message)});
        secrets->readSecret(QStringLiteral("binance.api_secret"), [=](engine::Result<QString> secret) {
            if (!ctx)
                return;
            if (!secret)
                return done(engine::Error{secret.error().code,
                                          QStringLiteral("no Binance API secret in the keychain (%1)").arg(secret.error().message)});
            const QByteArray material = secret->toUtf8();
            engine::Result<BinanceSigner> signer =
                material.contains("-----BEGIN") ? BinanceSigner::ed25519(material) : BinanceSigner::hmac(material);
            if (!signer)
                return done(engine::Error{QStringLiteral("KEY_UNUSABLE"), QStringLiteral("the stored API secret cannot sign requests")});
            BinanceRestClient *client = oneShotClient(url, key->toLatin1(), std::move(signer).value(), ctx.data());
            auto check = std::make_shared<engine::ConnectionCheck>();
            const qint64 sent = QDateTime::currentMSecsSinceEpoch();
            client->syncTime([=](engine::Result<qint64> offset) {
                if (!ctx)
                    return client->deleteLater();
                if (!offset) {
                    client->deleteLater();
                    return done(engine::Error{offset.error().code, QStringLiteral("Binance cannot be reached at %1: %2")
                                                                       .arg(url.toString(), offset.error().message)});
                }
                check->latencyMs = QDateTime::currentMSecsSinceEpoch() - sent;
                check->clockOffsetMs = offset.value();
                client->account([=](engine::Result<BinanceRestClient::Account> account) {
                    if (!ctx)
                        return client->deleteLater();
                    if (!account) {
                        client->deleteLater();
                        return done(account.error()); // -2015 and -1022 say what is wrong with the key
                    }
                    check->canTrade = account->canTrade;
                    check->canWithdraw = account->canWithdraw;
                    check->permissions = account->permissions;
                    client->apiRestrictions([=](engine::Result<BinanceRestClient::KeyRestrictions> r) {
                        client->deleteLater();
                        if (!ctx)
                            return;
                        if (r) { // a testnet has no such endpoint: then it stays unknown
                            check->ipRestricted = r->ipRestrict ? 1 : 0;
                            check->canWithdraw = r->enableWithdrawals; // what this key may do
                            check->canTrade = check->canTrade && r->enableSpotTrading;
                        }
                        done(*check);
                    });
                });
            });
        });
    });
}

} // namespace adapters::binance
