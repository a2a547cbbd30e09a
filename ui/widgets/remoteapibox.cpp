#include "ui/widgets/remoteapibox.h"

#include "ui/theme.h"

#include <QCheckBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ui {

namespace {

QString colored(const QColor &color, const QString &text)
{
    return QStringLiteral("<span style='color:%1'>%2</span>").arg(color.name(), text.toHtmlEscaped());
}

} // namespace

RemoteApiBox::RemoteApiBox(engine::BotApi &api, QWidget *parent)
    : QGroupBox(parent)
    , m_api(api)
    , m_enabled(new QCheckBox(this))
    , m_bindLabel(new QLabel(this))
    , m_bind(new QLineEdit(this))
    , m_portLabel(new QLabel(this))
    , m_port(new QSpinBox(this))
    , m_certLabel(new QLabel(this))
    , m_cert(new QLineEdit(this))
    , m_certBrowse(new QPushButton(this))
    , m_keyLabel(new QLabel(this))
    , m_key(new QLineEdit(this))
    , m_keyBrowse(new QPushButton(this))
    , m_insecure(new QCheckBox(this))
    , m_corsLabel(new QLabel(this))
    , m_cors(new QLineEdit(this))
    , m_apply(new QPushButton(this))
    , m_state(new QLabel(this))
    , m_message(new QLabel(this))
    , m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("remoteApiBox"));
    m_enabled->setObjectName(QStringLiteral("remoteApiEnabled"));
    m_bind->setObjectName(QStringLiteral("remoteApiBind"));
    m_port->setObjectName(QStringLiteral("remoteApiPort"));
    m_cert->setObjectName(QStringLiteral("remoteApiCert"));
    m_key->setObjectName(QStringLiteral("remoteApiKey"));
    m_insecure->setObjectName(QStringLiteral("remoteApiInsecure"));
    m_cors->setObjectName(QStringLiteral("remoteApiCors"));
    m_apply->setObjectName(QStringLiteral("remoteApiApply"));
    m_state->setObjectName(QStringLiteral("remoteApiState"));
    m_message->setObjectName(QStringLiteral("remoteApiMessage"));
    m_port->setRange(1, 65535);
    for (QLabel *l : {m_state, m_message, m_hint}) {
        l->setWordWrap(true);
        l->setTextFormat(Qt::RichText);
    }
    m_hint->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *certRow = new QHBoxLayout;
    certRow->addWidget(m_cert, 1);
    certRow->addWidget(m_certBrowse);
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_key, 1);
    keyRow->addWidget(m_keyBrowse);
    auto *address = new QHBoxLayout;
    address->addWidget(m_bind, 1);
    address->addWidget(m_portLabel);
    address->addWidget(m_port);
    auto *form = new QFormLayout;
    form->addRow(m_bindLabel, address);
    form->addRow(m_certLabel, certRow);
    form->addRow(m_keyLabel, keyRow);
    form->addRow(QString(), m_insecure);
    form->addRow(m_corsLabel, m_cors);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_apply);
    buttons->addWidget(m_state, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_enabled);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addWidget(m_hint);

    connect(m_enabled, &QCheckBox::toggled, this, &RemoteApiBox::updateEnabled);
    connect(m_apply, &QPushButton::clicked, this, &RemoteApiBox::apply);
    connect(m_certBrowse, &QPushButton::clicked, this, [this] { browse(m_cert, false); });
    connect(m_keyBrowse, &QPushButton::clicked, this, [this] { browse(m_key, true); });
    retranslateUi();
    load();
}

void RemoteApiBox::load()
{
    const engine::RemoteApiSettings s = m_api.remoteApiSettings();
    m_enabled->setChecked(s.enabled);
    m_bind->setText(s.bindAddress);
    m_port->setValue(s.port);
    m_cert->setText(s.tlsCertificate);
    m_key->setText(s.tlsPrivateKey);
    m_insecure->setChecked(s.allowInsecure);
    m_cors->setText(s.corsOrigins.join(QLatin1Char(' ')));
    updateEnabled();
    showState();
}

engine::RemoteApiSettings RemoteApiBox::entered() const
{
    engine::RemoteApiSettings s;
    s.enabled = m_enabled->isChecked();
    s.bindAddress = m_bind->text().trimmed();
    s.port = m_port->value();
    s.tlsCertificate = m_cert->text().trimmed();
    s.tlsPrivateKey = m_key->text().trimmed();
    s.allowInsecure = m_insecure->isChecked();
    s.corsOrigins = m_cors->text().split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts);
    return s;
}

void RemoteApiBox::updateEnabled()
{
    for (QWidget *w : std::initializer_list<QWidget *>{m_bind, m_port, m_cert, m_certBrowse, m_key, m_keyBrowse, m_insecure, m_cors})
        w->setEnabled(m_enabled->isChecked());
}

void RemoteApiBox::apply()
{
    const engine::Result<void> applied = m_api.setRemoteApiSettings(entered());
    if (!applied) {
        QStringList lines;
        for (const QString &p : applied.error().details.isEmpty() ? QStringList{applied.error().message} : applied.error().details)
            lines << colored(Theme::negative(), p);
        m_message->setText(lines.join(QStringLiteral("<br>")));
    } else {
        m_message->setText(entered().enabled ? tr("Applied and saved: the API starts with the app from now on.").toHtmlEscaped()
                                             : tr("Applied and saved: the API is off.").toHtmlEscaped());
    }
    showState();
}

void RemoteApiBox::showState()
{
    const engine::RemoteApiState state = m_api.remoteApiState();
    if (state.running) {
        QString text = colored(Theme::positive(), tr("Running at %1").arg(state.url));
        text += QStringLiteral(" — ") + tr("%n user(s) can sign in", nullptr, state.users).toHtmlEscaped();
        if (state.fromCommandLine)
            text += QStringLiteral("<br>") + tr("Started by --api for this run; Apply replaces it with these settings.").toHtmlEscaped();
        m_state->setText(text);
    } else if (!state.error.isEmpty()) {
        m_state->setText(colored(Theme::negative(), tr("Not running: %1").arg(state.error)));
    } else {
        m_state->setText(tr("Off").toHtmlEscaped());
    }
}

void RemoteApiBox::browse(QLineEdit *target, bool key)
{
    const QString file = QFileDialog::getOpenFileName(this, key ? tr("TLS private key") : tr("TLS certificate"), target->text(),
                                                      tr("PEM files (*.pem *.crt *.key);;All files (*)"));
    if (!file.isEmpty())
        target->setText(file);
}

void RemoteApiBox::showEvent(QShowEvent *event)
{
    showState();
    QGroupBox::showEvent(event);
}

void RemoteApiBox::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        showState();
    }
    QGroupBox::changeEvent(event);
}

void RemoteApiBox::retranslateUi()
{
    setTitle(tr("Remote API"));
    m_enabled->setText(tr("Serve the REST API and WebSocket events (for a phone, a script or another machine)"));
    m_bindLabel->setText(tr("Address"));
    m_bind->setToolTip(tr("127.0.0.1 keeps the API on this computer. Another address needs a TLS certificate and key, "
                          "or the box below ticked."));
    m_portLabel->setText(tr("Port"));
    m_certLabel->setText(tr("TLS certificate"));
    m_keyLabel->setText(tr("TLS private key"));
    m_cert->setPlaceholderText(tr("PEM file; empty = plain HTTP"));
    m_key->setPlaceholderText(tr("PEM file, unencrypted"));
    m_certBrowse->setText(tr("Browse…"));
    m_keyBrowse->setText(tr("Browse…"));
    m_insecure->setText(tr("Allow plain HTTP on an address other machines can reach (only on a network that is yours alone)"));
    m_corsLabel->setText(tr("Browser origins"));
    m_cors->setPlaceholderText(tr("e.g. https://dashboard.example — none allowed by default"));
    m_apply->setText(tr("Apply"));
    m_hint->setText(tr("Sign-in uses the accounts made with <code>memedesk user add NAME --role admin|trader|viewer</code> "
                       "(the password is read from standard input). The routes are listed at /api/v1/openapi.json and in "
                       "docs/rest-api.md."));
}

} // namespace ui
