#include "adapters/binance/binancemarketdata.h"

#include "adapters/binance/binancerestclient.h"

#include <QDateTime>

#include <algorithm>

namespace adapters::binance {

namespace {
constexpr qint64 kBarMs = 60'000;
constexpr int kRetryMs = 5'000;
constexpr int kMaxBarsPerRequest = 1000;
constexpr int kDepthLevels = 100; // weight 5
constexpr int kResyncDelayMs = 250;
constexpr int kRulesRefreshMs = 10 * 60 * 1000;
} // namespace

BinanceMarketData::BinanceMarketData(BinanceRestClient *rest, QUrl streamUrl, QStringList symbols, int backfillMinutes,
                                     net::WebSocketOptions streamOptions, QObject *parent)
    : QObject(parent)
    , m_rest(rest)
    , m_stream(std::move(streamUrl), std::move(streamOptions))
    , m_wanted(std::move(symbols))
    , m_backfillMinutes(std::clamp(backfillMinutes, 0, kMaxBarsPerRequest))
{
    for (QString &s : m_wanted)
        s = s.trimmed().toUpper();
    m_wanted.removeDuplicates();
    m_wanted.removeAll(QString());
    m_stream.addSink(this);
    m_stream.setDepthHandler([this](const DepthUpdate &d) { onDepth(d); });
    // A new connection starts every stream afresh: the books are rebuilt from new snapshots.
    connect(&m_stream, &BinanceMarketStream::streamConnected, this, &BinanceMarketData::resyncAllBooks);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &BinanceMarketData::step);
    m_rulesRefresh.setInterval(kRulesRefreshMs);
    connect(&m_rulesRefresh, &QTimer::timeout, this, &BinanceMarketData::refreshRules);
}

BinanceMarketData::~BinanceMarketData() = default;

const SymbolRules *BinanceMarketData::rules(const QString &symbol) const
{
    const auto it = m_rules.symbols.constFind(symbol);
    return it == m_rules.symbols.constEnd() ? nullptr : &it.value();
}

void BinanceMarketData::report(engine::AdapterError::Kind kind, const QString &code, const QString &message)
{
    engine::AdapterError e;
    e.kind = kind;
    e.source = QStringLiteral("binance");
    e.code = code;
    e.message = message;
    for (engine::MarketDataSink *s : m_sinks)
        s->onMarketError(e);
}

void BinanceMarketData::start()
{
    if (m_stage != Stage::Idle)
        return;
    m_stage = Stage::Time;
    step();
}

void BinanceMarketData::stop()
{
    m_retry.stop();
    m_rulesRefresh.stop();
    m_stream.stop();
    m_stage = Stage::Idle;
}

void BinanceMarketData::publishHealth(const engine::VenueHealth &health)
{
    for (engine::MarketDataSink *s : m_sinks)
        s->onVenueHealth(health);
}

void BinanceMarketData::retryLater(const QString &what, const engine::Error &error)
{
    report(engine::AdapterError::Kind::Retryable, error.code,
           QStringLiteral("%1 failed (%2); trying again in %3 s").arg(what, error.message).arg(kRetryMs / 1000));
    m_retry.start(kRetryMs);
}

void BinanceMarketData::step()
{
    switch (m_stage) {
    case Stage::Idle:
    case Stage::Streaming:
        return;
    case Stage::Time:
        m_rest->syncTime([this](engine::Result<qint64> offset) {
            if (m_stage != Stage::Time)
                return;
            if (!offset)
                return retryLater(QStringLiteral("reading Binance's server time"), offset.error());
            m_stage = Stage::Rules;
            step();
        });
        return;
    case Stage::Rules:
        m_rest->exchangeInfo([this](engine::Result<ExchangeRules> rules) {
            if (m_stage != Stage::Rules)
                return;
            if (!rules)
                return retryLater(QStringLiteral("loading the exchange rules"), rules.error());
            m_rules = std::move(rules).value();
            QList<engine::Instrument> instruments;
            m_symbols.clear();
            for (const QString &s : std::as_const(m_wanted)) {
                const SymbolRules *r = this->rules(s);
                if (!r) {
                    report(engine::AdapterError::Kind::NonRetryable, QStringLiteral("SYMBOL_UNKNOWN"),
                           QStringLiteral("%1 is not listed on Binance Spot; it is not watched").arg(s));
                    continue;
                }
                if (!r->isTrading())
                    report(engine::AdapterError::Kind::NonRetryable, QStringLiteral("SYMBOL_NOT_TRADING"),
                           QStringLiteral("%1 is %2 on Binance: market data only, orders are refused").arg(s, r->status));
                m_symbols << s;
                instruments << r->instrument();
            }
            for (engine::MarketDataSink *sink : m_sinks)
                sink->onInstruments(instruments);
            Q_EMIT rulesReady();
            m_stage = Stage::History;
            backfill(0, {});
        });
        return;
    case Stage::History:
        backfill(0, {});
        return;
    }
}

void BinanceMarketData::backfill(int index, QList<engine::Candle> collected)
{
    if (m_stage != Stage::History)
        return;
    if (index >= m_symbols.size() || m_backfillMinutes == 0) {
        std::stable_sort(collected.begin(), collected.end(),
                         [](const engine::Candle &a, const engine::Candle &b) { return a.openTimeMs < b.openTimeMs; });
        for (const engine::Candle &c : std::as_const(collected))
            m_lastBarOpenMs[c.symbol] = std::max(m_lastBarOpenMs.value(c.symbol, 0), c.openTimeMs);
        // A symbol without bars in the window still has an anchor: nothing before the window's
        // start is missing, so a gap later is fetched from there.
        const qint64 windowStart = (m_rest->serverNowMs() / kBarMs - m_backfillMinutes) * kBarMs;
        for (const QString &s : std::as_const(m_symbols)) {
            if (!m_lastBarOpenMs.contains(s))
                m_lastBarOpenMs.insert(s, windowStart - kBarMs);
        }
        for (engine::MarketDataSink *sink : m_sinks)
            sink->onCandleHistory(collected);
        m_stage = Stage::Streaming;
        m_ready = true;
        m_rulesRefresh.start();
        m_stream.subscribe(m_symbols);
        m_stream.start();
        return;
    }
    const QString symbol = m_symbols.at(index);
    const qint64 now = m_rest->serverNowMs();
    const qint64 from = (now / kBarMs - m_backfillMinutes) * kBarMs;
    m_rest->klines(symbol, from, m_backfillMinutes + 1,
                   [this, index, symbol, collected = std::move(collected)](engine::Result<QList<engine::Candle>> bars) mutable {
                       if (m_stage != Stage::History)
                           return;
                       if (!bars)
                           return retryLater(QStringLiteral("loading %1's recent candles").arg(symbol), bars.error());
                       collected << bars.value();
                       backfill(index + 1, std::move(collected));
                   });
}

void BinanceMarketData::fillGaps()
{
    for (const QString &s : std::as_const(m_symbols)) {
        if (m_lastBarOpenMs.contains(s) && !m_heldBars.contains(s))
            fillGap(s);
    }
}

void BinanceMarketData::fillGap(const QString &symbol)
{
    m_heldBars.insert(symbol, {});
    const qint64 from = m_lastBarOpenMs.value(symbol) + kBarMs;
    m_rest->klines(symbol, from, kMaxBarsPerRequest, [this, symbol](engine::Result<QList<engine::Candle>> bars) {
        if (!bars) {
            report(engine::AdapterError::Kind::Retryable, bars.error().code,
                   QStringLiteral("could not fetch %1's candles missed while the stream was down (%2); trying again")
                       .arg(symbol, bars.error().message));
            QTimer::singleShot(kRetryMs, this, [this, symbol] {
                if (m_stage == Stage::Streaming)
                    fillGap(symbol);
            });
            return;
        }
        const QList<engine::Candle> held = m_heldBars.take(symbol);
        for (const engine::Candle &c : bars.value()) {
            const qint64 before = m_lastBarOpenMs.value(symbol);
            deliverBar(c);
            if (m_lastBarOpenMs.value(symbol) != before)
                ++m_gapBars;
        }
        for (const engine::Candle &c : held)
            deliverBar(c);
    });
}

void BinanceMarketData::deliverBar(const engine::Candle &bar)
{
    // Each bar once, in order: a bar at or before the newest delivered one was already seen.
    if (bar.openTimeMs <= m_lastBarOpenMs.value(bar.symbol, -1))
        return;
    m_lastBarOpenMs[bar.symbol] = bar.openTimeMs;
    for (engine::MarketDataSink *s : m_sinks)
        s->onCandle(bar);
}

void BinanceMarketData::onCandle(const engine::Candle &candle)
{
    if (auto it = m_heldBars.find(candle.symbol); it != m_heldBars.end()) {
        it->append(candle);
        return;
    }
    if (const qint64 last = m_lastBarOpenMs.value(candle.symbol, -1); last >= 0 && candle.openTimeMs > last + kBarMs) {
        // A bar is missing although the stream stayed up (a dropped frame): fetch the gap first.
        fillGap(candle.symbol);
        m_heldBars[candle.symbol].append(candle);
        return;
    }
    deliverBar(candle);
}

void BinanceMarketData::onMarketConnection(bool connected, const QString &detail)
{
    if (connected && m_everConnected)
        fillGaps();
    m_everConnected = m_everConnected || connected;
    for (engine::MarketDataSink *s : m_sinks)
        s->onMarketConnection(connected, detail);
}

void BinanceMarketData::setSymbols(const QStringList &symbols)
{
    QStringList wanted;
    for (const QString &s : symbols) {
        const QString sym = s.trimmed().toUpper();
        if (!sym.isEmpty() && !wanted.contains(sym))
            wanted << sym;
    }
    m_wanted = wanted;
    if (m_stage != Stage::Streaming)
        return; // the start-up sequence reads m_wanted
    QStringList removed;
    for (const QString &s : std::as_const(m_symbols)) {
        if (!wanted.contains(s))
            removed << s;
    }
    for (const QString &s : std::as_const(removed)) {
        m_symbols.removeAll(s);
        m_books.erase(s);
        m_heldBars.remove(s);
    }
    if (!removed.isEmpty())
        m_stream.unsubscribe(removed);
    QStringList added;
    QList<engine::Instrument> instruments;
    for (const QString &s : std::as_const(wanted)) {
        if (m_symbols.contains(s))
            continue;
        const SymbolRules *r = rules(s);
        if (!r) {
            report(engine::AdapterError::Kind::NonRetryable, QStringLiteral("SYMBOL_UNKNOWN"),
                   QStringLiteral("%1 is not listed on Binance Spot; it is not watched").arg(s));
            continue;
        }
        added << s;
        instruments << r->instrument();
    }
    if (added.isEmpty())
        return;
    m_symbols << added;
    for (engine::MarketDataSink *sink : m_sinks)
        sink->onInstruments(instruments);
    const qint64 from = (m_rest->serverNowMs() / kBarMs - m_backfillMinutes) * kBarMs;
    for (const QString &s : std::as_const(added)) {
        m_lastBarOpenMs.insert(s, from - kBarMs); // gaps before the first bar are fetched from here
        m_books[s] = std::make_unique<LocalOrderBook>(s);
        // Hold live bars until the history is in, so they arrive after it, in order.
        m_heldBars.insert(s, {});
        m_rest->klines(s, from, m_backfillMinutes + 1, [this, s](engine::Result<QList<engine::Candle>> bars) {
            const QList<engine::Candle> held = m_heldBars.take(s);
            if (!m_symbols.contains(s))
                return;
            if (!bars) {
                report(engine::AdapterError::Kind::Retryable, bars.error().code,
                       QStringLiteral("%1's recent candles could not be loaded (%2)").arg(s, bars.error().message));
            } else if (!bars->isEmpty()) {
                m_lastBarOpenMs.insert(s, bars->last().openTimeMs);
                for (engine::MarketDataSink *sink : m_sinks)
                    sink->onCandleHistory(bars.value());
            }
            for (const engine::Candle &c : held)
                deliverBar(c);
        });
        requestSnapshot(s);
    }
    m_stream.subscribe(added);
}

void BinanceMarketData::refreshRules()
{
    m_rest->syncTime([](engine::Result<qint64>) {}); // the signed calls use the offset; a failure keeps the old one
    m_rest->exchangeInfo([this](engine::Result<ExchangeRules> fresh) {
        if (m_stage != Stage::Streaming)
            return;
        if (!fresh) {
            report(engine::AdapterError::Kind::Retryable, fresh.error().code,
                   QStringLiteral("re-reading the exchange rules failed (%1); the last ones stay in force").arg(fresh.error().message));
            return;
        }
        QList<engine::Instrument> instruments;
        for (const QString &s : std::as_const(m_symbols)) {
            const SymbolRules *before = rules(s);
            const auto now = fresh->symbols.constFind(s);
            if (now == fresh->symbols.constEnd()) {
                report(engine::AdapterError::Kind::NonRetryable, QStringLiteral("SYMBOL_UNKNOWN"),
                       QStringLiteral("%1 is no longer listed on Binance Spot; orders are refused").arg(s));
                continue;
            }
            if (before && before->status != now->status)
                report(engine::AdapterError::Kind::NonRetryable, QStringLiteral("SYMBOL_STATUS_CHANGED"),
                       now->isTrading() ? QStringLiteral("%1 is TRADING again (was %2)").arg(s, before->status)
                                        : QStringLiteral("%1 is now %2: orders are refused until it trades again").arg(s, now->status));
            instruments << now->instrument();
        }
        m_rules = std::move(fresh).value();
        for (engine::MarketDataSink *sink : m_sinks)
            sink->onInstruments(instruments); // tick, step or minimum may have changed too
    });
}

void BinanceMarketData::resyncAllBooks()
{
    for (const QString &s : std::as_const(m_symbols)) {
        auto &book = m_books[s];
        if (!book)
            book = std::make_unique<LocalOrderBook>(s);
        book->reset();
        requestSnapshot(s);
    }
}

void BinanceMarketData::requestSnapshot(const QString &symbol)
{
    if (m_snapshotPending.contains(symbol) || m_stage != Stage::Streaming)
        return;
    m_snapshotPending.insert(symbol);
    m_rest->depth(symbol, kDepthLevels, [this, symbol](engine::Result<DepthSnapshot> snap) {
        m_snapshotPending.remove(symbol);
        auto it = m_books.find(symbol);
        if (it == m_books.end() || m_stage != Stage::Streaming)
            return;
        LocalOrderBook &book = *it->second;
        if (!snap) {
            report(engine::AdapterError::Kind::Retryable, snap.error().code,
                   QStringLiteral("%1's order book snapshot failed (%2); trying again").arg(symbol, snap.error().message));
            QTimer::singleShot(kRetryMs, this, [this, symbol] { requestSnapshot(symbol); });
            return;
        }
        if (const engine::Result<void> applied = book.onSnapshot(snap->lastUpdateId, snap->bids, snap->asks); !applied) {
            // The buffered diffs cannot continue this snapshot: a newer one is needed.
            book.reset();
            ++m_resyncs;
            QTimer::singleShot(kResyncDelayMs, this, [this, symbol] { requestSnapshot(symbol); });
            return;
        }
        if (book.state() == LocalOrderBook::State::Synced)
            publishBook(symbol, book);
    });
}

void BinanceMarketData::onDepth(const DepthUpdate &diff)
{
    auto it = m_books.find(diff.symbol);
    if (it == m_books.end())
        return; // not a watched symbol
    LocalOrderBook &book = *it->second;
    book.onDiff(diff);
    switch (book.state()) {
    case LocalOrderBook::State::Synced:
        publishBook(diff.symbol, book);
        return;
    case LocalOrderBook::State::NeedsResync:
        ++m_resyncs;
        report(engine::AdapterError::Kind::Retryable, QStringLiteral("DEPTH_GAP"),
               QStringLiteral("%1's order book missed an update; rebuilding it from a new snapshot").arg(diff.symbol));
        book.reset();
        book.onDiff(diff); // buffered: it may continue the new snapshot
        requestSnapshot(diff.symbol);
        return;
    case LocalOrderBook::State::WaitingForSnapshot:
        if (!m_snapshotPending.contains(diff.symbol))
            requestSnapshot(diff.symbol);
        return;
    }
}

void BinanceMarketData::publishBook(const QString &symbol, const LocalOrderBook &book)
{
    const engine::BookUpdate top = book.top(QDateTime::currentMSecsSinceEpoch());
    if (!top.isValid())
        return;
    m_mid.insert(symbol, top.mid());
    for (engine::MarketDataSink *s : m_sinks)
        s->onBook(top);
}

void BinanceMarketData::onBook(const engine::BookUpdate &book)
{
    // bookTicker gives the top level only; once the local book is in sync it is the better source.
    if (const auto it = m_books.find(book.symbol);
        it != m_books.end() && it->second->state() == LocalOrderBook::State::Synced)
        return;
    if (book.isValid())
        m_mid.insert(book.symbol, book.mid());
    for (engine::MarketDataSink *s : m_sinks)
        s->onBook(book);
}

void BinanceMarketData::onTrade(const engine::TradeTick &trade)
{
    for (engine::MarketDataSink *s : m_sinks)
        s->onTrade(trade);
}

void BinanceMarketData::onTicker(const engine::Ticker24h &ticker)
{
    for (engine::MarketDataSink *s : m_sinks)
        s->onTicker(ticker);
}

void BinanceMarketData::onMarketError(const engine::AdapterError &error)
{
    for (engine::MarketDataSink *s : m_sinks)
        s->onMarketError(error);
}

// The stream itself never sends these; instruments and history come from REST above.
void BinanceMarketData::onInstruments(const QList<engine::Instrument> &) {}
void BinanceMarketData::onCandleHistory(const QList<engine::Candle> &) {}

} // namespace adapters::binance
