#include "adapters/rest/alertbook.h"

#include "adapters/rest/dtojson.h"

namespace adapters::rest {

void AlertBook::onEvent(const engine::BotEvent &event)
{
    if (const auto *denial = std::get_if<engine::RiskDenial>(&event)) {
        add(denial->tsMs, QStringLiteral("risk_denial"), QStringLiteral("warning"), denial->reason, toJson(*denial));
    } else if (const auto *entry = std::get_if<engine::LogEntry>(&event)) {
        if (entry->level == engine::LogEntry::Level::Warning || entry->level == engine::LogEntry::Level::Error) {
            add(entry->tsMs, QStringLiteral("log"), entry->level == engine::LogEntry::Level::Error ? QStringLiteral("error") : QStringLiteral("warning"),
                entry->message, toJson(*entry));
        }
    } else if (const auto *status = std::get_if<engine::BotStatus>(&event)) {
        if (m_tradingState && *m_tradingState != status->tradingState) {
            const bool halted = status->tradingState == engine::TradingState::Halted;
            add(status->clockMs, QStringLiteral("trading_state"), halted ? QStringLiteral("error") : QStringLiteral("info"),
                halted ? QStringLiteral("trading halted: %1").arg(status->haltReason)
                       : QStringLiteral("trading state is now %1").arg(engine::toString(status->tradingState)),
                {{QStringLiteral("trading_state"), engine::toString(status->tradingState)}, {QStringLiteral("halt_reason"), status->haltReason}});
        }
        m_tradingState = status->tradingState;
    }
}

QList<QJsonObject> AlertBook::alerts(const QString &kind) const
{
    QList<QJsonObject> out;
    for (auto it = m_alerts.crbegin(); it != m_alerts.crend(); ++it) {
        if (kind.isEmpty() || it->value(QStringLiteral("kind")).toString() == kind)
            out.append(*it);
    }
    return out;
}

void AlertBook::add(qint64 tsMs, const QString &kind, const QString &severity, const QString &message, const QJsonObject &data)
{
    m_alerts.append({{QStringLiteral("ts_ms"), tsMs},
                     {QStringLiteral("kind"), kind},
                     {QStringLiteral("severity"), severity},
                     {QStringLiteral("message"), message},
                     {QStringLiteral("data"), data}});
    if (m_alerts.size() > kCapacity)
        m_alerts.remove(0, m_alerts.size() - kCapacity);
}

} // namespace adapters::rest
