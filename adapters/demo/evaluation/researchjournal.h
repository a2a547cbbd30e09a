#pragma once

#include "engine/ports/tradestore.h"

#include <deque>
#include <variant>

namespace adapters::demo::evaluation {

//! The journal of a research run (`memedesk evaluate`): nothing is at stake and nothing outlives
//! the run, so writes stay in memory. Acknowledgements are queued, not called back from inside
//! the write, and handed to the engine by deliver() in write order: the engine sees the same
//! write-ahead protocol as with the SQLite journal, one simulated event later at most.
class ResearchJournal final : public engine::TradeStore {
public:
    engine::Result<void> open() override { return {}; }
    engine::Result<engine::JournalSnapshot> loadSnapshot() override { return engine::JournalSnapshot{}; }
    engine::Result<void> replayFills(const std::function<bool(const engine::Fill &)> &visit) override;
    void setStoreSink(engine::TradeStoreSink *sink) override { m_sink = sink; }
    void saveOrder(const engine::Order &order) override { m_acks.emplace_back(order); }
    void saveFill(const engine::Fill &fill) override;
    void saveFillChange(const engine::FillChange &change) override;
    void savePortfolio(const QList<engine::Position> &, const QHash<QString, engine::Decimal> &,
                       const QHash<QString, QString> &) override {}
    void saveSignal(const engine::Signal &) override {}
    void saveEquity(const engine::EquityPoint &) override {}
    void saveCandle(const engine::Candle &) override {}
    void saveSetting(const QString &, const QString &) override {}
    void queryHistory(const engine::HistoryQuery &query, std::function<void(engine::HistoryPage)> done) override;
    void flush() override {}

    //! Tells the sink about every write made durable since the last call; true when there were any.
    bool deliver();
    [[nodiscard]] const QList<engine::Fill> &fills() const { return m_fills; }

private:
    engine::TradeStoreSink *m_sink = nullptr;
    std::deque<std::variant<engine::Order, engine::Fill>> m_acks;
    QList<engine::Fill> m_fills;
};

} // namespace adapters::demo::evaluation
