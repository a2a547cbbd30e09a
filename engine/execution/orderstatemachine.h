#pragma once

#include "core/enums.h"

namespace engine {

//! The legal moves of an order's status. Anything else is a venue or engine bug
//! and is refused (and logged) rather than applied.
class OrderStateMachine {
public:
    //! True if `from` → `to` is allowed. Repeating PartiallyFilled is allowed (more fills).
    [[nodiscard]] static bool canTransition(OrderStatus from, OrderStatus to);
};

} // namespace engine
