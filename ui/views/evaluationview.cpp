#include "ui/views/evaluationview.h"

#include "ui/botmodel.h"
#include "ui/widgets/distributionchart.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ui {

namespace {

const char *const kWho[] = {"strategy", "random_entries", "buy_and_hold"};
const char *const kFields[] = {"return_pct", "pnl", "sharpe", "max_drawdown_pct", "trades", "win_rate_pct", "exposure_pct"};

QTableWidgetItem *cell(const QString &text, Qt::Alignment align = Qt::AlignRight | Qt::AlignVCenter)
{
    auto *item = new QTableWidgetItem(text);
    item->setTextAlignment(align);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return item;
}

QString estimateText(const QJsonObject &e)
{
    return QStringLiteral("%1  [%2, %3]")
        .arg(e[QStringLiteral("mean")].toDouble(), 0, 'f', 2)
        .arg(e[QStringLiteral("ci95_low")].toDouble(), 0, 'f', 2)
        .arg(e[QStringLiteral("ci95_high")].toDouble(), 0, 'f', 2);
}

QSpinBox *spin(QWidget *parent, const QString &name, int lo, int hi, int value)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(name);
    box->setRange(lo, hi);
    box->setValue(value);
    return box;
}

} // namespace

EvaluationView::EvaluationView(BotModel &model, QWidget *parent)
    : QWidget(parent)
    , m_api(model.api())
    , m_seedsLabel(new QLabel(this))
    , m_firstSeed(spin(this, QStringLiteral("evaluationFirstSeed"), 1, 1'000'000, 1))
    , m_lastSeed(spin(this, QStringLiteral("evaluationLastSeed"), 1, 1'000'000, 10))
    , m_hoursLabel(new QLabel(this))
    , m_hours(spin(this, QStringLiteral("evaluationHours"), 1, 720, 24))
    , m_drawsLabel(new QLabel(this))
    , m_draws(spin(this, QStringLiteral("evaluationDraws"), 0, 200, 20))
    , m_latencyLabel(new QLabel(this))
    , m_latency(spin(this, QStringLiteral("evaluationLatency"), 0, 60'000, 250))
    , m_note(new QLabel(this))
    , m_run(new QPushButton(this))
    , m_cancel(new QPushButton(this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_summary(new QTableWidget(this))
    , m_distribution(new DistributionChart(this))
    , m_regimes(new QTableWidget(this))
{
    setObjectName(QStringLiteral("evaluationView"));
    m_run->setObjectName(QStringLiteral("evaluationRun"));
    m_cancel->setObjectName(QStringLiteral("evaluationCancel"));
    m_progress->setObjectName(QStringLiteral("evaluationProgress"));
    m_status->setObjectName(QStringLiteral("evaluationStatus"));
    m_summary->setObjectName(QStringLiteral("evaluationSummary"));
    m_regimes->setObjectName(QStringLiteral("evaluationRegimes"));
    m_distribution->setObjectName(QStringLiteral("evaluationDistribution"));
    m_latency->setSuffix(QStringLiteral(" ms"));
    m_cancel->setEnabled(false);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_status->setWordWrap(true);
    m_note->setWordWrap(true);
    m_summary->setColumnCount(3);
    m_summary->setRowCount(int(std::size(kFields)));
    m_summary->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_summary->setMinimumHeight(m_summary->horizontalHeader()->sizeHint().height()
                                + int(std::size(kFields)) * m_summary->verticalHeader()->defaultSectionSize() + 6);
    m_regimes->setColumnCount(5);
    m_regimes->verticalHeader()->setVisible(false);
    m_regimes->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);

    auto *seeds = new QHBoxLayout;
    seeds->addWidget(m_firstSeed);
    seeds->addWidget(new QLabel(QStringLiteral("–"), this));
    seeds->addWidget(m_lastSeed);
    auto *form = new QFormLayout;
    form->addRow(m_seedsLabel, seeds);
    form->addRow(m_hoursLabel, m_hours);
    form->addRow(m_drawsLabel, m_draws);
    form->addRow(m_latencyLabel, m_latency);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);
    auto *left = new QVBoxLayout;
    left->addLayout(form);
    left->addWidget(m_note);
    left->addLayout(buttons);
    left->addWidget(m_progress);
    left->addWidget(m_status);
    left->addStretch(1);
    auto *leftPanel = new QWidget(this);
    leftPanel->setLayout(left);
    leftPanel->setMaximumWidth(360);

    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_summary);
    right->addWidget(m_distribution);
    right->addWidget(m_regimes);
    right->setStretchFactor(0, 2);
    right->setStretchFactor(1, 3);
    right->setStretchFactor(2, 2);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(leftPanel);
    layout->addWidget(right, 1);

    connect(m_run, &QPushButton::clicked, this, &EvaluationView::run);
    connect(m_cancel, &QPushButton::clicked, this, [this] { m_api.cancelEvaluation(); });
    connect(m_firstSeed, &QSpinBox::valueChanged, this, [this](int v) { m_lastSeed->setMinimum(v); });
    retranslateUi();
}

void EvaluationView::setSeeds(int first, int last)
{
    m_firstSeed->setValue(first);
    m_lastSeed->setValue(last);
}

void EvaluationView::setHours(int hours) { m_hours->setValue(hours); }
void EvaluationView::setDraws(int draws) { m_draws->setValue(draws); }

void EvaluationView::run()
{
    engine::EvaluationRequest r;
    r.firstSeed = quint64(m_firstSeed->value());
    r.lastSeed = quint64(std::max(m_firstSeed->value(), m_lastSeed->value()));
    r.hours = m_hours->value();
    r.randomDraws = m_draws->value();
    r.latencyMs = m_latency->value();
    r.config = m_api.config(); // the strategy as the Trading Config has it
    m_run->setEnabled(false);
    m_cancel->setEnabled(true);
    m_progress->setValue(0);
    m_status->setText(tr("Running %n seed(s) in simulated time…", nullptr, int(r.lastSeed - r.firstSeed + 1)));
    m_api.runEvaluation(
        r, this, [this](double f) { m_progress->setValue(int(f * 1000)); },
        [this](const engine::Result<QJsonObject> &result) { finished(result); });
}

void EvaluationView::finished(const engine::Result<QJsonObject> &result)
{
    m_run->setEnabled(true);
    m_cancel->setEnabled(false);
    if (!result) {
        m_status->setText(tr("Not evaluated: %1").arg(result.error().message));
        return;
    }
    m_progress->setValue(1000);
    showReport(result.value());
}

void EvaluationView::showReport(const QJsonObject &report)
{
    m_report = report;
    const QJsonObject aggregate = report[QStringLiteral("aggregate")].toObject();
    for (int row = 0; row < int(std::size(kFields)); ++row) {
        for (int col = 0; col < 3; ++col) {
            const QJsonObject e = aggregate[QLatin1String(kWho[col])][QLatin1String(kFields[row])].toObject();
            m_summary->setItem(row, col, cell(estimateText(e)));
        }
    }
    const QJsonObject vsRandom = aggregate[QStringLiteral("return_pct_minus_random")].toObject();
    const QJsonObject vsHold = aggregate[QStringLiteral("return_pct_minus_buy_and_hold")].toObject();
    const int seeds = aggregate[QStringLiteral("seeds")].toInt();
    const QString cancelled = report[QStringLiteral("cancelled")].toBool() ? tr(" (cancelled: the seeds that finished)") : QString();
    m_status->setText(tr("%n seed(s)%1. Return minus random entries: %2 %; minus buy-and-hold: %3 % (mean, 95 % interval).", nullptr, seeds)
                          .arg(cancelled, estimateText(vsRandom), estimateText(vsHold)));

    QList<DistributionChart::Sample> samples{{tr("Strategy"), {}}, {tr("Random entries"), {}}, {tr("Buy-and-hold"), {}}};
    for (const QJsonValue &v : report[QStringLiteral("per_seed")].toArray()) {
        for (int k = 0; k < 3; ++k)
            samples[k].values.push_back(v.toObject()[QLatin1String(kWho[k])][QStringLiteral("return_pct")].toDouble());
    }
    m_distribution->setSamples(samples, QStringLiteral("%"));

    const QJsonObject regimes = report[QStringLiteral("by_regime")].toObject();
    m_regimes->setRowCount(int(regimes.size()));
    int row = 0;
    for (auto it = regimes.constBegin(); it != regimes.constEnd(); ++it, ++row) {
        const QJsonObject r = it.value().toObject();
        m_regimes->setItem(row, 0, cell(it.key(), Qt::AlignLeft | Qt::AlignVCenter));
        m_regimes->setItem(row, 1, cell(QString::number(r[QStringLiteral("strategy_entries")].toInt())));
        m_regimes->setItem(row, 2, cell(QString::number(r[QStringLiteral("strategy_pnl")].toDouble(), 'f', 2)));
        m_regimes->setItem(row, 3, cell(QString::number(r[QStringLiteral("random_entries")].toDouble(), 'f', 1)));
        m_regimes->setItem(row, 4, cell(QString::number(r[QStringLiteral("random_pnl")].toDouble(), 'f', 2)));
    }
}

void EvaluationView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void EvaluationView::retranslateUi()
{
    m_seedsLabel->setText(tr("Seeds"));
    m_hoursLabel->setText(tr("Simulated hours"));
    m_drawsLabel->setText(tr("Random draws"));
    m_latencyLabel->setText(tr("Order latency"));
    m_note->setText(tr("Runs the strategy with the Trading Config's settings on the simulated market, seed by seed, "
                       "next to random entries (as many entries, held as long, with the same protective exits) and buy-and-hold."));
    m_run->setText(tr("Evaluate"));
    m_cancel->setText(tr("Cancel"));
    m_summary->setHorizontalHeaderLabels({tr("Strategy"), tr("Random entries"), tr("Buy-and-hold")});
    m_summary->setVerticalHeaderLabels({tr("Return %"), tr("PnL"), tr("Sharpe"), tr("Max drawdown %"), tr("Trades"),
                                        tr("Win rate %"), tr("Exposure %")});
    m_regimes->setHorizontalHeaderLabels({tr("Regime at entry"), tr("Strategy entries"), tr("Strategy PnL"),
                                          tr("Random entries / draw"), tr("Random PnL / draw")});
    if (!m_report.isEmpty())
        showReport(m_report);
}

} // namespace ui
