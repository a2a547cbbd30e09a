#include "ui/widgets/aboutdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace ui {

namespace {

struct ThirdParty {
    const char *name;
    const char *use;
    const char *licence;
};

// What Memedesk runs on. Only the VADER lexicon is built into the program; the rest are the
// system's libraries (packaging/linux/copyright says the same).
constexpr ThirdParty kThirdParty[] = {
    {"Qt 6", "application framework, charts, networking, HTTP server", "LGPL-3.0"},
    {"QtKeychain", "the system keychain", "BSD-3-Clause"},
    {"SQLite", "the journal", "public domain"},
    {"OpenSSL", "request signing, TLS", "Apache-2.0"},
    {"libsodium", "password hashes (argon2id)", "ISC"},
    {"simdjson", "market-stream parsing", "Apache-2.0"},
    {"spdlog", "the log file", "MIT"},
    {"nlohmann/json", "JSON", "MIT"},
    {"VADER sentiment lexicon (C.J. Hutto, E. Gilbert)", "reading the sentiment of posts; built in", "MIT"},
};

} // namespace

AboutDialog::AboutDialog(engine::BotApi &api, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Memedesk"));
    const engine::AppInfo info = api.appInfo();
    QString rows;
    for (const ThirdParty &t : kThirdParty) {
        rows += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                    .arg(QString::fromUtf8(t.name).toHtmlEscaped(), QString::fromUtf8(t.use).toHtmlEscaped(), QString::fromUtf8(t.licence));
    }
    m_html = QStringLiteral("<h2>Memedesk</h2><p>%1</p>").arg(tr("Native terminal for automated meme-coin trading").toHtmlEscaped()) +
             QStringLiteral("<table cellspacing='4'>"
                            "<tr><td><b>%1</b></td><td>%2</td></tr>"
                            "<tr><td><b>%3</b></td><td>%4</td></tr>"
                            "<tr><td><b>%5</b></td><td>%6</td></tr>"
                            "<tr><td><b>%7</b></td><td><code>%8</code></td></tr>"
                            "<tr><td><b>%9</b></td><td><code>%10</code></td></tr></table>")
                 .arg(tr("Version"), info.version.toHtmlEscaped(), tr("Built"), info.buildDate.toHtmlEscaped(), tr("Qt"),
                      QString::fromLatin1(qVersion()), tr("Data folder"), info.dataDir.toHtmlEscaped(), tr("Log file"),
                      info.logFile.toHtmlEscaped()) +
             QStringLiteral("<h3>%1</h3><p>%2</p>")
                 .arg(tr("Licences"), tr("Memedesk: copyright the Memedesk developers, all rights reserved. It runs on this "
                                         "third-party software:")
                                          .toHtmlEscaped()) +
             QStringLiteral("<table cellspacing='4'>%1</table>").arg(rows) +
             QStringLiteral("<p>%1</p>").arg(tr("The licence texts: /usr/share/doc/memedesk/copyright for Memedesk and the lexicon, and each library's own package for the rest (Linux).").toHtmlEscaped());

    auto *browser = new QTextBrowser(this);
    browser->setObjectName(QStringLiteral("aboutText"));
    browser->setHtml(m_html);
    browser->setOpenExternalLinks(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(browser);
    layout->addWidget(buttons);
    resize(620, 560);
}

} // namespace ui
