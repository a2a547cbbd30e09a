#pragma once

#include "engine/api/botapi.h"

#include <QGroupBox>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace ui {

//! The remote API in Trading Config: on or off, the address and port it listens on (loopback by
//! default), the TLS certificate and key for another address, the browser origins it allows,
//! and whether it runs and where. Apply starts, restarts or stops it at once; settings that do
//! not validate or a start that fails change nothing.
class RemoteApiBox final : public QGroupBox {
    Q_OBJECT
public:
    explicit RemoteApiBox(engine::BotApi &api, QWidget *parent = nullptr);

    //! The settings as entered, not yet applied.
    [[nodiscard]] engine::RemoteApiSettings entered() const;
    //! Shows whether the API runs (after an apply, and when the view is shown).
    void showState();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void retranslateUi();
    void load();
    void apply();
    void browse(QLineEdit *target, bool key);
    void updateEnabled();

    engine::BotApi &m_api;
    QCheckBox *m_enabled;
    QLabel *m_bindLabel;
    QLineEdit *m_bind;
    QLabel *m_portLabel;
    QSpinBox *m_port;
    QLabel *m_certLabel;
    QLineEdit *m_cert;
    QPushButton *m_certBrowse;
    QLabel *m_keyLabel;
    QLineEdit *m_key;
    QPushButton *m_keyBrowse;
    QCheckBox *m_insecure;
    QLabel *m_corsLabel;
    QLineEdit *m_cors;
    QPushButton *m_apply;
    QLabel *m_state;
    QLabel *m_message;
    QLabel *m_hint;
};

} // namespace ui
