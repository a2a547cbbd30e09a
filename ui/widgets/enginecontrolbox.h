#pragma once

#include "engine/api/botapi.h"

#include <QGroupBox>

class QLabel;
class QPushButton;

namespace ui {

//! Start, Stop, Flatten & Stop (confirmed) and Resume after a halt, enabled by engine state.
class EngineControlBox final : public QGroupBox {
    Q_OBJECT
public:
    explicit EngineControlBox(engine::BotApi &api, QWidget *parent = nullptr);

    void setStatus(const engine::BotStatus &status);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void render();
    void confirmFlatten();

    engine::BotApi &m_api;
    engine::BotStatus m_status;
    QLabel *m_state;
    QLabel *m_halt;
    QPushButton *m_start;
    QPushButton *m_stop;
    QPushButton *m_flatten;
    QPushButton *m_resume;
};

} // namespace ui
