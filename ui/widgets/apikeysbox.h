#pragma once

#include "engine/api/botapi.h"

#include <QGroupBox>

class QLabel;
class QLineEdit;
class QPushButton;

namespace ui {

//! Binance API key and secret: typed into password fields, stored in the OS keychain,
//! and afterwards only reported as present or not. A secret is never read back.
class ApiKeysBox final : public QGroupBox {
    Q_OBJECT
public:
    explicit ApiKeysBox(engine::BotApi &api, QWidget *parent = nullptr);

    //! Asks the keychain whether the secrets are set (asynchronous).
    void refreshPresence();

Q_SIGNALS:
    //! Secrets were stored or deleted; mode availability may have changed.
    void secretsChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class Presence { Checking, Present, Absent, Error };
    struct Secret {
        const char *name;
        QLineEdit *edit;
        QLabel *status;
        Presence presence = Presence::Checking;
        QString error;
    };

    void retranslateUi();
    void save();
    void remove();
    void renderStatus();
    void setMessage(const QString &text, bool error);
    void operationDone(const QString &error);

    engine::BotApi &m_api;
    Secret m_key;
    Secret m_secret;
    QLabel *m_keyLabel;
    QLabel *m_secretLabel;
    QLabel *m_note;
    QLabel *m_message;
    QPushButton *m_save;
    QPushButton *m_delete;
    int m_pending = 0;
    QStringList m_errors;
    bool m_lastWasDelete = false;
};

} // namespace ui
