#include "ui/widgets/venuesettingsbox.h"

#include "ui/theme.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

namespace {

struct Preset {
    const char *rest;
    const char *stream;
    const char *wsApi;
};
// protocols.md §1.1, §2.1, §2.3
constexpr Preset kProduction{"https://api.binance.com", "wss://stream.binance.com:9443/stream", "wss://ws-api.binance.com:443/ws-api/v3"};
constexpr Preset kTestnet{"https://testnet.binance.vision", "wss://stream.testnet.binance.vision/stream",
                          "wss://ws-api.testnet.binance.vision/ws-api/v3"};
enum PresetIndex { Production, Testnet, Custom };
constexpr int kMaxShownSymbols = 300;

} // namespace

VenueSettingsBox::VenueSettingsBox(engine::BotApi &api, QWidget *parent)
    : QGroupBox(parent)
    , m_api(api)
    , m_preset(new QComboBox(this))
    , m_rest(new QLineEdit(this))
    , m_stream(new QLineEdit(this))
    , m_wsApi(new QLineEdit(this))
    , m_presetLabel(new QLabel(this))
    , m_restLabel(new QLabel(this))
    , m_streamLabel(new QLabel(this))
    , m_wsApiLabel(new QLabel(this))
    , m_save(new QPushButton(this))
    , m_test(new QPushButton(this))
    , m_message(new QLabel(this))
    , m_testResult(new QLabel(this))
    , m_watchTitle(new QLabel(this))
    , m_watchlist(new QListWidget(this))
    , m_remove(new QPushButton(this))
    , m_search(new QLineEdit(this))
    , m_load(new QPushButton(this))
    , m_found(new QListWidget(this))
    , m_add(new QPushButton(this))
    , m_rules(new QLabel(this))
{
    setObjectName(QStringLiteral("venueSettingsBox"));
    m_preset->setObjectName(QStringLiteral("venuePreset"));
    m_rest->setObjectName(QStringLiteral("binanceRestUrl"));
    m_stream->setObjectName(QStringLiteral("binanceStreamUrl"));
    m_wsApi->setObjectName(QStringLiteral("binanceWsApiUrl"));
    m_save->setObjectName(QStringLiteral("venueSave"));
    m_test->setObjectName(QStringLiteral("testConnectionButton"));
    m_message->setObjectName(QStringLiteral("venueMessage"));
    m_testResult->setObjectName(QStringLiteral("testConnectionResult"));
    m_watchlist->setObjectName(QStringLiteral("watchlistList"));
    m_remove->setObjectName(QStringLiteral("watchlistRemove"));
    m_search->setObjectName(QStringLiteral("symbolSearch"));
    m_load->setObjectName(QStringLiteral("symbolLoad"));
    m_found->setObjectName(QStringLiteral("symbolSearchList"));
    m_add->setObjectName(QStringLiteral("watchlistAdd"));
    m_rules->setObjectName(QStringLiteral("symbolRules"));
    for (int i = 0; i < 3; ++i)
        m_preset->addItem(QString());
    for (QLabel *l : {m_message, m_testResult, m_rules}) {
        l->setWordWrap(true);
        l->setTextFormat(Qt::RichText);
    }
    m_watchlist->setMaximumHeight(150);
    m_found->setMaximumHeight(150);

    auto *form = new QFormLayout;
    form->addRow(m_presetLabel, m_preset);
    form->addRow(m_restLabel, m_rest);
    form->addRow(m_streamLabel, m_stream);
    form->addRow(m_wsApiLabel, m_wsApi);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_save);
    buttons->addWidget(m_test);
    buttons->addStretch(1);

    auto *watch = new QGridLayout;
    watch->addWidget(m_watchTitle, 0, 0, 1, 2);
    watch->addWidget(m_watchlist, 1, 0);
    watch->addWidget(m_remove, 2, 0);
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_load);
    auto *right = new QVBoxLayout;
    right->addLayout(searchRow);
    right->addWidget(m_found);
    watch->addLayout(right, 1, 1);
    watch->addWidget(m_add, 2, 1);
    watch->addWidget(m_rules, 3, 0, 1, 2);
    watch->setColumnStretch(0, 1);
    watch->setColumnStretch(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addWidget(m_testResult);
    layout->addLayout(watch);

    connect(m_preset, &QComboBox::activated, this, &VenueSettingsBox::applyPreset);
    for (QLineEdit *e : {m_rest, m_stream, m_wsApi})
        connect(e, &QLineEdit::textEdited, this, [this] { m_preset->setCurrentIndex(Custom); });
    connect(m_save, &QPushButton::clicked, this, &VenueSettingsBox::save);
    connect(m_test, &QPushButton::clicked, this, &VenueSettingsBox::testConnection);
    connect(m_load, &QPushButton::clicked, this, &VenueSettingsBox::loadSymbols);
    connect(m_search, &QLineEdit::textChanged, this, &VenueSettingsBox::filterSymbols);
    connect(m_found, &QListWidget::currentTextChanged, this, &VenueSettingsBox::showRules);
    connect(m_watchlist, &QListWidget::currentTextChanged, this, &VenueSettingsBox::showRules);
    connect(m_found, &QListWidget::itemDoubleClicked, this, &VenueSettingsBox::addSelected);
    connect(m_add, &QPushButton::clicked, this, &VenueSettingsBox::addSelected);
    connect(m_remove, &QPushButton::clicked, this, &VenueSettingsBox::removeSelected);
    retranslateUi();
    load();
}

void VenueSettingsBox::load()
{
    const QHash<QString, QString> s = m_api.venueSettings();
    m_rest->setText(s.value(QStringLiteral("binance.rest_url"), QLatin1String(kProduction.rest)));
    m_stream->setText(s.value(QStringLiteral("binance.stream_url"), QLatin1String(kProduction.stream)));
    m_wsApi->setText(s.value(QStringLiteral("binance.ws_api_url"), QLatin1String(kProduction.wsApi)));
    const auto is = [this](const Preset &p) {
        return m_rest->text() == QLatin1String(p.rest) && m_stream->text() == QLatin1String(p.stream)
               && m_wsApi->text() == QLatin1String(p.wsApi);
    };
    m_preset->setCurrentIndex(is(kProduction) ? Production : is(kTestnet) ? Testnet : Custom);
    m_watchlist->clear();
    const QString symbols = s.value(QStringLiteral("symbols"));
    m_watchlist->addItems(symbols.isEmpty() ? engine::defaultWatchlist() : symbols.split(QLatin1Char(','), Qt::SkipEmptyParts));
}

void VenueSettingsBox::applyPreset(int index)
{
    const Preset *p = index == Production ? &kProduction : index == Testnet ? &kTestnet : nullptr;
    if (!p)
        return;
    m_rest->setText(QLatin1String(p->rest));
    m_stream->setText(QLatin1String(p->stream));
    m_wsApi->setText(QLatin1String(p->wsApi));
}

QHash<QString, QString> VenueSettingsBox::entered() const
{
    QStringList symbols;
    for (int i = 0; i < m_watchlist->count(); ++i)
        symbols << m_watchlist->item(i)->text();
    return {{QStringLiteral("binance.rest_url"), m_rest->text().trimmed()},
            {QStringLiteral("binance.stream_url"), m_stream->text().trimmed()},
            {QStringLiteral("binance.ws_api_url"), m_wsApi->text().trimmed()},
            {QStringLiteral("symbols"), symbols.join(QLatin1Char(','))}};
}

void VenueSettingsBox::setMessage(QLabel *label, const QString &text, bool error)
{
    label->setText(error ? QStringLiteral("<span style='color:%1'>%2</span>").arg(Theme::negative().name(), text) : text);
}

void VenueSettingsBox::save()
{
    const engine::Result<void> saved = m_api.setVenueSettings(entered());
    if (!saved) {
        QStringList lines;
        for (const QString &p : saved.error().details)
            lines << p.toHtmlEscaped();
        setMessage(m_message, lines.join(QStringLiteral("<br>")), true);
        return;
    }
    setMessage(m_message, tr("Saved. A running Binance session takes the watchlist at once; new addresses apply when the next session starts (switch the mode, or start the app again).").toHtmlEscaped(), false);
}

void VenueSettingsBox::testConnection()
{
    m_test->setEnabled(false);
    setMessage(m_testResult, tr("Asking Binance…").toHtmlEscaped(), false);
    m_api.testVenueConnection(entered(), this, [this](const engine::Result<engine::ConnectionCheck> &r) {
        m_test->setEnabled(true);
        if (!r) {
            setMessage(m_testResult, tr("The test failed: %1").arg(r.error().message).toHtmlEscaped(), true);
            return;
        }
        const engine::ConnectionCheck &c = r.value();
        const QString ok = QStringLiteral("<span style='color:%1'>✓</span> ").arg(Theme::positive().name());
        const QString warn = QStringLiteral("<span style='color:%1'>⚠</span> ").arg(Theme::warning().name());
        QStringList lines;
        lines << ok + tr("Binance answered in %1 ms; its clock is %2 ms %3 ours.")
                          .arg(c.latencyMs)
                          .arg(std::abs(c.clockOffsetMs))
                          .arg(c.clockOffsetMs >= 0 ? tr("ahead of") : tr("behind"))
                          .toHtmlEscaped();
        lines << (c.canTrade ? ok + tr("This key may trade on Spot.").toHtmlEscaped()
                             : warn + tr("This key may NOT trade: enable Spot trading for it on Binance.").toHtmlEscaped());
        lines << (c.canWithdraw ? warn + tr("This key may withdraw funds. A trading bot does not need that: turn it off.").toHtmlEscaped()
                                : ok + tr("This key cannot withdraw funds.").toHtmlEscaped());
        if (c.ipRestricted == 1)
            lines << ok + tr("It only works from the IP addresses you allowed.").toHtmlEscaped();
        else if (c.ipRestricted == 0)
            lines << warn + tr("It works from any IP address: restrict it to this machine's address on Binance.").toHtmlEscaped();
        else
            lines << tr("Binance did not say whether the key is restricted to IP addresses (testnets do not).").toHtmlEscaped();
        if (!c.permissions.isEmpty())
            lines << tr("Account permissions: %1").arg(c.permissions.join(QStringLiteral(", "))).toHtmlEscaped();
        m_testResult->setText(lines.join(QStringLiteral("<br>")));
    });
}

void VenueSettingsBox::loadSymbols()
{
    m_load->setEnabled(false);
    m_rules->setText(tr("Loading the symbol list…"));
    m_api.venueSymbols(entered(), this, [this](const engine::Result<QList<engine::VenueSymbol>> &r) {
        m_load->setEnabled(true);
        if (!r) {
            setMessage(m_rules, tr("The symbol list could not be loaded: %1").arg(r.error().message).toHtmlEscaped(), true);
            return;
        }
        m_symbols = r.value();
        m_rules->setText(tr("%n symbol(s) listed; USDT meme pairs first.", nullptr, int(m_symbols.size())));
        filterSymbols();
    });
}

void VenueSettingsBox::filterSymbols()
{
    const QString needle = m_search->text().trimmed().toUpper();
    m_found->clear();
    int shown = 0;
    for (const engine::VenueSymbol &s : std::as_const(m_symbols)) {
        if (!needle.isEmpty() && !s.symbol.contains(needle))
            continue;
        if (++shown > kMaxShownSymbols)
            break;
        m_found->addItem(s.symbol);
    }
}

void VenueSettingsBox::showRules(const QString &symbol)
{
    for (const engine::VenueSymbol &s : std::as_const(m_symbols)) {
        if (s.symbol != symbol)
            continue;
        m_rules->setText(tr("<b>%1</b> (%2/%3), %4: price tick %5, quantity step %6, minimum quantity %7, minimum order value %8 %3; order types %9")
                             .arg(s.symbol, s.baseAsset, s.quoteAsset, s.status, s.tickSize.toString(), s.stepSize.toString(),
                                  s.minQty.toString(), s.minNotional.toString(), s.orderTypes.join(QStringLiteral(", "))));
        return;
    }
}

void VenueSettingsBox::addSelected()
{
    const QListWidgetItem *item = m_found->currentItem();
    if (!item || !m_watchlist->findItems(item->text(), Qt::MatchExactly).isEmpty())
        return;
    m_watchlist->addItem(item->text());
    setMessage(m_message, tr("%1 added to the watchlist; save to keep it.").arg(item->text()).toHtmlEscaped(), false);
}

void VenueSettingsBox::removeSelected()
{
    delete m_watchlist->currentItem();
}

void VenueSettingsBox::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QGroupBox::changeEvent(event);
}

void VenueSettingsBox::retranslateUi()
{
    setTitle(tr("Binance connection and watchlist"));
    m_presetLabel->setText(tr("Network"));
    m_preset->setItemText(Production, tr("Binance (real money)"));
    m_preset->setItemText(Testnet, tr("Spot testnet"));
    m_preset->setItemText(Custom, tr("Custom addresses"));
    m_restLabel->setText(tr("REST API"));
    m_streamLabel->setText(tr("Market streams"));
    m_wsApiLabel->setText(tr("WebSocket API"));
    m_save->setText(tr("Save connection and watchlist"));
    m_test->setText(tr("Test connection"));
    m_test->setToolTip(tr("Checks the API key stored in the keychain against these addresses: may it trade, "
                          "may it withdraw, is it restricted to your IP address."));
    m_watchTitle->setText(tr("Watchlist: the symbols the bot watches and trades"));
    m_remove->setText(tr("Remove from watchlist"));
    m_search->setPlaceholderText(tr("Search symbols, e.g. PEPE"));
    m_load->setText(tr("Load symbols from Binance"));
    m_add->setText(tr("Add to watchlist"));
}

} // namespace ui
