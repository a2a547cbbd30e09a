#pragma once

#include "engine/core/enums.h"
#include "engine/core/order.h"
#include "engine/risk/denial.h"
#include "engine/risk/risklimits.h"

#include <QString>

#include <deque>
#include <optional>

namespace engine {

//! What the gate needs to know about the account when it judges an order.
struct RiskContext {
    Decimal referencePrice;     // price the order is expected to fill near
    Decimal cash;               // free quote balance
    Decimal positionQty;        // held quantity of this symbol
    int openPositions = 0;      // open positions plus pending entries
    bool hasPosition = false;
    bool symbolBlocked = false; // an order in this symbol has an unknown outcome
    Decimal feeRate = Decimal::fromString("0.001");
};

//! Pre-trade checks every order passes (Strategy → Risk → Execution), the
//! trading state, and the daily-loss circuit breaker.
class RiskGate {
public:
    explicit RiskGate(RiskLimits limits = {});
    void setLimits(const RiskLimits &limits) { m_limits = limits; }
    [[nodiscard]] const RiskLimits &limits() const { return m_limits; }

    //! nullopt = allowed; otherwise the typed reason (code + fields).
    [[nodiscard]] std::optional<Denial> check(const OrderRequest &request, const RiskContext &ctx, qint64 nowMs);
    //! Records that an order was sent (order-rate limit).
    void recordSubmission(qint64 nowMs);

    //! Feeds equity; halts trading when today's loss reaches the limit.
    //! Returns true when this call changed the state.
    bool updateDailyPnl(Decimal equity, qint64 nowMs);
    [[nodiscard]] Decimal pnlToday(Decimal equity) const { return equity - m_dayStartEquity; }
    void setDayStart(qint64 dayIndex, Decimal equity);
    [[nodiscard]] qint64 dayIndex() const { return m_dayIndex; }
    [[nodiscard]] Decimal dayStartEquity() const { return m_dayStartEquity; }

    [[nodiscard]] TradingState state() const { return m_state; }
    [[nodiscard]] QString stateReason() const { return m_reason; }
    void setState(TradingState state, const QString &reason);

private:
    RiskLimits m_limits;
    TradingState m_state = TradingState::Active;
    QString m_reason;
    std::deque<qint64> m_submissions;
    qint64 m_dayIndex = -1;
    Decimal m_dayStartEquity;
};

} // namespace engine
