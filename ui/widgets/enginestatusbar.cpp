#include "ui/widgets/enginestatusbar.h"

#include "ui/format.h"
#include "ui/labels.h"
#include "ui/theme.h"

#include <QEvent>
#include <QLabel>

namespace ui {

namespace {

QString dot(const QColor &color)
{
    return QStringLiteral("<span style=\"color:%1\">●</span> ").arg(color.name());
}

QColor engineColor(engine::EngineState state)
{
    switch (state) {
    case engine::EngineState::Running: return Theme::positive();
    case engine::EngineState::Stopped: return Theme::muted();
    default: return Theme::warning();
    }
}

QColor tradingColor(engine::TradingState state)
{
    switch (state) {
    case engine::TradingState::Active: return Theme::positive();
    case engine::TradingState::Reducing: return Theme::warning();
    case engine::TradingState::Halted: return Theme::negative();
    }
    return Theme::text();
}

} // namespace

EngineStatusBar::EngineStatusBar(QWidget *parent)
    : QStatusBar(parent)
    , m_market(new QLabel(this))
    , m_engine(new QLabel(this))
    , m_trading(new QLabel(this))
    , m_mode(new QLabel(this))
    , m_clock(new QLabel(this))
    , m_equity(new QLabel(this))
    , m_store(new QLabel(this))
    , m_health(new QLabel(this))
{
    setObjectName(QStringLiteral("engineStatusBar"));
    m_market->setObjectName(QStringLiteral("marketStatusLabel"));
    m_engine->setObjectName(QStringLiteral("engineStateLabel"));
    m_trading->setObjectName(QStringLiteral("tradingStateLabel"));
    m_mode->setObjectName(QStringLiteral("modeLabel"));
    m_clock->setObjectName(QStringLiteral("engineClockLabel"));
    m_equity->setObjectName(QStringLiteral("equityStatusLabel"));
    m_store->setObjectName(QStringLiteral("storeStatusLabel"));
    m_health->setObjectName(QStringLiteral("venueHealthStatusLabel"));
    addWidget(m_market, 1);
    addPermanentWidget(m_store);
    addPermanentWidget(m_health);
    addPermanentWidget(m_mode);
    addPermanentWidget(m_engine);
    addPermanentWidget(m_trading);
    addPermanentWidget(m_clock);
    addPermanentWidget(m_equity);
    setSizeGripEnabled(false);
    render();
}

void EngineStatusBar::setStatus(const engine::BotStatus &status)
{
    m_status = status;
    m_hasStatus = true;
    render();
}

void EngineStatusBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        render();
    QStatusBar::changeEvent(event);
}

void EngineStatusBar::render()
{
    const engine::BotStatus &s = m_status;
    if (s.marketConnected) {
        m_market->setText(dot(Theme::positive())
                          + tr("Market connected").toHtmlEscaped()
                          + (s.marketDetail.isEmpty() ? QString() : QStringLiteral(" — ") + s.marketDetail.toHtmlEscaped()));
    } else {
        m_market->setText(dot(m_hasStatus ? Theme::negative() : Theme::muted()) + tr("Market disconnected").toHtmlEscaped());
    }
    m_mode->setText(tr("Mode: %1").arg(Labels::tradingMode(s.mode)));
    m_engine->setText(dot(engineColor(s.engineState)) + tr("Engine: %1").arg(Labels::engineState(s.engineState)).toHtmlEscaped());
    QString trading = tr("Trading: %1").arg(Labels::tradingState(s.tradingState));
    if (s.tradingState == engine::TradingState::Halted && !s.haltReason.isEmpty())
        trading += QStringLiteral(" (") + s.haltReason + u')';
    m_trading->setText(dot(tradingColor(s.tradingState)) + trading.toHtmlEscaped());
    m_trading->setToolTip(s.haltReason);
    // Language-independent values for automated GUI tests ("RUNNING", "HALTED").
    m_engine->setProperty("engineState", engine::toString(s.engineState));
    m_trading->setProperty("tradingState", engine::toString(s.tradingState));
    m_market->setProperty("connected", s.marketConnected);
    m_clock->setText(tr("Clock: %1").arg(format::dateTime(s.clockMs)));
    m_equity->setText(tr("Equity: %1").arg(format::money(s.equity)));
    bool healthProblem = false;
    const QString health = Labels::venueHealth(s.health, &healthProblem);
    m_health->setVisible(!health.isEmpty());
    m_health->setText(dot(healthProblem ? Theme::warning() : Theme::positive()) + health.toHtmlEscaped());
    m_store->setVisible(!s.storeHealthy);
    m_store->setText(QStringLiteral("<span style=\"color:%1\">%2</span>")
                         .arg(Theme::negative().name(), tr("Journal unavailable").toHtmlEscaped()));
}

} // namespace ui
