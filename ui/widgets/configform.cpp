#include "ui/widgets/configform.h"

#include "ui/widgets/decimalfield.h"
#include "ui/labels.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHash>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStyle>
#include <QVBoxLayout>

namespace ui {

namespace {

const engine::Decimal kZero;
const engine::Decimal kHundred = engine::Decimal::fromInt(100);
namespace lim = engine::configlimits;
const engine::Decimal kMaxMoney = engine::Decimal::fromInt(lim::kMaxMoney);

// Money fields are in the quote currency of the market's symbols (USDT for the demo and Binance).
QString quoteAsset(const QList<engine::Instrument> &instruments)
{
    QHash<QString, int> counts;
    for (const auto &i : instruments)
        ++counts[i.quoteAsset];
    QString best = QStringLiteral("USDT");
    int bestCount = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (!it.key().isEmpty() && it.value() > bestCount) {
            best = it.key();
            bestCount = it.value();
        }
    }
    return best;
}

} // namespace

ConfigForm::ConfigForm(engine::BotApi &api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_general(new QGroupBox(this))
    , m_risk(new QGroupBox(this))
    , m_strategy(new QGroupBox(this))
{
    setObjectName(QStringLiteral("configForm"));
    const QString quote = quoteAsset(m_api.instruments());
    for (QGroupBox *box : {m_general, m_risk, m_strategy}) {
        auto *form = new QFormLayout(box);
        form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
        form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
        form->setVerticalSpacing(6);
    }
    m_mode = new QComboBox(m_general);
    m_mode->setObjectName(QStringLiteral("modeCombo"));
    m_mode->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    addRow(m_general, QT_TR_NOOP("Trading mode"), m_mode);
    m_startingCash = addDecimal(m_general, QT_TR_NOOP("Paper starting cash"), QStringLiteral("startingCash"));
    m_startingCash->setMinimum(kZero, true);
    m_startingCash->setMaximum(kMaxMoney);
    m_startingCash->setSuffix(quote);

    m_maxOrderNotional = addDecimal(m_risk, QT_TR_NOOP("Max order notional"), QStringLiteral("maxOrderNotional"));
    m_maxOrderNotional->setMinimum(kZero, true);
    m_maxOrderNotional->setMaximum(kMaxMoney);
    m_maxOrderNotional->setSuffix(quote);
    m_maxOpenPositions = addInt(m_risk, QT_TR_NOOP("Max open positions"), QStringLiteral("maxOpenPositions"),
                                lim::kMinOpenPositions, lim::kMaxOpenPositions);
    m_dailyLossLimit = addDecimal(m_risk, QT_TR_NOOP("Daily loss limit"), QStringLiteral("dailyLossLimit"));
    m_dailyLossLimit->setMinimum(kZero, true);
    m_dailyLossLimit->setMaximum(kMaxMoney);
    m_dailyLossLimit->setSuffix(quote);
    m_stopLoss = addDecimal(m_risk, QT_TR_NOOP("Stop-loss"), QStringLiteral("stopLossPct"));
    m_stopLoss->setPercent(true);
    m_stopLoss->setMinimum(kZero, true);
    m_stopLoss->setMaximum(kHundred);
    m_takeProfit = addDecimal(m_risk, QT_TR_NOOP("Take-profit"), QStringLiteral("takeProfitPct"));
    m_takeProfit->setPercent(true);
    m_takeProfit->setMinimum(kZero, true);
    m_takeProfit->setMaximum(engine::Decimal::fromInt(lim::kMaxTakeProfitFraction) * kHundred);
    m_trailingStop = addDecimal(m_risk, QT_TR_NOOP("Trailing stop (0 = off)"), QStringLiteral("trailingStopPct"));
    m_trailingStop->setPercent(true);
    m_trailingStop->setMinimum(kZero);
    m_trailingStop->setMaximum(kHundred);
    m_maxOrdersPerMinute = addInt(m_risk, QT_TR_NOOP("Max orders per minute"), QStringLiteral("maxOrdersPerMinute"), 1,
                                  lim::kMaxOrdersPerMinute);

    m_orderNotional = addDecimal(m_strategy, QT_TR_NOOP("Order notional"), QStringLiteral("orderNotional"));
    m_orderNotional->setMinimum(kZero, true);
    m_orderNotional->setMaximum(kMaxMoney);
    m_orderNotional->setSuffix(quote);
    m_entryScore = addReal(m_strategy, QT_TR_NOOP("Entry score (buy above)"), QStringLiteral("entryScore"), -1, 1);
    m_exitScore = addReal(m_strategy, QT_TR_NOOP("Exit score (sell below)"), QStringLiteral("exitScore"), -1, 1);
    m_emaFast = addInt(m_strategy, QT_TR_NOOP("Fast EMA (candles)"), QStringLiteral("emaFast"), lim::kMinEma, lim::kMaxEma - 1);
    m_emaSlow = addInt(m_strategy, QT_TR_NOOP("Slow EMA (candles)"), QStringLiteral("emaSlow"), lim::kMinEma + 1, lim::kMaxEma);
    m_rsiPeriod = addInt(m_strategy, QT_TR_NOOP("RSI period (candles)"), QStringLiteral("rsiPeriod"), lim::kMinRsi, lim::kMaxRsi);
    m_socialWindow = addInt(m_strategy, QT_TR_NOOP("Social window (min)"), QStringLiteral("socialWindow"), 1, lim::kMaxSocialMinutes - 1);
    m_socialBaseline = addInt(m_strategy, QT_TR_NOOP("Social baseline (min)"), QStringLiteral("socialBaseline"), 2, lim::kMaxSocialMinutes);
    m_weightMomentum = addReal(m_strategy, QT_TR_NOOP("Weight: momentum"), QStringLiteral("weightMomentum"), 0, 1);
    m_weightVolume = addReal(m_strategy, QT_TR_NOOP("Weight: volume"), QStringLiteral("weightVolume"), 0, 1);
    m_weightSocial = addReal(m_strategy, QT_TR_NOOP("Weight: social"), QStringLiteral("weightSocial"), 0, 1);

    m_apply = new QPushButton(this);
    m_apply->setObjectName(QStringLiteral("applyConfigButton"));
    m_apply->setDefault(true);
    m_revert = new QPushButton(this);
    m_revert->setObjectName(QStringLiteral("revertConfigButton"));
    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("configProblemsLabel"));
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *left = new QVBoxLayout;
    left->addWidget(m_general);
    left->addWidget(m_risk);
    left->addStretch(1);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addWidget(m_strategy, 1, Qt::AlignTop);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_apply);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_problems, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(columns);
    layout->addLayout(buttons);

    connect(m_apply, &QPushButton::clicked, this, &ConfigForm::apply);
    connect(m_revert, &QPushButton::clicked, this, [this] {
        load(m_api.config());
        m_outcome = Outcome::None;
        showProblems({});
    });

    setModes(m_api.availableModes());
    load(m_api.config());
    retranslateUi();
}

void ConfigForm::addRow(QGroupBox *box, const char *label, QWidget *field)
{
    auto *text = new QLabel(box);
    m_labels.append({text, label});
    static_cast<QFormLayout *>(box->layout())->addRow(text, field);
}

DecimalField *ConfigForm::addDecimal(QGroupBox *box, const char *label, const QString &name)
{
    auto *field = new DecimalField(name, box);
    addRow(box, label, field);
    return field;
}

QSpinBox *ConfigForm::addInt(QGroupBox *box, const char *label, const QString &name, int min, int max)
{
    auto *spin = new QSpinBox(box);
    spin->setObjectName(name + QStringLiteral("Spin"));
    spin->setRange(min, max);
    spin->setFixedWidth(150);
    spin->setAlignment(Qt::AlignRight);
    addRow(box, label, spin);
    return spin;
}

QDoubleSpinBox *ConfigForm::addReal(QGroupBox *box, const char *label, const QString &name, double min, double max)
{
    auto *spin = new QDoubleSpinBox(box);
    spin->setObjectName(name + QStringLiteral("Spin"));
    spin->setRange(min, max);
    spin->setDecimals(2);
    spin->setSingleStep(0.05);
    spin->setFixedWidth(150);
    spin->setAlignment(Qt::AlignRight);
    addRow(box, label, spin);
    return spin;
}

void ConfigForm::setModes(const QList<engine::ModeAvailability> &modes)
{
    const QVariant selected = m_mode->currentData();
    m_modes = modes;
    m_mode->clear();
    auto *model = qobject_cast<QStandardItemModel *>(m_mode->model());
    for (const auto &m : modes) {
        m_mode->addItem(Labels::tradingMode(m.mode), int(m.mode));
        const int row = m_mode->count() - 1;
        if (!m.available) {
            if (QStandardItem *item = model ? model->item(row) : nullptr)
                item->setEnabled(false);
            m_mode->setItemData(row, m.reason, Qt::ToolTipRole);
        }
    }
    const int index = m_mode->findData(selected);
    m_mode->setCurrentIndex(index >= 0 ? index : 0);
}

void ConfigForm::load(const engine::BotConfig &c)
{
    const int index = m_mode->findData(int(c.mode));
    if (index >= 0)
        m_mode->setCurrentIndex(index);
    m_startingCash->setValue(c.startingCash);
    m_maxOrderNotional->setValue(c.risk.maxOrderNotional);
    m_maxOpenPositions->setValue(c.risk.maxOpenPositions);
    m_dailyLossLimit->setValue(c.risk.dailyLossLimit);
    m_stopLoss->setValue(c.risk.stopLossPct);
    m_takeProfit->setValue(c.risk.takeProfitPct);
    m_trailingStop->setValue(c.risk.trailingStopPct);
    m_maxOrdersPerMinute->setValue(c.risk.maxOrdersPerMinute);
    m_orderNotional->setValue(c.strategy.orderNotional);
    m_entryScore->setValue(c.strategy.entryScore);
    m_exitScore->setValue(c.strategy.exitScore);
    m_emaFast->setValue(c.strategy.emaFast);
    m_emaSlow->setValue(c.strategy.emaSlow);
    m_rsiPeriod->setValue(c.strategy.rsiPeriod);
    m_socialWindow->setValue(c.strategy.socialWindowMin);
    m_socialBaseline->setValue(c.strategy.socialBaselineMin);
    m_weightMomentum->setValue(c.strategy.weightMomentum);
    m_weightVolume->setValue(c.strategy.weightVolume);
    m_weightSocial->setValue(c.strategy.weightSocial);
}

bool ConfigForm::apply()
{
    bool valid = true;
    for (DecimalField *f : {m_startingCash, m_maxOrderNotional, m_dailyLossLimit, m_stopLoss, m_takeProfit,
                            m_trailingStop, m_orderNotional})
        valid = f->validate() && valid;
    if (!valid) {
        m_outcome = Outcome::FieldErrors;
        showProblems({});
        return false;
    }
    engine::BotConfig c = m_api.config(); // keeps fields this form does not show
    c.mode = engine::TradingMode(m_mode->currentData().toInt());
    c.startingCash = *m_startingCash->value();
    c.risk.maxOrderNotional = *m_maxOrderNotional->value();
    c.risk.maxOpenPositions = m_maxOpenPositions->value();
    c.risk.dailyLossLimit = *m_dailyLossLimit->value();
    c.risk.stopLossPct = *m_stopLoss->value();
    c.risk.takeProfitPct = *m_takeProfit->value();
    c.risk.trailingStopPct = *m_trailingStop->value();
    c.risk.maxOrdersPerMinute = m_maxOrdersPerMinute->value();
    c.strategy.orderNotional = *m_orderNotional->value();
    c.strategy.entryScore = m_entryScore->value();
    c.strategy.exitScore = m_exitScore->value();
    c.strategy.emaFast = m_emaFast->value();
    c.strategy.emaSlow = m_emaSlow->value();
    c.strategy.rsiPeriod = m_rsiPeriod->value();
    c.strategy.socialWindowMin = m_socialWindow->value();
    c.strategy.socialBaselineMin = m_socialBaseline->value();
    c.strategy.weightMomentum = m_weightMomentum->value();
    c.strategy.weightVolume = m_weightVolume->value();
    c.strategy.weightSocial = m_weightSocial->value();
    // Real money is never one click away: switching to live asks first.
    if (c.mode == engine::TradingMode::Live && m_api.config().mode != engine::TradingMode::Live) {
        const auto answer = QMessageBox::warning(
            this, tr("Switch to live trading?"),
            tr("Live mode places real orders with real money on the exchange, within the risk limits "
               "above. The current session stops first; press Start afterwards to reconcile and trade."),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes) {
            m_outcome = Outcome::Rejected;
            showProblems({tr("Live trading was not confirmed.")});
            return false;
        }
    }
    const engine::Result<void> result = m_api.setConfig(c);
    const QStringList problems = result.ok() ? QStringList() : result.error().details.isEmpty()
                                                                  ? QStringList{result.error().message}
                                                                  : result.error().details;
    m_outcome = problems.isEmpty() ? Outcome::Applied : Outcome::Rejected;
    showProblems(problems);
    if (problems.isEmpty())
        Q_EMIT applied();
    return problems.isEmpty();
}

void ConfigForm::showProblems(const QStringList &problems)
{
    m_lastProblems = problems;
    switch (m_outcome) {
    case Outcome::None:
        m_problems->clear();
        break;
    case Outcome::Applied:
        m_problems->setProperty("role", QStringLiteral("muted"));
        m_problems->setText(tr("Configuration applied and saved."));
        break;
    case Outcome::FieldErrors:
        m_problems->setProperty("role", QStringLiteral("error"));
        m_problems->setText(tr("Fix the highlighted fields, then apply again."));
        break;
    case Outcome::Rejected:
        m_problems->setProperty("role", QStringLiteral("error"));
        m_problems->setText(tr("The engine did not apply the configuration:") + QStringLiteral("\n• ")
                            + problems.join(QStringLiteral("\n• ")));
        break;
    }
    m_problems->style()->unpolish(m_problems);
    m_problems->style()->polish(m_problems);
}

QString ConfigForm::problemsText() const
{
    return m_problems->text();
}

void ConfigForm::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ConfigForm::retranslateUi()
{
    m_general->setTitle(tr("General"));
    m_risk->setTitle(tr("Risk limits"));
    m_strategy->setTitle(tr("Strategy: momentum + volume + social"));
    for (const auto &[label, source] : std::as_const(m_labels))
        label->setText(tr(source));
    for (int i = 0; i < m_mode->count() && i < m_modes.size(); ++i)
        m_mode->setItemText(i, Labels::tradingMode(m_modes.at(i).mode));
    m_mode->setToolTip(tr("Live trading needs Binance API keys in the keychain"));
    m_stopLoss->setToolTip(tr("Sell when the price falls this far below the entry"));
    m_takeProfit->setToolTip(tr("Sell when the price rises this far above the entry"));
    m_trailingStop->setToolTip(tr("Sell when the price falls this far below its peak since entry"));
    m_dailyLossLimit->setToolTip(tr("Realized plus unrealized loss today that halts trading"));
    m_entryScore->setToolTip(tr("Buy when the fused signal score is above this (-1 to 1)"));
    m_exitScore->setToolTip(tr("Sell an open position when the score falls below this"));
    m_apply->setText(tr("Apply"));
    m_revert->setText(tr("Revert"));
    showProblems(m_lastProblems);
}

} // namespace ui
