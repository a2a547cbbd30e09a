#include "ui/views/tradingconfigview.h"

#include "ui/botmodel.h"

#include "ui/widgets/apikeysbox.h"
#include "ui/widgets/configform.h"
#include "ui/widgets/enginecontrolbox.h"
#include "ui/widgets/languagebox.h"
#include "ui/widgets/remoteapibox.h"
#include "ui/widgets/venuesettingsbox.h"

#include <QHBoxLayout>
#include <QScrollArea>
#include <QVBoxLayout>

namespace ui {

namespace {

bool sameModes(const QList<engine::ModeAvailability> &a, const QList<engine::ModeAvailability> &b)
{
    if (a.size() != b.size())
        return false;
    for (int i = 0; i < a.size(); ++i) {
        if (a.at(i).mode != b.at(i).mode || a.at(i).available != b.at(i).available || a.at(i).reason != b.at(i).reason)
            return false;
    }
    return true;
}

} // namespace

TradingConfigView::TradingConfigView(BotModel &model, QWidget *parent)
    : QWidget(parent)
    , m_api(model.api())
{
    setObjectName(QStringLiteral("tradingConfigView"));
    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("tradingConfigContent"));
    m_control = new EngineControlBox(m_api, content);
    m_form = new ConfigForm(m_api, content);
    m_keys = new ApiKeysBox(m_api, content);
    m_venue = new VenueSettingsBox(m_api, content);
    m_remote = new RemoteApiBox(m_api, content);
    m_language = new LanguageBox(content);
    m_modes = m_api.availableModes();

    auto *top = new QHBoxLayout;
    top->addWidget(m_control, 3);
    top->addWidget(m_language, 1);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(10, 10, 10, 10);
    layout->setSpacing(10);
    layout->addLayout(top);
    layout->addWidget(m_form);
    layout->addWidget(m_keys);
    layout->addWidget(m_venue);
    layout->addWidget(m_remote);
    layout->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    // Stored or deleted keys change whether live trading is possible.
    connect(m_keys, &ApiKeysBox::secretsChanged, this, &TradingConfigView::updateModes);
    connect(&model, &BotModel::statusChanged, this, [this](const engine::BotStatus &s) { m_control->setStatus(s); });
    refresh();
}

TradingConfigView::~TradingConfigView() = default;

void TradingConfigView::refresh()
{
    m_control->setStatus(m_api.status());
    updateModes();
}

void TradingConfigView::updateModes()
{
    const QList<engine::ModeAvailability> modes = m_api.availableModes();
    if (sameModes(modes, m_modes))
        return;
    m_modes = modes;
    m_form->setModes(modes);
}


} // namespace ui
