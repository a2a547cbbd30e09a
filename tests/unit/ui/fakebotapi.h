#pragma once

// A scriptable engine::BotApi for UI unit tests: fixed snapshots, a synthetic journal of
// any size, events pushed by the test. The real end-to-end GUI test uses the real engine.

#include "engine/api/botapi.h"
#include "engine/backtest/backtestservice.h"

#include "adapters/demo/evaluation/evaluationservice.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <map>
#include <memory>

namespace testsupport {

class FakeBotApi final : public engine::BotApi {
public:
    // ---- state a test may set or read ----
    engine::BotStatus statusValue;
    engine::BotConfig configValue;
    QList<engine::ModeAvailability> modes;
    QList<engine::Instrument> instrumentList;
    QList<engine::Position> positionList;
    QList<engine::Order> orderList;
    QList<engine::Fill> fillList;
    QList<engine::Signal> signalList;
    QList<engine::LogEntry> logList;
    QList<engine::EquityPoint> equityList;
    QHash<QString, QList<engine::Candle>> candleMap;
    QStringList nextConfigProblems;     // returned by the next setConfig
    QList<engine::BotConfig> appliedConfigs;
    int startCalls = 0, stopCalls = 0, flattenCalls = 0, resumeCalls = 0;
    QHash<QString, QString> secrets;    // what storeSecret received (tests only)
    // journal: synthetic rows unless historyOrders/historyFills are set
    qint64 historyRows = 1'000'000;
    std::optional<QList<engine::Fill>> historyFills;
    std::optional<QList<engine::Order>> historyOrders;
    int historyDelayMs = 1;
    QString historyError;               // non-empty: every query fails with it
    QList<engine::HistoryQuery> historyQueries;

    FakeBotApi()
    {
        statusValue.marketConnected = true;
        statusValue.marketDetail = QStringLiteral("demo market seed 42 at 10x");
        statusValue.equity = engine::Decimal::fromString("10250.5");
        statusValue.cash = engine::Decimal::fromString("8200.25");
        statusValue.startingEquity = engine::Decimal::fromInt(10000);
        modes = {{engine::TradingMode::Demo, true, {}, QStringLiteral("demo")},
                 {engine::TradingMode::DryRun, true, {}, QStringLiteral("binance")},
                 {engine::TradingMode::Live, false, QStringLiteral("Binance API keys are not in the keychain"), QStringLiteral("binance")}};
    }

    void emitEvent(const engine::BotEvent &event)
    {
        const auto copy = m_handlers; // a handler may unsubscribe while we deliver
        for (const auto &[id, sub] : copy) {
            if (m_handlers.count(id) && sub.context)
                sub.fn(event);
        }
    }
    [[nodiscard]] int handlerCount() const { return int(m_handlers.size()); }

    // ---- BotApi ----
    void start() override { ++startCalls; }
    void stop() override { ++stopCalls; }
    void flattenAndStop() override { ++flattenCalls; }
    void resumeTrading() override { ++resumeCalls; }
    engine::BotStatus status() const override { return statusValue; }
    engine::BotConfig config() const override { return configValue; }
    engine::Result<void> setConfig(const engine::BotConfig &config) override
    {
        appliedConfigs.append(config);
        const QStringList problems = nextConfigProblems;
        nextConfigProblems.clear();
        if (problems.isEmpty()) {
            configValue = config;
            return {};
        }
        return engine::Error{QLatin1String(engine::errors::kConfigInvalid), problems.join(QStringLiteral("; ")), problems};
    }
    QList<engine::ModeAvailability> availableModes() const override { return modes; }
    QList<engine::Instrument> instruments() const override { return instrumentList; }
    QList<engine::Position> positions() const override { return positionList; }
    QList<engine::Order> recentOrders(int limit) const override { return orderList.mid(0, limit); }
    QList<engine::Fill> recentFills(int limit) const override { return fillList.mid(0, limit); }
    QList<engine::Signal> recentSignals(int limit) const override { return signalList.mid(0, limit); }
    QList<engine::LogEntry> recentLogs(int limit) const override { return logList.mid(0, limit); }
    QList<engine::EquityPoint> equityHistory() const override { return equityList; }
    QList<engine::Candle> candles(const QString &symbol) const override { return candleMap.value(symbol); }
    std::optional<engine::Ticker24h> ticker(const QString &symbol) const override
    {
        return tickers.contains(symbol) ? std::optional<engine::Ticker24h>(tickers.value(symbol)) : std::nullopt;
    }
    QHash<QString, engine::Ticker24h> tickers;

    // Manual orders: the real preview over the fake's instruments and books; placing and cancelling
    // are recorded and answered as configured.
    void previewOrder(const engine::ManualOrder &order, QObject *context,
                      std::function<void(const engine::OrderPreview &)> done) override
    {
        const engine::Instrument *instrument = nullptr;
        for (const engine::Instrument &i : std::as_const(instrumentList))
            if (i.symbol == order.symbol)
                instrument = &i;
        const engine::OrderPreview p = engine::previewManualOrder(order, instrument, books.value(order.symbol),
                                                                  engine::Decimal::fromString("0.001"));
        QTimer::singleShot(0, context, [p, done] { done(p); });
    }
    void placeOrder(const engine::ManualOrder &order, QObject *context,
                    std::function<void(const engine::Result<QString> &)> done) override
    {
        placedOrders.append(order);
        const engine::Result<QString> r = placeResult;
        QTimer::singleShot(0, context, [r, done] { done(r); });
    }
    void cancelOrder(const QString &clientId, QObject *context, std::function<void(const engine::Result<void> &)> done) override
    {
        cancelledIds.append(clientId);
        QTimer::singleShot(0, context, [done] { done(engine::Result<void>()); });
    }
    engine::AppInfo appInfo() const override { return appInfoValue; }
    engine::RemoteApiSettings remoteApiSettings() const override { return remoteApiValue; }
    engine::Result<void> setRemoteApiSettings(const engine::RemoteApiSettings &settings) override
    {
        if (settings.bindAddress != QLatin1String("127.0.0.1") && settings.tlsCertificate.isEmpty() && !settings.allowInsecure)
            return engine::Error{QStringLiteral("API_OPTIONS_INVALID"), QStringLiteral("needs TLS"), {QStringLiteral("needs TLS")}};
        remoteApiValue = settings;
        remoteApiStateValue.running = settings.enabled;
        remoteApiStateValue.url = settings.enabled ? QStringLiteral("http://%1:%2").arg(settings.bindAddress).arg(settings.port) : QString();
        return {};
    }
    engine::RemoteApiState remoteApiState() const override { return remoteApiStateValue; }
    QHash<QString, QString> venueSettings() const override { return venueSettingsValue; }
    engine::Result<void> setVenueSettings(const QHash<QString, QString> &settings) override
    {
        const QStringList problems = engine::validateVenueSettings(settings);
        if (!problems.isEmpty())
            return engine::Error{QStringLiteral("SETTINGS_INVALID"), problems.join(QStringLiteral("; ")), problems};
        venueSettingsValue = settings;
        return {};
    }
    void venueSymbols(const QHash<QString, QString> &, QObject *context,
                      std::function<void(const engine::Result<QList<engine::VenueSymbol>> &)> done) override
    {
        const engine::Result<QList<engine::VenueSymbol>> r = venueSymbolList;
        QTimer::singleShot(0, context, [r, done] { done(r); });
    }
    void testVenueConnection(const QHash<QString, QString> &, QObject *context,
                             std::function<void(const engine::Result<engine::ConnectionCheck> &)> done) override
    {
        ++connectionTests;
        const engine::Result<engine::ConnectionCheck> r = connectionResult;
        QTimer::singleShot(0, context, [r, done] { done(r); });
    }
    QHash<QString, QString> venueSettingsValue;
    engine::RemoteApiSettings remoteApiValue;
    engine::AppInfo appInfoValue{QStringLiteral("0.1.0+test"), QStringLiteral("2026-11-26"), QStringLiteral("/home/trader/.local/share/Memedesk/memedesk"),
                                 QStringLiteral("/home/trader/.local/share/Memedesk/memedesk/memedesk.sqlite"),
                                 QStringLiteral("/home/trader/.local/share/Memedesk/memedesk/memedesk.log")};
    engine::RemoteApiState remoteApiStateValue;
    QList<engine::VenueSymbol> venueSymbolList;
    engine::Result<engine::ConnectionCheck> connectionResult = engine::ConnectionCheck{};
    int connectionTests = 0;
    QHash<QString, engine::BookUpdate> books;
    QList<engine::ManualOrder> placedOrders;
    QStringList cancelledIds;
    engine::Result<QString> placeResult = QStringLiteral("md-000042");

    // Backtests: the real service (the engine's own code, on its own thread) over the test's files.
    void runBacktest(const engine::BacktestRequest &request, QObject *context, std::function<void(double)> progress,
                     std::function<void(const engine::Result<engine::BacktestRunPtr> &)> done) override
    {
        backtestRequests << request;
        backtests.run(request, context, std::move(progress), std::move(done));
    }
    void cancelBacktest() override { backtests.cancel(); }
    // Evaluations: the real service (the demo market and the engine, in simulated time).
    void runEvaluation(const engine::EvaluationRequest &request, QObject *context, std::function<void(double)> progress,
                       std::function<void(const engine::Result<QJsonObject> &)> done) override
    {
        evaluationRequests << request;
        evaluations.run(request, context, std::move(progress), std::move(done));
    }
    void cancelEvaluation() override { evaluations.cancel(); }
    QList<engine::EvaluationRequest> evaluationRequests;
    adapters::demo::evaluation::EvaluationService evaluations;
    QList<engine::BacktestRunPtr> backtestRuns() const override { return backtests.runs(); }
    QList<engine::BacktestRequest> backtestRequests;
    engine::BacktestService backtests;

    void queryHistory(const engine::HistoryQuery &query, QObject *context,
                      std::function<void(const engine::HistoryPage &)> done) override
    {
        historyQueries.append(query);
        const engine::HistoryPage page = makePage(query);
        QTimer::singleShot(historyDelayMs, context, [page, done] { done(page); });
    }

    void storeSecret(const QString &name, const QString &value, QObject *context,
                     std::function<void(const QString &)> done) override
    {
        secrets.insert(name, value);
        QTimer::singleShot(0, context, [done] { done({}); });
    }
    void secretPresent(const QString &name, QObject *context,
                       std::function<void(bool, const QString &)> done) override
    {
        const bool present = secrets.contains(name);
        QTimer::singleShot(0, context, [done, present] { done(present, {}); });
    }
    void deleteSecret(const QString &name, QObject *context, std::function<void(const QString &)> done) override
    {
        secrets.remove(name);
        QTimer::singleShot(0, context, [done] { done({}); });
    }

    std::unique_ptr<engine::Handler> handleEvents(QObject *context,
                                                  std::function<void(const engine::BotEvent &)> fn) override
    {
        const int id = ++m_nextId;
        m_handlers[id] = Subscription{QPointer<QObject>(context), std::move(fn)};
        return std::make_unique<FakeHandler>(this, id);
    }

    // ---- synthetic journal ----
    static engine::Fill syntheticFill(qint64 i, const QString &symbol, engine::Side side)
    {
        engine::Fill f;
        f.fillId = QStringLiteral("F%1").arg(i, 7, 10, QLatin1Char('0'));
        f.clientId = QStringLiteral("md-%1").arg(i / 2);
        f.symbol = symbol;
        f.side = side;
        f.price = engine::Decimal::fromRaw(engine::Decimal::Raw(1'230'000'000'000) + engine::Decimal::Raw(i) * 1000);
        f.qty = engine::Decimal::fromInt(1000 + i % 97);
        f.fee = engine::Decimal::fromString("0.0012");
        f.feeAsset = QStringLiteral("USDT");
        f.tsMs = 1'700'000'000'000LL + i * 1000;
        return f;
    }

    engine::HistoryPage makePage(const engine::HistoryQuery &q) const
    {
        engine::HistoryPage page;
        page.query = q;
        if (!historyError.isEmpty()) {
            page.error = engine::Error{QStringLiteral("JOURNAL_UNREADABLE"), historyError};
            return page;
        }
        const bool fills = q.kind == engine::HistoryQuery::Kind::Fills;
        if (fills && historyFills) {
            page.total = historyFills->size();
            page.fills = historyFills->mid(q.offset, q.limit);
            return page;
        }
        if (!fills && historyOrders) {
            page.total = historyOrders->size();
            page.orders = historyOrders->mid(q.offset, q.limit);
            return page;
        }
        // Filters shrink the synthetic journal so a test can see them take effect.
        qint64 total = historyRows;
        if (!q.symbol.isEmpty())
            total /= 4;
        if (q.side)
            total /= 2;
        page.total = total;
        const QString symbol = q.symbol.isEmpty() ? QStringLiteral("PEPEUSDT") : q.symbol;
        for (qint64 i = q.offset; i < std::min<qint64>(total, qint64(q.offset) + q.limit); ++i) {
            const engine::Side side = q.side ? *q.side : (i % 2 ? engine::Side::Sell : engine::Side::Buy);
            const engine::Fill f = syntheticFill(i, symbol, side);
            if (fills) {
                page.fills.append(f);
            } else {
                engine::Order o;
                o.clientId = f.clientId;
                o.symbol = f.symbol;
                o.side = f.side;
                o.qty = o.filledQty = f.qty;
                o.avgPrice = f.price;
                o.status = engine::OrderStatus::Filled;
                o.createdMs = o.updatedMs = f.tsMs;
                page.orders.append(o);
            }
        }
        return page;
    }

private:
    struct Subscription {
        QPointer<QObject> context;
        std::function<void(const engine::BotEvent &)> fn;
    };
    class FakeHandler final : public engine::Handler {
    public:
        FakeHandler(FakeBotApi *api, int id) : m_api(api), m_id(id) {}
        ~FakeHandler() override { disconnect(); }
        void disconnect() override
        {
            if (m_api)
                m_api->m_handlers.erase(m_id);
            m_api = nullptr;
        }

    private:
        FakeBotApi *m_api;
        int m_id;
    };

    std::map<int, Subscription> m_handlers;
    int m_nextId = 0;
};

} // namespace testsupport
