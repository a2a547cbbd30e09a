#pragma once

#include "engine/core/marketdata.h"
#include "engine/core/result.h"

#include <QObject>

#include <functional>

namespace adapters::binance {

class BinanceRestClient;

//! Fetches a symbol's klines for a time range from Binance's public REST endpoint, a page of up to
//! 1,000 bars at a time (each page starting after the last bar of the one before), paced by the
//! REST client's request budget. Only closed bars are handed on.
class KlineDownloader final : public QObject {
    Q_OBJECT
public:
    explicit KlineDownloader(BinanceRestClient *rest, QObject *parent = nullptr);

    using Page = std::function<engine::Result<void>(const QList<engine::Candle> &bars)>;
    //! Bars with open times in [fromMs, toMs]; `page` stores each page (an error stops the
    //! download); `done` gets the number of bars, or the first error.
    void download(const QString &symbol, const QString &interval, qint64 fromMs, qint64 toMs, Page page,
                  std::function<void(engine::Result<qint64>)> done);

private:
    void next();
    void finish(engine::Result<qint64> result);

    BinanceRestClient *m_rest;
    QString m_symbol;
    QString m_interval;
    qint64 m_cursor = 0;
    qint64 m_toMs = 0;
    qint64 m_bars = 0;
    Page m_page;
    std::function<void(engine::Result<qint64>)> m_done;
};

} // namespace adapters::binance
