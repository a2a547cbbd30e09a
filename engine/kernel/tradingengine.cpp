#include "engine/kernel/tradingengine.h"

#include "engine/kernel/engineinbox.h"
#include "engine/ports/clock.h"
#include "engine/ports/executionclient.h"
#include "engine/risk/exitmanager.h"
#include "engine/signals/signalscorer.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRandomGenerator>

namespace engine {

namespace {

// Client ids must never repeat across runs on the same journal, even when the
// engine clock is simulated: stamp them with wall time and a random tail.
QString sessionIdPrefix()
{
    const QString stamp = QString::number(QDateTime::currentMSecsSinceEpoch(), 36).toUpper();
    const QString tail = QString::number(QRandomGenerator::global()->bounded(36 * 36), 36).toUpper();
    return QStringLiteral("MD%1%2").arg(stamp, tail.rightJustified(2, QLatin1Char('0')));
}
} // namespace

TradingEngine::TradingEngine(Deps deps, const BotConfig &config, QObject *parent)
    : QObject(parent),
      m_deps(deps),
      m_config(config),
      m_inbox(std::make_unique<EngineInbox>(this)),
      m_orders(sessionIdPrefix()),
      m_portfolio(QStringLiteral("USDT")),
      m_risk(config.risk),
      m_market(config.strategy)
{
    m_strategies.addStrategy(std::make_unique<MomentumSocialStrategy>(config.strategy));
    m_portfolio.reset(config.startingCash);
    m_wall.start();
}

TradingEngine::~TradingEngine() = default;

void TradingEngine::startTimers()
{
    if (m_timer)
        return;
    m_timer = new QTimer(this);
    m_timer->setInterval(250);
    connect(m_timer, &QTimer::timeout, this, [this] { guarded("housekeeping", [this] { housekeeping(); }); });
    m_timer->start();
}

void TradingEngine::setTimeouts(qint64 ackMs, qint64 queryIntervalMs, qint64 reconcileMs)
{
    m_ackTimeoutMs = ackMs;
    m_queryIntervalMs = queryIntervalMs;
    m_reconcileTimeoutMs = reconcileMs;
}

qint64 TradingEngine::now() const { return m_deps.clock->nowMs(); }

Result<void> TradingEngine::restore(const JournalSnapshot &j)
{
    Decimal starting = m_config.startingCash;
    const bool hasAccount = j.balances.contains(m_portfolio.quoteAsset());
    if (const QString s = j.settings.value(QStringLiteral("portfolio.starting_equity")); !s.isEmpty() || hasAccount) {
        QString why;
        const auto d = Decimal::parse(s, &why);
        if (!d || !d->isPositive()) {
            // Guessing would move the PnL baseline: refuse instead.
            return Error{QLatin1String(errors::kJournalValueUnreadable),
                         QStringLiteral("the journal's starting equity '%1' cannot be read (%2)")
                             .arg(s.left(64), s.isEmpty() ? QStringLiteral("missing") : why)};
        }
        starting = *d;
    }
    if (Result<void> risk = restoreRiskState(j.settings); !risk)
        return risk;
    if (hasAccount) {
        m_portfolio.restore(j.balances.value(m_portfolio.quoteAsset()), starting, j.positions);
        log(LogEntry::Level::Info, QStringLiteral("engine"),
            QStringLiteral("restored journal: cash %1, %2 open positions, %3 open orders, %4 fills")
                .arg(m_portfolio.cash().toString(2))
                .arg(m_portfolio.openPositionCount())
                .arg(j.openOrders.size())
                .arg(j.fillCount));
    } else {
        m_portfolio.reset(m_config.startingCash);
        m_deps.store->saveSetting(QStringLiteral("portfolio.starting_equity"), m_config.startingCash.toString());
        savePortfolio();
        log(LogEntry::Level::Info, QStringLiteral("engine"),
            QStringLiteral("new journal: starting with %1 %2").arg(m_config.startingCash.toString(2), m_portfolio.quoteAsset()));
    }
    QList<QString> fillIds;
    for (const Fill &f : j.recentFills)
        fillIds << f.fillId;
    m_orders.restore(j.openOrders, fillIds);
    m_fillCount = j.fillCount;
    if (!j.equity.isEmpty())
        m_lastEquityMinute = j.equity.last().tsMs / 60'000;
    m_dirty = true;
    return {};
}

Result<void> TradingEngine::restoreRiskState(const QHash<QString, QString> &settings)
{
    const QString stateText = settings.value(QStringLiteral("risk.state"));
    if (stateText.isEmpty())
        return {}; // a journal from before risk state was kept, or a new one
    TradingState state = TradingState::Active;
    bool dayOk = false;
    const qint64 day = settings.value(QStringLiteral("risk.day")).toLongLong(&dayOk);
    const auto dayStart = Decimal::parse(settings.value(QStringLiteral("risk.day_start_equity")));
    if (!parseTradingState(stateText, state) || !dayOk || !dayStart) {
        return Error{QLatin1String(errors::kJournalValueUnreadable),
                     QStringLiteral("the journal's risk state (state '%1', day '%2', day start equity '%3') cannot be read")
                         .arg(stateText.left(32), settings.value(QStringLiteral("risk.day")).left(32),
                              settings.value(QStringLiteral("risk.day_start_equity")).left(64))};
    }
    m_risk.setDayStart(day, *dayStart);
    m_risk.setState(state, settings.value(QStringLiteral("risk.reason")));
    if (state != TradingState::Active)
        log(LogEntry::Level::Warning, QStringLiteral("risk"),
            QStringLiteral("trading stays %1 after the restart: %2").arg(toString(state), m_risk.stateReason()));
    return {};
}

void TradingEngine::persistRiskState()
{
    m_deps.store->saveSetting(QStringLiteral("risk.state"), toString(m_risk.state()));
    m_deps.store->saveSetting(QStringLiteral("risk.reason"), m_risk.stateReason());
    m_deps.store->saveSetting(QStringLiteral("risk.day"), QString::number(m_risk.dayIndex()));
    m_deps.store->saveSetting(QStringLiteral("risk.day_start_equity"), m_risk.dayStartEquity().toString());
}

void TradingEngine::containFailure(const char *what, const std::exception &e)
{
    const QString code = dynamic_cast<const DecimalError *>(&e) ? QStringLiteral("ENGINE_DECIMAL_ERROR")
                                                                : QStringLiteral("ENGINE_EXCEPTION");
    ++m_failedMessages;
    m_dirty = true;
    log(LogEntry::Level::Error, QStringLiteral("engine"),
        QStringLiteral("%1 failed and changed nothing further (%2: %3); the engine runs on")
            .arg(QLatin1String(what), code, QString::fromUtf8(e.what())));
}

void TradingEngine::setEngineState(EngineState state)
{
    if (m_state == state)
        return;
    m_state = state;
    log(LogEntry::Level::Info, QStringLiteral("engine"), QStringLiteral("engine %1").arg(toString(state)));
    m_dirty = true;
    emitEvent(buildStatus());
}

void TradingEngine::start()
{
    if (m_state != EngineState::Stopped)
        return;
    setEngineState(EngineState::Starting);
    // Reconcile before trading: every order the journal thinks is open is asked about.
    setEngineState(EngineState::Reconciling);
    m_reconcilePending.clear();
    m_haveReconcileBalances = false;
    m_reconcileAsked = int(m_orders.openOrders().size());
    for (const Order &o : m_orders.openOrders()) {
        m_reconcilePending.insert(o.clientId);
        m_lastQueryWallMs[o.clientId] = m_wall.elapsed();
        m_deps.execution->query(o.clientId, o.symbol);
    }
    m_deps.execution->requestBalances();
    m_awaitingOpenOrders = true;
    m_deps.execution->requestOpenOrders();
    m_reconcileDeadlineWallMs = m_wall.elapsed() + m_reconcileTimeoutMs;
    if (!m_reconcilePending.isEmpty())
        log(LogEntry::Level::Info, QStringLiteral("engine"),
            QStringLiteral("reconciling %1 open orders with %2").arg(m_reconcilePending.size()).arg(m_deps.execution->venue()));
    finishReconcileIfAnswered();
}

void TradingEngine::finishReconcileIfAnswered()
{
    if (m_state != EngineState::Reconciling || !m_reconcilePending.isEmpty() || m_awaitingOpenOrders)
        return;
    finishReconcile(m_reconcileAsked == 0 ? QStringLiteral("no open orders to reconcile")
                                          : QStringLiteral("all open orders answered"));
}

void TradingEngine::finishReconcile(const QString &note)
{
    if (m_state != EngineState::Reconciling)
        return;
    reconcileBalances();
    log(LogEntry::Level::Info, QStringLiteral("engine"), QStringLiteral("reconciliation done: %1").arg(note));
    const qint64 dayBefore = m_risk.dayIndex();
    const TradingState stateBefore = m_risk.state();
    m_risk.updateDailyPnl(m_portfolio.equity(), now());
    if (m_risk.dayIndex() != dayBefore || m_risk.state() != stateBefore)
        persistRiskState();
    setEngineState(EngineState::Running);
}

void TradingEngine::stop()
{
    if (m_state == EngineState::Stopped)
        return;
    setEngineState(EngineState::Stopping);
    // Orders this app placed are taken off the book; orders placed elsewhere (external) are the
    // trader's own business and stay.
    for (const Order &o : m_orders.openOrders()) {
        if (!o.reduceOnly && o.strategy != QLatin1String("external"))
            m_deps.execution->cancel(o.clientId, o.symbol);
    }
    setEngineState(EngineState::Stopped);
}

void TradingEngine::flattenAndStop()
{
    for (const Order &o : m_orders.openOrders())
        m_deps.execution->cancel(o.clientId, o.symbol);
    for (const Position &p : m_portfolio.openPositions())
        submit(ExitManager::closeOrder(p, QStringLiteral("kill_switch"), QStringLiteral("flatten all positions (kill switch)")));
    m_risk.setState(TradingState::Halted, QStringLiteral("kill switch"));
    persistRiskState();
    log(LogEntry::Level::Warning, QStringLiteral("risk"), QStringLiteral("kill switch: flattening and stopping"));
    if (m_state != EngineState::Stopped)
        setEngineState(EngineState::Stopped);
    m_dirty = true;
    emitEvent(buildStatus());
}

void TradingEngine::resumeTrading()
{
    if (m_risk.state() == TradingState::Active)
        return;
    m_risk.setState(TradingState::Active, QString());
    m_risk.setDayStart(now() / 86'400'000, m_portfolio.equity());
    m_storeHealthy = true; // the next failed write halts again
    persistRiskState();
    log(LogEntry::Level::Info, QStringLiteral("risk"), QStringLiteral("trading resumed by the user"));
    m_dirty = true;
    emitEvent(buildStatus());
}

void TradingEngine::applyConfig(const BotConfig &config)
{
    m_config = config;
    m_risk.setLimits(config.risk);
    m_strategies.configure(config.strategy);
    m_market.configure(config.strategy);
    log(LogEntry::Level::Info, QStringLiteral("engine"), QStringLiteral("configuration applied"));
    m_dirty = true;
}

StrategyHost &TradingEngine::strategies()
{
    return m_strategies;
}

// ---------------------------------------------------------------- market data

void TradingEngine::advanceClock(qint64 tsMs)
{
    if (m_deps.eventClock)
        m_deps.eventClock->advanceTo(tsMs);
}

void TradingEngine::handleInstruments(const QList<Instrument> &instruments)
{
    m_market.addInstruments(instruments);
    m_dirty = true;
}

void TradingEngine::handleCandleHistory(const QList<Candle> &candles)
{
    for (const Candle &c : candles) {
        if (m_market.addCandle(c)) {
            advanceClock(c.openTimeMs + c.intervalSec * 1000LL);
            m_deps.store->saveCandle(c); // the session's market, for replaying it later
        }
    }
    m_dirty = true;
}

void TradingEngine::handleTrade(const TradeTick &t)
{
    if (m_market.acceptTrade(t))
        advanceClock(t.tsMs);
}

void TradingEngine::handleBook(const BookUpdate &b)
{
    if (!m_market.addBook(b)) {
        if (m_market.droppedInputs() % 1000 == 1)
            log(LogEntry::Level::Warning, QStringLiteral("market"),
                QStringLiteral("ignored an invalid book for %1 (empty or crossed)").arg(b.symbol));
        return;
    }
    advanceClock(b.tsMs);
    m_portfolio.mark(b.symbol, b.mid());
    if (const Position *p = m_portfolio.position(b.symbol); p && p->isOpen()) {
        m_dirty = true;
        checkExits(b.symbol);
    }
    recordEquityIfDue();
}

void TradingEngine::handleCandle(const Candle &c)
{
    if (!c.closed)
        return;
    if (!MarketState::isValid(c)) {
        m_market.addCandle(c); // counted as a bad input
        log(LogEntry::Level::Warning, QStringLiteral("market"), QStringLiteral("ignored an invalid candle for %1").arg(c.symbol));
        return;
    }
    advanceClock(c.openTimeMs + c.intervalSec * 1000LL);
    if (!m_market.addCandle(c))
        return; // replayed candle
    m_deps.store->saveCandle(c);

    const QString base = m_market.baseAsset(c.symbol);
    const qint64 ts = c.openTimeMs + c.intervalSec * 1000LL;
    const SocialStats social = m_market.socialStats(base, ts);
    const ChainStats chain = m_market.chainStats(base, ts);
    const Signal signal = SignalScorer(m_config.strategy).score(c.symbol, ts, c.close, m_market.features(c.symbol), social, chain);
    m_deps.store->saveSignal(signal);
    emitEvent(signal);
    m_dirty = true;

    const Instrument *instrument = m_market.instrument(c.symbol);
    if (!canTrade() || !instrument)
        return;
    StrategyContext ctx;
    ctx.instrument = instrument;
    ctx.position = m_portfolio.position(c.symbol);
    ctx.hasOpenOrder = m_orders.hasOpenOrder(c.symbol);
    const BookUpdate book = m_market.book(c.symbol);
    ctx.bestBid = book.bestBid();
    ctx.bestAsk = book.bestAsk();
    for (OrderRequest r : m_strategies.onSignal(signal, ctx))
        submit(std::move(r));
}

void TradingEngine::handleTicker(const Ticker24h &ticker)
{
    if (ticker.symbol.isEmpty() || !m_market.instrument(ticker.symbol))
        return; // only watched symbols
    m_tickers.insert(ticker.symbol, ticker);
    m_dirty = true;
}

void TradingEngine::handleVenueHealth(const VenueHealth &health)
{
    m_health = health;
    m_dirty = true;
}

void TradingEngine::handleMarketConnection(bool connected, const QString &detail)
{
    m_marketConnected = connected;
    m_marketDetail = detail;
    log(connected ? LogEntry::Level::Info : LogEntry::Level::Warning, QStringLiteral("market"),
        connected ? QStringLiteral("market connected: %1").arg(detail) : QStringLiteral("market disconnected: %1").arg(detail));
    m_dirty = true;
    emitEvent(buildStatus());
}

void TradingEngine::handlePostHistory(const QList<SocialPost> &posts)
{
    for (const SocialPost &p : posts)
        handlePost(p);
}

void TradingEngine::handlePost(const SocialPost &p)
{
    m_market.addPost(p);
}

void TradingEngine::handleChainEvent(const ChainEvent &e)
{
    if (!m_market.addChainEvent(e))
        return;
    if (e.kind == ChainEvent::Kind::LiquidityRemoved && e.quoteAmount.isPositive()) {
        const ChainStats s = m_market.chainStats(e.token, e.tsMs);
        if (s.liquidityPulled) {
            log(LogEntry::Level::Warning, QStringLiteral("chain"),
                QStringLiteral("%1: liquidity pulled from pool %2 (%3 USD)").arg(e.token, e.pool, e.quoteAmount.toString(0)));
            // Leave now rather than at the next candle: a rug does not wait.
            const QString symbol = m_market.symbolOfToken(e.token, m_portfolio.quoteAsset());
            const Position *p = m_portfolio.position(symbol);
            if (canTrade() && p && p->isOpen() && !m_orders.hasOpenOrder(symbol))
                submit(ExitManager::closeOrder(*p, QStringLiteral("exit:liquidity_pulled"),
                                               QStringLiteral("liquidity pulled from the pool")));
        }
    }
}

// ---------------------------------------------------------------- exits, equity

void TradingEngine::checkExits(const QString &symbol)
{
    if (!canTrade() || m_orders.hasOpenOrder(symbol))
        return;
    const Position *p = m_portfolio.position(symbol);
    if (!p)
        return;
    if (auto exit = ExitManager::check(*p, m_config.risk))
        submit(*exit);
}

void TradingEngine::recordEquityIfDue()
{
    const qint64 minute = now() / 60'000;
    if (minute == m_lastEquityMinute)
        return;
    m_lastEquityMinute = minute;
    EquityPoint p{minute * 60'000, m_portfolio.equity(), m_portfolio.cash()};
    m_deps.store->saveEquity(p);
    m_deps.store->saveSetting(QStringLiteral("engine.clock_ms"), QString::number(now()));
    emitEvent(p);
}

// ---------------------------------------------------------------- housekeeping

void TradingEngine::housekeeping()
{
    const qint64 wall = m_wall.elapsed();
    // Orders the venue has not answered in time: outcome unknown, ask — never re-send.
    for (auto it = m_sentAtWallMs.begin(); it != m_sentAtWallMs.end();) {
        if (wall - it.value() < m_ackTimeoutMs) {
            ++it;
            continue;
        }
        const QString id = it.key();
        it = m_sentAtWallMs.erase(it);
        if (auto ch = m_orders.markUnknown(id, now(), QStringLiteral("no answer from the venue in time"))) {
            saveOrder(ch->order);
            log(LogEntry::Level::Warning, QStringLiteral("execution"), QStringLiteral("order %1 outcome unknown; querying").arg(id));
            m_lastQueryWallMs[id] = wall;
            m_deps.execution->query(id, ch->order.symbol);
        }
    }
    for (const Order &o : m_orders.openOrders()) {
        if (o.status != OrderStatus::Unknown)
            continue;
        if (wall - m_lastQueryWallMs.value(o.clientId, 0) >= m_queryIntervalMs) {
            m_lastQueryWallMs[o.clientId] = wall;
            m_deps.execution->query(o.clientId, o.symbol);
        }
    }
    if (m_state == EngineState::Reconciling && wall >= m_reconcileDeadlineWallMs)
        finishReconcile(QStringLiteral("%1 orders still unanswered; their symbols stay blocked").arg(m_reconcilePending.size()));

    if (m_risk.updateDailyPnl(m_portfolio.equity(), now())) {
        log(LogEntry::Level::Warning, QStringLiteral("risk"),
            QStringLiteral("trading state %1: %2").arg(toString(m_risk.state()), m_risk.stateReason()));
        m_dirty = true;
        emitEvent(buildStatus());
    }
    // The clock moves even when nothing trades; the status bar should see it move.
    if (m_dirty || now() != m_lastPublishedClockMs)
        publishSnapshot();
}

BotStatus TradingEngine::buildStatus() const
{
    BotStatus s;
    s.engineState = m_state;
    s.tradingState = m_risk.state();
    s.mode = m_config.mode;
    s.haltReason = m_risk.stateReason();
    s.equity = m_portfolio.equity();
    s.cash = m_portfolio.cash();
    s.startingEquity = m_portfolio.startingEquity();
    s.realizedPnl = m_portfolio.realizedPnl();
    s.unrealizedPnl = m_portfolio.unrealizedPnl();
    s.pnlToday = m_risk.dayIndex() >= 0 ? m_risk.pnlToday(s.equity) : Decimal();
    s.fees = m_portfolio.fees();
    s.openPositions = m_portfolio.openPositionCount();
    s.fillCount = m_fillCount;
    s.clockMs = now();
    s.marketConnected = m_marketConnected;
    s.marketDetail = m_marketDetail;
    s.health = m_health;
    s.storeHealthy = m_storeHealthy;
    return s;
}

void TradingEngine::publishSnapshot()
{
    m_dirty = false;
    m_lastPublishedClockMs = now();
    EngineSnapshot snap;
    snap.status = buildStatus();
    snap.positions = m_portfolio.openPositions();
    snap.openOrders = m_orders.openOrders();
    snap.instruments = m_market.instruments().values();
    snap.candles = m_market.candles();
    snap.tickers = m_tickers;
    m_deps.observer->onSnapshot(snap);
}

void TradingEngine::emitEvent(const BotEvent &event)
{
    if (m_deps.observer)
        m_deps.observer->onEngineEvent(event);
}

void TradingEngine::log(LogEntry::Level level, const QString &category, const QString &message)
{
    emitEvent(LogEntry{now(), level, category, message});
}

} // namespace engine
