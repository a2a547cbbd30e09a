#pragma once

#include "engine/core/order.h"
#include "engine/core/position.h"
#include "engine/risk/risklimits.h"

#include <optional>

namespace engine {

//! Protective exits for an open long position: stop-loss, take-profit and a
//! trailing stop that arms once the position is in profit by the trail distance.
class ExitManager {
public:
    //! A reduce-only market sell of the whole position, or nullopt.
    [[nodiscard]] static std::optional<OrderRequest> check(const Position &position, const RiskLimits &limits);
    //! A reduce-only market sell of the whole position, tagged with who asked and why.
    [[nodiscard]] static OrderRequest closeOrder(const Position &position, const QString &strategy, const QString &reason);
};

} // namespace engine
