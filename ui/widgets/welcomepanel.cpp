#include "ui/widgets/welcomepanel.h"

#include "ui/theme.h"

#include <QDesktopServices>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QUrl>
#include <QVBoxLayout>

namespace ui {

namespace {
const QString kDismissedKey = QStringLiteral("ui/welcomeDismissed");
}

WelcomePanel::WelcomePanel(engine::BotApi &api, QWidget *parent)
    : QFrame(parent)
    , m_api(api)
    , m_title(new QLabel(this))
    , m_text(new QLabel(this))
    , m_config(new QPushButton(this))
    , m_folder(new QPushButton(this))
    , m_close(new QPushButton(this))
{
    setObjectName(QStringLiteral("welcomePanel"));
    m_config->setObjectName(QStringLiteral("welcomeConfig"));
    m_folder->setObjectName(QStringLiteral("welcomeFolder"));
    m_close->setObjectName(QStringLiteral("welcomeDismiss"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral("#welcomePanel { border: 1px solid %1; border-radius: 6px; background: %2; }")
                      .arg(Theme::accent().name(), Theme::panel().name()));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_config);
    buttons->addWidget(m_folder);
    buttons->addStretch(1);
    buttons->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 10, 14, 10);
    layout->addWidget(m_title);
    layout->addWidget(m_text);
    layout->addLayout(buttons);

    connect(m_config, &QPushButton::clicked, this, &WelcomePanel::openTradingConfig);
    connect(m_folder, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_api.appInfo().dataDir)); });
    connect(m_close, &QPushButton::clicked, this, &WelcomePanel::dismiss);
    retranslateUi();
    setVisible(!dismissed());
}

bool WelcomePanel::dismissed()
{
    return QSettings().value(kDismissedKey, false).toBool();
}

void WelcomePanel::dismiss()
{
    QSettings().setValue(kDismissedKey, true);
    hide();
}

void WelcomePanel::reopen()
{
    QSettings().remove(kDismissedKey);
    show();
}

void WelcomePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QFrame::changeEvent(event);
}

void WelcomePanel::retranslateUi()
{
    const engine::AppInfo info = m_api.appInfo();
    m_title->setText(tr("Welcome to Memedesk"));
    const QString code = QStringLiteral("<code>%1</code>");
    m_text->setText(
        tr("<p>You are trading the <b>demo market</b>: a simulated meme market with paper money. Nothing here is real — "
           "the tokens, the posts and the 10,000 USDT are made up, so try anything.</p>"
           "<p><b>To trade on Binance:</b> in Trading Config, store your API key and secret (they go to your system's keychain, "
           "never to a file), press <i>Test connection</i>, then choose <i>Dry run</i> (real prices, paper fills) as the trading "
           "mode. Go <i>Live</i> only once dry run has shown you what the strategy does.</p>"
           "<p><b>Your files:</b> data folder %1 — the journal %2 and the log %3.</p>")
            .arg(code.arg(info.dataDir.toHtmlEscaped()), code.arg(info.journalFile.section(QLatin1Char('/'), -1).toHtmlEscaped()),
                 code.arg(info.logFile.section(QLatin1Char('/'), -1).toHtmlEscaped())));
    m_config->setText(tr("Go to Trading Config"));
    m_folder->setText(tr("Open the data folder"));
    m_close->setText(tr("Dismiss"));
    m_close->setToolTip(tr("Help → Show welcome brings it back."));
}

} // namespace ui
