#pragma once

#include "engine/core/enums.h"

namespace engine {

//! The legal moves of an order's status. Anything else is a venue or engine bug
//! and is refused (and logged) rather than applied.
class OrderStateMachine {
public:
    //! True if `from` → `to` is allowed. Repeating PartiallyFilled is allowed (more fills).
    [[nodiscard]] static bool canTransition(OrderStatus from, OrderStatus to);
    //! True when a fill may still arrive for an order in `status`: every real exchange can report a
    //! fill that happened just before a cancel or an expiry took effect. The fill is booked; the
    //! order keeps its final status.
    [[nodiscard]] static bool acceptsLateFill(OrderStatus status);
};

} // namespace engine
