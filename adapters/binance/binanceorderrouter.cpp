#include "adapters/binance/binanceorderrouter.h"

#include "adapters/binance/binancemarketdata.h"
#include "adapters/binance/binancerestclient.h"
#include "adapters/binance/binanceuserstream.h"
#include "adapters/binance/requestsigning.h"

#include <QDateTime>
#include <QJsonDocument>

namespace adapters::binance {

namespace {
//! Free plus locked per asset: what the account holds.
QHash<QString, engine::Decimal> totals(const QHash<QString, engine::Decimal> &free, const QHash<QString, engine::Decimal> &locked)
{
    QHash<QString, engine::Decimal> all = free;
    for (auto it = locked.cbegin(); it != locked.cend(); ++it)
        all[it.key()] += it.value();
    return all;
}
} // namespace

BinanceOrderRouter::BinanceOrderRouter(BinanceRestClient *rest, const BinanceMarketData *market, QObject *parent)
    : QObject(parent)
    , m_rest(rest)
    , m_market(market)
{
}

BinanceOrderRouter::~BinanceOrderRouter() = default;

qint64 BinanceOrderRouter::now() const { return m_rest->serverNowMs(); }

void BinanceOrderRouter::error(engine::AdapterError::Kind kind, const QString &code, const QString &message)
{
    if (!m_sink)
        return;
    engine::AdapterError e;
    e.kind = kind;
    e.source = QStringLiteral("binance");
    e.code = code;
    e.message = message;
    m_sink->onExecutionError(e);
}

void BinanceOrderRouter::reject(const engine::OrderRequest &request, const QString &code, const QString &message)
{
    if (!m_sink)
        return;
    engine::ExecutionReport r;
    r.clientId = request.clientId;
    r.status = engine::OrderStatus::Rejected;
    r.message = QStringLiteral("%1: %2").arg(code, message);
    r.tsMs = now();
    m_sink->onExecutionReport(r);
}

void BinanceOrderRouter::submit(const engine::OrderRequest &request)
{
    const SymbolRules *rules = m_market->rules(request.symbol);
    if (!rules)
        return reject(request, QStringLiteral("SYMBOL_UNKNOWN"),
                      m_market->ready() ? QStringLiteral("%1 is not a Binance Spot symbol").arg(request.symbol)
                                        : QStringLiteral("the exchange rules are not loaded yet; nothing was sent"));
    const engine::Result<PreparedOrder> prepared = prepareOrder(*rules, request, m_market->referencePrice(request.symbol));
    if (!prepared)
        return reject(request, prepared.error().code, prepared.error().message);
    m_working.insert(request.clientId, request.symbol);
    ++m_placed;
    engine::OrderRequest checked = prepared->request;
    checked.clientId = request.clientId;
    if (placeOverWsApi(checked))
        return;
    m_rest->placeOrder(checked, request.clientId, [this, request](engine::Result<OrderState> state) { placed(request, std::move(state)); });
}

bool BinanceOrderRouter::placeOverWsApi(const engine::OrderRequest &request)
{
    if (!m_wsApi || !m_wsApi->isOpen())
        return false;
    const engine::Result<Params> signedParams =
        signedWsRequest(m_rest->signer(), newOrderParams(request, request.clientId), m_apiKey, m_rest->serverNowMs());
    if (!signedParams)
        return false;
    return m_wsApi->request(
        QStringLiteral("order.place"), signedParams.value(),
        [this, request](int status, const QJsonObject &result, const QJsonObject &err) {
            if (status == 200) {
                engine::Result<OrderState> state = parseOrderState(QJsonDocument(result).toJson(QJsonDocument::Compact));
                if (!state)
                    return placed(request, engine::Error{QStringLiteral("ORDER_OUTCOME_UNKNOWN"),
                                                         QStringLiteral("an accepted order's answer cannot be read (%1); query it")
                                                             .arg(state.error().message)});
                return placed(request, std::move(state));
            }
            const BinanceError e = classify(status, QJsonDocument(err).toJson(QJsonDocument::Compact), false);
            if (status == 0 || e.action == BinanceError::Action::QueryOutcome)
                return placed(request, engine::Error{QStringLiteral("ORDER_OUTCOME_UNKNOWN"),
                                                     QStringLiteral("the order may or may not have been placed (%1); query it, "
                                                                    "never re-send")
                                                         .arg(status == 0 ? err.value(QStringLiteral("msg")).toString() : e.message)});
            placed(request, e.toError());
        });
}

void BinanceOrderRouter::placed(const engine::OrderRequest &request, engine::Result<OrderState> state)
{
    if (state)
        return deliverState(state.value());
    if (state.error().is("ORDER_OUTCOME_UNKNOWN")) {
        // Maybe placed, maybe not: the engine's ack timeout turns this into a query, never a resend.
        error(engine::AdapterError::Kind::Retryable, state.error().code,
              QStringLiteral("order %1: %2").arg(request.clientId, state.error().message));
        return;
    }
    m_working.remove(request.clientId);
    reject(request, state.error().code, state.error().message);
}

void BinanceOrderRouter::cancel(const QString &clientId, const QString &symbol)
{
    m_rest->cancelOrder(symbol, clientId, [this, clientId, symbol](engine::Result<OrderState> state) {
        if (state)
            return deliverState(state.value());
        // Unknown or already final (-2011 / -2013), or no answer: the order's own status says which.
        query(clientId, symbol);
    });
}

void BinanceOrderRouter::query(const QString &clientId, const QString &symbol)
{
    m_rest->queryOrder(symbol, clientId, [this, clientId, symbol](engine::Result<OrderState> state) {
        if (!state) {
            if (state.error().code == QLatin1String("BINANCE_-2013") && m_sink) {
                engine::ExecutionReport r;
                r.clientId = clientId;
                r.notFound = true;
                r.status = engine::OrderStatus::Expired;
                r.message = QStringLiteral("Binance has no order %1 on %2").arg(clientId, symbol);
                r.tsMs = now();
                m_working.remove(clientId);
                m_sink->onExecutionReport(r);
                return;
            }
            error(engine::AdapterError::Kind::Retryable, state.error().code,
                  QStringLiteral("query of order %1 failed: %2").arg(clientId, state.error().message));
            return;
        }
        OrderState s = state.value();
        if (s.executedQty.isZero())
            return deliverState(s);
        // Fills first (they may have happened while the app was closed), then the status.
        m_rest->myTrades(symbol, s.orderId, [this, s, clientId](engine::Result<QList<AccountTrade>> trades) mutable {
            if (!trades) {
                error(engine::AdapterError::Kind::Retryable, trades.error().code,
                      QStringLiteral("trades of order %1 could not be read: %2").arg(clientId, trades.error().message));
                return; // the status waits for its fills; the engine queries again
            }
            for (AccountTrade t : trades.value()) {
                if (t.orderId != s.orderId)
                    continue;
                t.fill.clientId = clientId;
                s.fills << t;
            }
            deliverState(s);
        });
    });
}

void BinanceOrderRouter::deliverState(const OrderState &state)
{
    for (const AccountTrade &t : state.fills)
        deliverFill(t.fill);
    if (!m_sink)
        return;
    engine::ExecutionReport r;
    r.clientId = state.clientOrderId;
    r.venueOrderId = QString::number(state.orderId);
    r.status = state.status;
    r.filledQty = state.executedQty;
    r.tsMs = state.updateMs > 0 ? state.updateMs : now();
    if (engine::isTerminal(state.status))
        m_working.remove(state.clientOrderId);
    else
        m_working.insert(state.clientOrderId, state.symbol);
    m_sink->onExecutionReport(r);
}

void BinanceOrderRouter::deliverFill(engine::Fill fill)
{
    if (m_seenFills.contains(fill.fillId)) {
        ++m_duplicateFills;
        return;
    }
    m_seenFills.insert(fill.fillId);
    const SymbolRules *rules = m_market->rules(fill.symbol);
    if (fill.fee.isZero() || !rules || fill.feeAsset == rules->quoteAsset || fill.feeAsset == rules->baseAsset)
        return handOn(fill); // in cash, or kept in the token: the portfolio holds what Binance credits
    valueOutsideFee(std::move(fill), rules->quoteAsset);
}

void BinanceOrderRouter::valueOutsideFee(engine::Fill fill, const QString &quote)
{
    const QString pair = fill.feeAsset + quote;
    const auto valued = [this](engine::Fill f, engine::Decimal price) {
        f.feeValue = f.fee * price;
        handOn(f);
    };
    if (!m_market->rules(pair)) {
        error(engine::AdapterError::Kind::NonRetryable, QStringLiteral("FEE_OTHER_ASSET"),
              QStringLiteral("fill %1 paid its fee of %2 %3, and there is no %4 market to value it: it is not counted in the PnL")
                  .arg(fill.fillId, fill.fee.toString(), fill.feeAsset, pair));
        return handOn(fill);
    }
    constexpr qint64 kFreshMs = 60'000;
    if (const engine::Decimal live = m_market->referencePrice(pair); live.isPositive())
        return valued(std::move(fill), live);
    if (const auto cached = m_feePrices.constFind(pair); cached != m_feePrices.cend() && now() - cached->atMs < kFreshMs)
        return valued(std::move(fill), cached->price);
    m_rest->lastPrice(pair, [this, fill, pair, valued](engine::Result<engine::Decimal> price) mutable {
        if (!price) {
            error(engine::AdapterError::Kind::Retryable, QStringLiteral("FEE_OTHER_ASSET"),
                  QStringLiteral("fill %1 paid its fee of %2 %3, whose price could not be read (%4): it is not counted in the PnL")
                      .arg(fill.fillId, fill.fee.toString(), fill.feeAsset, price.error().message));
            return handOn(fill);
        }
        m_feePrices.insert(pair, {price.value(), now()});
        valued(std::move(fill), price.value());
    });
}

void BinanceOrderRouter::handOn(const engine::Fill &fill)
{
    if (m_sink)
        m_sink->onFill(fill);
}

void BinanceOrderRouter::requestBalances()
{
    m_rest->account([this](engine::Result<BinanceRestClient::Account> account) {
        if (!account) {
            error(engine::AdapterError::Kind::Retryable, account.error().code,
                  QStringLiteral("the account could not be read: %1").arg(account.error().message));
            return;
        }
        if (!account->canTrade)
            error(engine::AdapterError::Kind::NonRetryable, QStringLiteral("ACCOUNT_CANNOT_TRADE"),
                  QStringLiteral("this Binance account or API key may not trade (enable Spot trading for the key)"));
        if (account->takerRate.isPositive() && onTakerFeeRate)
            onTakerFeeRate(account->takerRate);
        if (m_sink)
            m_sink->onBalances(totals(account->free, account->locked));
    });
}

void BinanceOrderRouter::requestOpenOrders()
{
    m_rest->openOrders(QString(), [this](engine::Result<QList<OrderState>> open) {
        if (!open) {
            error(engine::AdapterError::Kind::Retryable, open.error().code,
                  QStringLiteral("the open orders could not be read: %1").arg(open.error().message));
            return; // reconciliation waits for its deadline and says so
        }
        QList<engine::Order> orders;
        for (const OrderState &s : open.value()) {
            engine::Order o;
            o.clientId = s.clientOrderId;
            o.venueOrderId = QString::number(s.orderId);
            o.symbol = s.symbol;
            o.side = s.side;
            o.type = s.type;
            o.timeInForce = s.timeInForce;
            o.qty = s.origQty;
            o.quoteQty = s.type == engine::OrderType::Market ? s.origQuoteQty : engine::Decimal();
            o.limitPrice = s.price;
            o.filledQty = s.executedQty;
            o.status = s.status;
            o.createdMs = s.timeMs;
            o.updatedMs = s.updateMs;
            m_working.insert(s.clientOrderId, s.symbol);
            orders << o;
        }
        if (m_sink)
            m_sink->onOpenOrders(orders);
    });
}

void BinanceOrderRouter::onExecution(const ExecutionUpdate &update)
{
    if (update.fill)
        deliverFill(*update.fill);
    if (engine::isTerminal(update.report.status))
        m_working.remove(update.report.clientId);
    if (m_sink)
        m_sink->onExecutionReport(update.report);
}

void BinanceOrderRouter::onAccount(const AccountUpdate &update)
{
    if (m_sink)
        m_sink->onBalances(totals(update.free, update.locked));
}

void BinanceOrderRouter::onUserStreamSubscribed()
{
    if (m_streamSeen) {
        for (auto it = m_working.cbegin(); it != m_working.cend(); ++it)
            query(it.key(), it.value());
    }
    m_streamSeen = true;
}

} // namespace adapters::binance
