#pragma once

#include "engine/api/botapi.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace ui {

//! The first-launch welcome on the Dashboard: what the demo market is, how to go to dry run or
//! live (keys → test connection → mode), and where the data and log files are. Dismissed once, it
//! stays away (remembered in the settings) until Help → Show welcome brings it back.
class WelcomePanel final : public QFrame {
    Q_OBJECT
public:
    explicit WelcomePanel(engine::BotApi &api, QWidget *parent = nullptr);

    //! Whether a user dismissed it before.
    [[nodiscard]] static bool dismissed();
    //! Shows it again (Help → Show welcome) and forgets the dismissal.
    void reopen();

Q_SIGNALS:
    //! "Go to Trading Config" was clicked.
    void openTradingConfig();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void dismiss();

    engine::BotApi &m_api;
    QLabel *m_title;
    QLabel *m_text;
    QPushButton *m_config;
    QPushButton *m_folder;
    QPushButton *m_close;
};

} // namespace ui
