#pragma once

#include "adapters/binance/binancemarketstream.h"
#include "adapters/binance/exchangerules.h"
#include "adapters/binance/localorderbook.h"

#include "engine/ports/marketdataclient.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <QSet>

#include <map>
#include <memory>
#include <vector>

namespace adapters::binance {

class BinanceRestClient;

//! Market data of the symbols the bot trades, as one start-up sequence and a running stream:
//! server time → `exchangeInfo` (the rules, kept for the order router) → instruments of the
//! symbols that exist and trade → the last `backfillMinutes` of 1-minute klines → the combined
//! streams. It sits between the stream and the engine's sinks so that it can see every closed
//! candle: after a reconnect the bars missed while the stream was down are fetched over REST and
//! delivered, in order and each once, before live bars continue. A symbol that does not exist or
//! does not trade is reported, not streamed. A failed step is retried with a pause, so a venue that
//! is down at start is picked up when it comes back. Lives on the venue's I/O thread.
class BinanceMarketData final : public QObject, private engine::MarketDataSink {
    Q_OBJECT
public:
    BinanceMarketData(BinanceRestClient *rest, QUrl streamUrl, QStringList symbols, int backfillMinutes,
                      net::WebSocketOptions streamOptions = {}, QObject *parent = nullptr);
    //! How often the rules and the server time are read again while streaming (a symbol may be
    //! halted, or resume, at any time; clocks drift). Default 10 minutes.
    void setRulesRefreshMs(int ms) { m_rulesRefresh.setInterval(ms); }
    ~BinanceMarketData() override;

    void addSink(engine::MarketDataSink *sink) { m_sinks.push_back(sink); }
    void start();
    void stop();
    //! Changes the watched symbols while running: new ones get their instruments, recent candles,
    //! order book and streams (one SUBSCRIBE), dropped ones one UNSUBSCRIBE. Before streaming it
    //! just replaces the list.
    void setSymbols(const QStringList &symbols);
    //! Hands the venue's health to every sink.
    void publishHealth(const engine::VenueHealth &health);

    //! Rules of a symbol (nullptr before exchangeInfo arrived or for an unknown symbol).
    [[nodiscard]] const SymbolRules *rules(const QString &symbol) const;
    //! The last best bid/ask mid of a symbol (0 before the first book): prices MARKET orders for the filters.
    [[nodiscard]] engine::Decimal referencePrice(const QString &symbol) const { return m_mid.value(symbol); }
    [[nodiscard]] bool ready() const { return m_ready; }
    [[nodiscard]] BinanceMarketStream &stream() { return m_stream; }
    //! Bars fetched over REST to close gaps after reconnects (tests, health).
    [[nodiscard]] quint64 gapBarsFilled() const { return m_gapBars; }
    //! Local books rebuilt from a new snapshot after a gap in the diffs (tests, health).
    [[nodiscard]] quint64 bookResyncs() const { return m_resyncs; }

Q_SIGNALS:
    //! The rules are loaded and the stream is starting: orders can be checked from now on.
    void rulesReady();

private:
    void step();
    void retryLater(const QString &what, const engine::Error &error);
    void backfill(int index, QList<engine::Candle> collected);
    void fillGaps();
    //! Depth: a local order book per symbol from a REST snapshot and the stream's diffs.
    void onDepth(const DepthUpdate &diff);
    void requestSnapshot(const QString &symbol);
    void publishBook(const QString &symbol, const LocalOrderBook &book);
    void resyncAllBooks();
    void refreshRules();
    void fillGap(const QString &symbol);
    void deliverBar(const engine::Candle &bar);
    void report(engine::AdapterError::Kind kind, const QString &code, const QString &message);

    // engine::MarketDataSink (from the stream)
    void onInstruments(const QList<engine::Instrument> &instruments) override;
    void onCandleHistory(const QList<engine::Candle> &candles) override;
    void onTrade(const engine::TradeTick &trade) override;
    void onBook(const engine::BookUpdate &book) override;
    void onCandle(const engine::Candle &candle) override;
    void onMarketConnection(bool connected, const QString &detail) override;
    void onMarketError(const engine::AdapterError &error) override;
    void onTicker(const engine::Ticker24h &ticker) override;

    enum class Stage { Idle, Time, Rules, History, Streaming };
    BinanceRestClient *m_rest;
    BinanceMarketStream m_stream;
    QStringList m_wanted;
    QStringList m_symbols; // wanted and trading
    int m_backfillMinutes;
    std::vector<engine::MarketDataSink *> m_sinks;
    ExchangeRules m_rules;
    QHash<QString, engine::Decimal> m_mid;
    QHash<QString, qint64> m_lastBarOpenMs; // newest closed bar delivered, per symbol
    QHash<QString, QList<engine::Candle>> m_heldBars;
    std::map<QString, std::unique_ptr<LocalOrderBook>> m_books;
    QSet<QString> m_snapshotPending;
    quint64 m_resyncs = 0; // live bars held while that symbol's gap is fetched
    Stage m_stage = Stage::Idle;
    bool m_ready = false;
    bool m_everConnected = false;
    quint64 m_gapBars = 0;
    QTimer m_retry;
    QTimer m_rulesRefresh;
};

} // namespace adapters::binance
