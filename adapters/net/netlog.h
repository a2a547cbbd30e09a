#pragma once

#include <QLoggingCategory>

namespace adapters::net {

//! "memedesk.net": HTTP and WebSocket events. Lines name host and path only: query strings,
//! headers and bodies can carry signatures and API keys, so they are never logged.
Q_DECLARE_LOGGING_CATEGORY(lcNet)

} // namespace adapters::net
