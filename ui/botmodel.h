#pragma once

#include "engine/api/botapi.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace ui {

//! The desktop's one subscriber to BotApi (Bitcoin Core's ClientModel pattern): it receives every
//! engine event once, on the GUI thread, and re-emits it as a typed Qt signal that views connect
//! to. It also reads the status snapshot on a short timer, because the engine's clock and marks
//! move without events; views that show snapshot data (positions) refresh on tick().
class BotModel final : public QObject {
    Q_OBJECT
public:
    static constexpr int kTickMs = 500;

    explicit BotModel(engine::BotApi &api, QObject *parent = nullptr);
    ~BotModel() override;

    [[nodiscard]] engine::BotApi &api() { return m_api; }
    //! The latest status seen (event or snapshot).
    [[nodiscard]] const engine::BotStatus &status() const { return m_status; }

Q_SIGNALS:
    void statusChanged(const engine::BotStatus &status);
    void orderChanged(const engine::Order &order);
    void fillAdded(const engine::Fill &fill);
    void signalAdded(const engine::Signal &signal);
    void logAdded(const engine::LogEntry &entry);
    void riskDenied(const engine::RiskDenial &denial);
    void equityAdded(const engine::EquityPoint &point);
    //! Every kTickMs, after statusChanged: time to re-read snapshot data that has no events.
    void tick();

private:
    void onEvent(const engine::BotEvent &event);
    void poll();

    engine::BotApi &m_api;
    engine::BotStatus m_status;
    QTimer m_timer;
    std::unique_ptr<engine::Handler> m_events;
};

} // namespace ui
