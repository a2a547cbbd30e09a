#include "engine/api/botevents.h"

namespace engine {

QString toString(LogEntry::Level level)
{
    switch (level) {
    case LogEntry::Level::Debug: return QStringLiteral("debug");
    case LogEntry::Level::Info: return QStringLiteral("info");
    case LogEntry::Level::Warning: return QStringLiteral("warning");
    case LogEntry::Level::Error: return QStringLiteral("error");
    }
    return {};
}

} // namespace engine
