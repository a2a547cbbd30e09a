#pragma once

#include "engine/api/botevents.h"

#include <QJsonObject>
#include <QList>

namespace adapters::rest {

//! What deserves a trader's attention, kept from the engine's event stream for
//! GET monitoring/alerts: risk denials, warnings and errors in the log, trading halted or resumed.
//! Newest last; the oldest are dropped beyond kCapacity. One thread.
class AlertBook {
public:
    void onEvent(const engine::BotEvent &event);
    //! Newest first, optionally one kind ("risk_denial", "log", "trading_state").
    [[nodiscard]] QList<QJsonObject> alerts(const QString &kind) const;

    static constexpr int kCapacity = 500;

private:
    void add(qint64 tsMs, const QString &kind, const QString &severity, const QString &message, const QJsonObject &data);

    QList<QJsonObject> m_alerts;
    std::optional<engine::TradingState> m_tradingState;
};

} // namespace adapters::rest
