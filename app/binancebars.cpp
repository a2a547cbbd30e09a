#include "app/binancebars.h"

#include "adapters/binance/binancerestclient.h"
#include "adapters/binance/binancesigner.h"
#include "adapters/binance/klineinterval.h"
#include "adapters/binance/klinedownloader.h"
#include "adapters/storage/klinecache.h"
#include "engine/backtest/mergedbars.h"

#include <QEventLoop>

namespace app {

namespace {

//! The merged cache readers, with the cache they read kept alive as long as they are.
class CachedReplay final : public engine::BarSource {
public:
    CachedReplay(std::unique_ptr<adapters::storage::KlineCache> cache, std::unique_ptr<engine::BarSource> bars)
        : m_cache(std::move(cache))
        , m_bars(std::move(bars))
    {
    }
    ~CachedReplay() override { m_bars.reset(); } // the readers before their database
    engine::Result<bool> next(engine::Candle &bar) override { return m_bars->next(bar); }

private:
    std::unique_ptr<adapters::storage::KlineCache> m_cache;
    std::unique_ptr<engine::BarSource> m_bars;
};

struct Range {
    qint64 from = 0;
    qint64 to = 0;
};

} // namespace

engine::Result<std::unique_ptr<engine::BarSource>> binanceBars(const BinanceBarsRequest &request,
                                                                const std::function<void(const QString &, qint64)> &progress)
{
    const int seconds = adapters::binance::klineIntervalSeconds(request.interval.toStdString());
    if (seconds <= 0)
        return engine::Error{QStringLiteral("USAGE"), QStringLiteral("no Binance kline interval '%1' (1m, 5m, 15m, 1h, 4h, 1d, …)").arg(request.interval)};
    if (request.fromMs >= request.toMs)
        return engine::Error{QStringLiteral("USAGE"), QStringLiteral("--from must be before --to")};
    auto cache = std::make_unique<adapters::storage::KlineCache>(request.cachePath);
    if (const engine::Result<void> opened = cache->open(); !opened)
        return opened.error();

    // Public endpoints only: the signer is never asked to sign.
    adapters::binance::BinanceRestClient rest(request.restUrl, {}, adapters::binance::BinanceSigner::hmac(QByteArray(32, '\0')).value());
    const qint64 step = qint64(seconds) * 1000;
    for (const QString &symbol : request.symbols) {
        QList<Range> missing;
        const auto have = cache->coverage(symbol, request.interval);
        if (!have) {
            missing << Range{request.fromMs, request.toMs};
        } else {
            if (request.fromMs < have->firstMs)
                missing << Range{request.fromMs, have->firstMs - step};
            if (request.toMs > have->lastMs)
                missing << Range{have->lastMs + step, request.toMs};
        }
        for (const Range &r : missing) {
            if (r.from > r.to)
                continue;
            adapters::binance::KlineDownloader downloader(&rest);
            QEventLoop loop;
            engine::Result<qint64> outcome = qint64(0);
            qint64 fetched = 0;
            downloader.download(
                symbol, request.interval, r.from, r.to,
                [&](const QList<engine::Candle> &bars) {
                    fetched += bars.size();
                    if (progress)
                        progress(symbol, fetched);
                    return cache->store(request.interval, bars);
                },
                [&](engine::Result<qint64> result) {
                    outcome = std::move(result);
                    loop.quit();
                });
            loop.exec();
            if (!outcome)
                return engine::Error{outcome.error().code,
                                     QStringLiteral("downloading %1 %2 klines: %3").arg(symbol, request.interval, outcome.error().message)};
        }
    }
    std::vector<std::unique_ptr<engine::BarSource>> sources;
    for (const QString &symbol : request.symbols)
        sources.push_back(cache->bars(symbol, request.interval, request.fromMs, request.toMs));
    auto merged = std::make_unique<engine::MergedBars>(std::move(sources));
    return std::unique_ptr<engine::BarSource>(std::make_unique<CachedReplay>(std::move(cache), std::move(merged)));
}

} // namespace app
