#include "engine/execution/orderstatemachine.h"

namespace engine {

bool OrderStateMachine::canTransition(OrderStatus from, OrderStatus to)
{
    using S = OrderStatus;
    if (isTerminal(from))
        return false;
    switch (from) {
    case S::New:
        // fills may overtake the acknowledgement; a lost answer makes it Unknown
        return to == S::Accepted || to == S::PartiallyFilled || to == S::Filled || to == S::Rejected
            || to == S::Cancelled || to == S::Expired || to == S::Unknown;
    case S::Accepted:
        return to == S::PartiallyFilled || to == S::Filled || to == S::Cancelled || to == S::Expired
            || to == S::Unknown;
    case S::PartiallyFilled:
        return to == S::PartiallyFilled || to == S::Filled || to == S::Cancelled || to == S::Expired
            || to == S::Unknown;
    case S::Unknown:
        // a status query resolves it to whatever the venue says
        return to == S::Accepted || to == S::PartiallyFilled || to == S::Filled || to == S::Cancelled
            || to == S::Rejected || to == S::Expired;
    default:
        return false;
    }
}

bool OrderStateMachine::acceptsLateFill(OrderStatus status)
{
    return status == OrderStatus::Cancelled || status == OrderStatus::Expired;
}

} // namespace engine
