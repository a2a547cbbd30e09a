#pragma once

#include "engine/api/botevents.h"

#include <QStatusBar>

class QLabel;

namespace ui {

//! Market connection, engine state, trading state, engine clock and equity at a glance.
class EngineStatusBar final : public QStatusBar {
    Q_OBJECT
public:
    explicit EngineStatusBar(QWidget *parent = nullptr);

    void setStatus(const engine::BotStatus &status);

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();

    engine::BotStatus m_status;
    bool m_hasStatus = false;
    QLabel *m_market;
    QLabel *m_engine;
    QLabel *m_trading;
    QLabel *m_mode;
    QLabel *m_clock;
    QLabel *m_equity;
    QLabel *m_store;
    QLabel *m_health;
};

} // namespace ui
