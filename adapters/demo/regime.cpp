#include "adapters/demo/regime.h"

namespace adapters::demo {

QString toString(Regime r)
{
    switch (r) {
    case Regime::Quiet: return QStringLiteral("quiet");
    case Regime::OrganicPump: return QStringLiteral("organic_pump");
    case Regime::PumpAndDump: return QStringLiteral("pump_and_dump");
    case Regime::RugPull: return QStringLiteral("rug_pull");
    case Regime::SlowBleed: return QStringLiteral("slow_bleed");
    case Regime::FailedPump: return QStringLiteral("failed_pump");
    case Regime::Chatter: return QStringLiteral("chatter");
    }
    return {};
}

QString toString(Phase p)
{
    switch (p) {
    case Phase::Idle: return QStringLiteral("idle");
    case Phase::Buildup: return QStringLiteral("buildup");
    case Phase::Move: return QStringLiteral("move");
    case Phase::Unwind: return QStringLiteral("unwind");
    }
    return {};
}

Phase RegimeEpisode::phaseAt(qint64 tMs) const
{
    if (!isActiveAt(tMs))
        return Phase::Idle;
    if (tMs < moveStartMs)
        return Phase::Buildup;
    if (tMs < peakMs)
        return Phase::Move;
    return Phase::Unwind;
}

} // namespace adapters::demo
