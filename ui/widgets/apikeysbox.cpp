#include "ui/widgets/apikeysbox.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace ui {

ApiKeysBox::ApiKeysBox(engine::BotApi &api, QWidget *parent)
    : QGroupBox(parent)
    , m_api(api)
    , m_key{engine::secrets::kBinanceApiKey, new QLineEdit(this), new QLabel(this), Presence::Checking, {}}
    , m_secret{engine::secrets::kBinanceApiSecret, new QLineEdit(this), new QLabel(this), Presence::Checking, {}}
    , m_keyLabel(new QLabel(this))
    , m_secretLabel(new QLabel(this))
    , m_note(new QLabel(this))
    , m_message(new QLabel(this))
    , m_save(new QPushButton(this))
    , m_delete(new QPushButton(this))
{
    setObjectName(QStringLiteral("apiKeysBox"));
    m_key.edit->setObjectName(QStringLiteral("binanceKeyEdit"));
    m_key.status->setObjectName(QStringLiteral("binanceKeyStatus"));
    m_secret.edit->setObjectName(QStringLiteral("binanceSecretEdit"));
    m_secret.status->setObjectName(QStringLiteral("binanceSecretStatus"));
    m_save->setObjectName(QStringLiteral("saveKeysButton"));
    m_delete->setObjectName(QStringLiteral("deleteKeysButton"));
    m_message->setObjectName(QStringLiteral("keysMessageLabel"));
    for (Secret *s : {&m_key, &m_secret}) {
        // Password echo also disables copy, drag and input-method previews of the text.
        s->edit->setEchoMode(QLineEdit::Password);
        s->edit->setClearButtonEnabled(true);
        s->edit->setMinimumWidth(260);
        s->edit->setMaximumWidth(480);
        s->edit->setContextMenuPolicy(Qt::NoContextMenu);
        s->status->setMinimumWidth(130);
    }
    m_note->setProperty("role", QStringLiteral("muted"));
    m_note->setWordWrap(true);
    m_message->setWordWrap(true);

    auto *grid = new QGridLayout;
    grid->addWidget(m_keyLabel, 0, 0);
    grid->addWidget(m_key.edit, 0, 1);
    grid->addWidget(m_key.status, 0, 2);
    grid->addWidget(m_secretLabel, 1, 0);
    grid->addWidget(m_secret.edit, 1, 1);
    grid->addWidget(m_secret.status, 1, 2);
    grid->setColumnStretch(3, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_save);
    buttons->addWidget(m_delete);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(grid);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addWidget(m_note);

    connect(m_save, &QPushButton::clicked, this, &ApiKeysBox::save);
    connect(m_delete, &QPushButton::clicked, this, &ApiKeysBox::remove);
    connect(m_key.edit, &QLineEdit::returnPressed, this, &ApiKeysBox::save);
    connect(m_secret.edit, &QLineEdit::returnPressed, this, &ApiKeysBox::save);
    retranslateUi();
    refreshPresence();
}

void ApiKeysBox::refreshPresence()
{
    for (Secret *s : {&m_key, &m_secret}) {
        s->presence = Presence::Checking;
        m_api.secretPresent(QString::fromLatin1(s->name), this, [this, s](bool present, const QString &error) {
            s->presence = !error.isEmpty() ? Presence::Error : present ? Presence::Present : Presence::Absent;
            s->error = error;
            renderStatus();
        });
    }
    renderStatus();
}

void ApiKeysBox::save()
{
    if (m_pending > 0)
        return;
    const QString key = m_key.edit->text().trimmed();
    const QString secret = m_secret.edit->text().trimmed();
    if (key.isEmpty() && secret.isEmpty()) {
        setMessage(tr("Type the API key and secret first."), true);
        return;
    }
    // The fields are cleared at once: the values live on only in the keychain.
    m_key.edit->clear();
    m_secret.edit->clear();
    m_errors.clear();
    m_lastWasDelete = false;
    for (const auto &[name, value] : {std::pair{m_key.name, key}, std::pair{m_secret.name, secret}}) {
        if (value.isEmpty())
            continue;
        ++m_pending;
        m_api.storeSecret(QString::fromLatin1(name), value, this,
                          [this](const QString &error) { operationDone(error); });
    }
    setMessage(tr("Saving to the keychain…"), false);
}

void ApiKeysBox::remove()
{
    if (m_pending > 0)
        return;
    QMessageBox box(QMessageBox::Question, tr("Delete API keys"),
                    tr("Delete the Binance API key and secret from the keychain? Live trading will be unavailable."),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("deleteKeysConfirmBox"));
    QPushButton *yes = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    yes->setObjectName(QStringLiteral("deleteKeysConfirmYes"));
    box.setDefaultButton(box.addButton(tr("Cancel"), QMessageBox::RejectRole));
    box.exec();
    if (box.clickedButton() != yes)
        return;
    m_errors.clear();
    m_lastWasDelete = true;
    for (const Secret *s : {&m_key, &m_secret}) {
        ++m_pending;
        m_api.deleteSecret(QString::fromLatin1(s->name), this, [this](const QString &error) { operationDone(error); });
    }
    setMessage(tr("Deleting from the keychain…"), false);
}

void ApiKeysBox::operationDone(const QString &error)
{
    if (!error.isEmpty())
        m_errors.append(error);
    if (--m_pending > 0)
        return;
    if (!m_errors.isEmpty())
        setMessage(tr("Keychain error: %1").arg(m_errors.join(QStringLiteral("; "))), true);
    else
        setMessage(m_lastWasDelete ? tr("Keys deleted.") : tr("Keys saved to the keychain."), false);
    refreshPresence();
    Q_EMIT secretsChanged();
}

void ApiKeysBox::setMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setProperty("role", error ? QStringLiteral("error") : QStringLiteral("muted"));
    m_message->style()->unpolish(m_message);
    m_message->style()->polish(m_message);
}

void ApiKeysBox::renderStatus()
{
    for (Secret *s : {&m_key, &m_secret}) {
        switch (s->presence) {
        case Presence::Checking: s->status->setText(tr("checking…")); break;
        // A fixed mask: its length says nothing about the secret.
        case Presence::Present: s->status->setText(tr("stored (••••••)")); break;
        case Presence::Absent: s->status->setText(tr("not set")); break;
        case Presence::Error: s->status->setText(tr("keychain error")); break;
        }
        s->status->setToolTip(s->presence == Presence::Error ? s->error : QString());
    }
}

void ApiKeysBox::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QGroupBox::changeEvent(event);
}

void ApiKeysBox::retranslateUi()
{
    setTitle(tr("Binance API keys"));
    m_keyLabel->setText(tr("API key"));
    m_secretLabel->setText(tr("API secret"));
    m_key.edit->setPlaceholderText(tr("paste a new API key"));
    m_secret.edit->setPlaceholderText(tr("paste a new API secret"));
    m_save->setText(tr("Save to keychain"));
    m_delete->setText(tr("Delete keys"));
    m_note->setText(tr("Keys go straight to the operating system's keychain. Memedesk never shows them again, "
                       "never writes them to files or logs. Use a key without withdrawal permission."));
    renderStatus();
}

} // namespace ui
