#include "ui/widgets/enginecontrolbox.h"

#include "ui/labels.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

EngineControlBox::EngineControlBox(engine::BotApi &api, QWidget *parent)
    : QGroupBox(parent)
    , m_api(api)
    , m_state(new QLabel(this))
    , m_halt(new QLabel(this))
    , m_start(new QPushButton(this))
    , m_stop(new QPushButton(this))
    , m_flatten(new QPushButton(this))
    , m_resume(new QPushButton(this))
{
    setObjectName(QStringLiteral("engineControlBox"));
    m_state->setObjectName(QStringLiteral("controlStateLabel"));
    m_halt->setObjectName(QStringLiteral("haltReasonLabel"));
    m_halt->setProperty("role", QStringLiteral("error"));
    m_halt->setWordWrap(true);
    m_start->setObjectName(QStringLiteral("startButton"));
    m_stop->setObjectName(QStringLiteral("stopButton"));
    m_flatten->setObjectName(QStringLiteral("flattenButton"));
    m_resume->setObjectName(QStringLiteral("resumeButton"));

    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_start, m_stop, m_flatten, m_resume})
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_state);
    layout->addWidget(m_halt);
    layout->addLayout(buttons);

    connect(m_start, &QPushButton::clicked, this, [this] { m_api.start(); });
    connect(m_stop, &QPushButton::clicked, this, [this] { m_api.stop(); });
    connect(m_flatten, &QPushButton::clicked, this, &EngineControlBox::confirmFlatten);
    connect(m_resume, &QPushButton::clicked, this, [this] { m_api.resumeTrading(); });
    m_status = m_api.status();
    retranslateUi();
}

void EngineControlBox::setStatus(const engine::BotStatus &status)
{
    m_status = status;
    render();
}

void EngineControlBox::confirmFlatten()
{
    QMessageBox box(QMessageBox::Warning, tr("Flatten and stop"),
                    tr("Sell every open position at market and stop trading?"), QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("flattenConfirmBox"));
    box.setInformativeText(tr("%n open position(s) will be sold at the current market price.", nullptr,
                              m_status.openPositions));
    QPushButton *yes = box.addButton(tr("Flatten and stop"), QMessageBox::AcceptRole);
    yes->setObjectName(QStringLiteral("flattenConfirmYes"));
    QPushButton *no = box.addButton(tr("Cancel"), QMessageBox::RejectRole);
    box.setDefaultButton(no);
    box.exec();
    if (box.clickedButton() == yes)
        m_api.flattenAndStop();
}

void EngineControlBox::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QGroupBox::changeEvent(event);
}

void EngineControlBox::retranslateUi()
{
    setTitle(tr("Engine"));
    m_start->setText(tr("Start"));
    m_start->setToolTip(tr("Reconcile with the venue, then let the strategy trade"));
    m_stop->setText(tr("Stop"));
    m_stop->setToolTip(tr("Stop the strategy and cancel working orders; positions stay open"));
    m_flatten->setText(tr("Flatten && Stop"));
    m_flatten->setToolTip(tr("Sell every open position at market, then stop (kill switch)"));
    m_resume->setText(tr("Resume trading"));
    m_resume->setToolTip(tr("Clear the halt after you have looked at its reason"));
    render();
}

void EngineControlBox::render()
{
    using E = engine::EngineState;
    const engine::BotStatus &s = m_status;
    m_state->setText(tr("Engine: %1 · Trading: %2 · Mode: %3 · Open positions: %4")
                         .arg(Labels::engineState(s.engineState), Labels::tradingState(s.tradingState),
                              Labels::tradingMode(s.mode))
                         .arg(s.openPositions));
    const bool halted = s.tradingState == engine::TradingState::Halted;
    m_halt->setVisible(halted);
    m_halt->setText(halted ? tr("Trading halted: %1").arg(s.haltReason.isEmpty() ? tr("no reason given")
                                                                                  : s.haltReason)
                           : QString());
    const bool running = s.engineState == E::Running || s.engineState == E::Starting || s.engineState == E::Reconciling;
    m_start->setEnabled(s.engineState == E::Stopped);
    m_stop->setEnabled(running);
    m_flatten->setEnabled(s.engineState != E::Stopping && (running || s.openPositions > 0));
    m_resume->setEnabled(halted);
}

} // namespace ui
