#pragma once

#include "engine/api/botapi.h"

#include <QDialog>

namespace ui {

//! Help → About: the version and build, the data folder and log file, and the licences of the
//! project and of the third-party software it runs on.
class AboutDialog final : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(engine::BotApi &api, QWidget *parent = nullptr);

    //! The dialog's text (HTML), as shown.
    [[nodiscard]] QString text() const { return m_html; }

private:
    QString m_html;
};

} // namespace ui
