#include "ui/botmodel.h"

namespace ui {

BotModel::BotModel(engine::BotApi &api, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_status(api.status())
{
    m_events = m_api.handleEvents(this, [this](const engine::BotEvent &event) { onEvent(event); });
    connect(&m_timer, &QTimer::timeout, this, &BotModel::poll);
    m_timer.start(kTickMs);
}

BotModel::~BotModel() = default;

void BotModel::onEvent(const engine::BotEvent &event)
{
    std::visit(
        [this](const auto &e) {
            using T = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<T, engine::BotStatus>) {
                m_status = e;
                Q_EMIT statusChanged(e);
            } else if constexpr (std::is_same_v<T, engine::Order>) {
                Q_EMIT orderChanged(e);
            } else if constexpr (std::is_same_v<T, engine::Fill>) {
                Q_EMIT fillAdded(e);
            } else if constexpr (std::is_same_v<T, engine::Signal>) {
                Q_EMIT signalAdded(e);
            } else if constexpr (std::is_same_v<T, engine::LogEntry>) {
                Q_EMIT logAdded(e);
            } else if constexpr (std::is_same_v<T, engine::RiskDenial>) {
                Q_EMIT riskDenied(e);
            } else if constexpr (std::is_same_v<T, engine::EquityPoint>) {
                Q_EMIT equityAdded(e);
            }
        },
        event);
}

void BotModel::poll()
{
    m_status = m_api.status();
    Q_EMIT statusChanged(m_status);
    Q_EMIT tick();
}

} // namespace ui
