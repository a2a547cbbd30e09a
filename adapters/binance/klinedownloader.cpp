#include "adapters/binance/klinedownloader.h"

#include "adapters/binance/binancerestclient.h"

namespace adapters::binance {

namespace {
constexpr int kPage = 1000; // Binance's largest page
} // namespace

KlineDownloader::KlineDownloader(BinanceRestClient *rest, QObject *parent) : QObject(parent), m_rest(rest) {}

void KlineDownloader::download(const QString &symbol, const QString &interval, qint64 fromMs, qint64 toMs, Page page,
                               std::function<void(engine::Result<qint64>)> done)
{
    m_symbol = symbol;
    m_interval = interval;
    m_cursor = fromMs;
    m_toMs = toMs;
    m_bars = 0;
    m_page = std::move(page);
    m_done = std::move(done);
    if (fromMs > toMs)
        return finish(qint64(0));
    next();
}

void KlineDownloader::next()
{
    m_rest->klines(m_symbol, m_interval, m_cursor, kPage, [this](engine::Result<QList<engine::Candle>> bars) {
        if (!bars)
            return finish(bars.error());
        QList<engine::Candle> wanted;
        for (const engine::Candle &c : bars.value())
            if (c.openTimeMs >= m_cursor && c.openTimeMs <= m_toMs)
                wanted << c;
        if (!wanted.isEmpty()) {
            if (const engine::Result<void> stored = m_page(wanted); !stored)
                return finish(stored.error());
            m_bars += wanted.size();
        }
        // The end: a short page (nothing more yet), or past the range asked for.
        const QList<engine::Candle> &all = bars.value();
        if (all.size() < kPage || all.last().openTimeMs >= m_toMs)
            return finish(m_bars);
        m_cursor = all.last().openTimeMs + 1;
        next();
    });
}

void KlineDownloader::finish(engine::Result<qint64> result)
{
    if (m_done)
        std::exchange(m_done, nullptr)(std::move(result));
}

} // namespace adapters::binance
