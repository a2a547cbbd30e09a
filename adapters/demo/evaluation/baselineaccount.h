#pragma once

#include "adapters/demo/evaluation/accountrecord.h"
#include "adapters/demo/evaluation/latencyvenue.h"

#include "engine/execution/portfolio.h"
#include "engine/risk/risklimits.h"

#include <functional>

namespace adapters::demo::evaluation {

//! An account that trades by a fixed rule instead of a strategy — random entries, or buy-and-hold —
//! on the same books, with the same venue, fees and latency as the strategy, and the same
//! protective exits (stop-loss, take-profit, trailing stop from ExitManager) unless told to hold.
class BaselineAccount final : public engine::ExecutionSink {
public:
    //! `regimeOf(symbol)` labels an entry with its ground-truth regime for the report.
    BaselineAccount(const QString &name, engine::SimVenueConfig venue, qint64 latencyMs, engine::RiskLimits exits, bool useExits,
                    std::function<QString(const QString &)> regimeOf);

    void onInstruments(const QList<engine::Instrument> &instruments);
    //! Marks, fills, protective exits.
    void onBook(const engine::BookUpdate &book);
    //! A market buy of `notional` quote at the current ask (sized like the strategy sizes its
    //! orders), sold again after `holdMs` of simulated time unless an exit comes first (0 = hold);
    //! false when the symbol has no book, a position or an order working already.
    bool buy(const QString &symbol, engine::Decimal notional, qint64 holdMs = 0);
    //! Equity sample for the record (call once a minute).
    void sample(qint64 tsMs);
    void finish();

    [[nodiscard]] const AccountRecord &record() const { return m_record; }
    [[nodiscard]] int openPositions() const { return m_portfolio.openPositionCount() + int(m_pending.size()); }
    [[nodiscard]] bool holds(const QString &symbol) const;

    // engine::ExecutionSink
    void onExecutionReport(const engine::ExecutionReport &report) override;
    void onFill(const engine::Fill &fill) override;
    void onBalances(const QHash<QString, engine::Decimal> &) override {}
    void onExecutionError(const engine::AdapterError &) override {}

private:
    void send(engine::OrderRequest request);

    QString m_name;
    engine::EventClock m_clock;
    LatencyVenue m_venue;
    engine::Portfolio m_portfolio;
    engine::RiskLimits m_exits;
    bool m_useExits;
    std::function<QString(const QString &)> m_regimeOf;
    AccountRecord m_record;
    QHash<QString, engine::Instrument> m_instruments;
    QHash<QString, engine::Decimal> m_bestAsk; // what a buy is sized at
    QSet<QString> m_pending;               // symbols with an order working
    QHash<QString, QString> m_pendingIds;  // client id -> symbol
    QHash<QString, qint64> m_sellAtMs;     // symbol -> when to sell (simulated ms)
    quint64 m_nextId = 1;
};

} // namespace adapters::demo::evaluation
