#pragma once

#include <QString>

namespace engine {

//! How an adapter classifies a failure; the engine decides what to do with it.
struct AdapterError {
    enum class Kind { Retryable, NonRetryable, Fatal };
    Kind kind = Kind::Retryable;
    QString source;  // "demo", "paper", "binance", "storage", "keychain"
    QString code;    // venue/adapter code ("-1021", "timeout", "sql")
    QString message; // readable, never contains secrets
};

} // namespace engine
