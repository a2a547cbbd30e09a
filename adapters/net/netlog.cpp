#include "adapters/net/netlog.h"

namespace adapters::net {

Q_LOGGING_CATEGORY(lcNet, "memedesk.net")

} // namespace adapters::net
