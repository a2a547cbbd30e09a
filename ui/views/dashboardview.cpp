#include "ui/views/dashboardview.h"

#include "ui/widgets/welcomepanel.h"

#include "ui/botmodel.h"

#include "ui/format.h"
#include "ui/labels.h"
#include "ui/models/fillsmodel.h"
#include "ui/models/positionsmodel.h"
#include "ui/tableviews.h"
#include "ui/theme.h"
#include "ui/widgets/equitychart.h"
#include "ui/widgets/statcard.h"

#include <QEvent>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <limits>

namespace ui {

namespace {

int sign(const engine::Decimal &d)
{
    return d.isPositive() ? 1 : d.isNegative() ? -1 : 0;
}

QWidget *titled(QLabel *title, QTableView *table, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    title->setProperty("role", QStringLiteral("cardTitle"));
    layout->addWidget(title);
    layout->addWidget(table);
    return box;
}

} // namespace

DashboardView::DashboardView(BotModel &model, QWidget *parent)
    : QWidget(parent)
    , m_api(model.api())
    , m_welcome(new WelcomePanel(model.api(), this))
    , m_equity(new StatCard(QStringLiteral("equity"), this))
    , m_cash(new StatCard(QStringLiteral("cash"), this))
    , m_pnlToday(new StatCard(QStringLiteral("pnlToday"), this))
    , m_pnlTotal(new StatCard(QStringLiteral("pnlTotal"), this))
    , m_realized(new StatCard(QStringLiteral("realizedPnl"), this))
    , m_unrealized(new StatCard(QStringLiteral("unrealizedPnl"), this))
    , m_fees(new StatCard(QStringLiteral("fees"), this))
    , m_state(new StatCard(QStringLiteral("dashboardState"), this))
    , m_chart(new EquityChart(this))
    , m_positions(new PositionsModel(this))
    , m_fills(new FillsModel(200, this))
    , m_positionsTitle(new QLabel(this))
    , m_fillsTitle(new QLabel(this))
    , m_health(new QLabel(this))
    , m_positionsTable(new QTableView(this))
    , m_fillsTable(new QTableView(this))
{
    setObjectName(QStringLiteral("dashboardView"));
    auto *cards = new QGridLayout;
    cards->setSpacing(8);
    const QList<StatCard *> all{m_equity, m_cash, m_pnlToday, m_pnlTotal, m_realized, m_unrealized, m_fees, m_state};
    for (int i = 0; i < all.size(); ++i)
        cards->addWidget(all.at(i), i / 4, i % 4);

    m_positionsTable->setObjectName(QStringLiteral("positionsTable"));
    m_positionsTable->setModel(m_positions);
    tableviews::setupCompact(m_positionsTable);
    m_positionsTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_fillsTable->setObjectName(QStringLiteral("recentFillsTable"));
    m_fillsTable->setModel(m_fills);
    tableviews::setupCompact(m_fillsTable);
    m_fillsTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // A ResizeToContents header does not always re-measure when rows arrive; make it.
    for (QTableView *table : {m_positionsTable, m_fillsTable}) {
        auto remeasure = [table] { table->horizontalHeader()->resizeSections(QHeaderView::ResizeToContents); };
        connect(table->model(), &QAbstractItemModel::rowsInserted, table, remeasure);
        connect(table->model(), &QAbstractItemModel::modelReset, table, remeasure);
        connect(table->model(), &QAbstractItemModel::dataChanged, table, remeasure);
    }

    auto *tables = new QSplitter(Qt::Horizontal, this);
    tables->addWidget(titled(m_positionsTitle, m_positionsTable, tables));
    tables->addWidget(titled(m_fillsTitle, m_fillsTable, tables));
    tables->setChildrenCollapsible(false);
    tables->setStretchFactor(0, 5);
    tables->setStretchFactor(1, 4);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_chart);
    split->addWidget(tables);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 10);
    layout->addWidget(m_welcome);
    layout->addLayout(cards);
    m_health->setObjectName(QStringLiteral("venueHealthLabel"));
    m_health->setVisible(false);
    layout->addWidget(m_health);
    layout->addWidget(split, 1);

    connect(&model, &BotModel::equityAdded, this, [this](const engine::EquityPoint &p) { m_chart->addPoint(p); });
    connect(&model, &BotModel::fillAdded, this, [this](const engine::Fill &f) { m_fills->addFill(f); });
    connect(&model, &BotModel::statusChanged, this, &DashboardView::showStatus);
    m_chart->setHistory(m_api.equityHistory());
    m_fills->setFills(m_api.recentFills(200));
    retranslateUi();
    refresh();
}

DashboardView::~DashboardView() = default;

void DashboardView::refresh()
{
    showStatus(m_api.status());
    m_positions->setPositions(m_api.positions());
}


void DashboardView::showStatus(const engine::BotStatus &s)
{
    m_status = s;
    m_equity->setValue(format::money(s.equity));
    m_cash->setValue(format::money(s.cash));
    m_pnlToday->setValue(format::signedMoney(s.pnlToday), Theme::forSign(sign(s.pnlToday)));
    engine::Decimal total;
    try {
        total = s.equity - s.startingEquity;
    } catch (const engine::DecimalError &) {
    }
    m_pnlTotal->setValue(format::signedMoney(total), Theme::forSign(sign(total)));
    if (s.startingEquity.isPositive()) {
        try {
            m_pnlTotal->setDetail(tr("%1 % since start")
                                      .arg((total / s.startingEquity * engine::Decimal::fromInt(100)).toString(2)));
        } catch (const engine::DecimalError &) {
            m_pnlTotal->setDetail({});
        }
    }
    m_realized->setValue(format::signedMoney(s.realizedPnl), Theme::forSign(sign(s.realizedPnl)));
    m_unrealized->setValue(format::signedMoney(s.unrealizedPnl), Theme::forSign(sign(s.unrealizedPnl)));
    bool healthProblem = false;
    const QString health = Labels::venueHealth(s.health, &healthProblem);
    m_health->setVisible(!health.isEmpty());
    m_health->setText(tr("Connection: %1").arg(health));
    m_health->setStyleSheet(QStringLiteral("color: %1").arg((healthProblem ? Theme::warning() : Theme::muted()).name()));
    m_fees->setValue(format::money(s.fees));
    m_fees->setDetail(tr("%n fill(s)", nullptr, int(std::min<qint64>(s.fillCount, std::numeric_limits<int>::max()))));
    const QColor stateColor = s.tradingState == engine::TradingState::Halted     ? Theme::negative()
                              : s.tradingState == engine::TradingState::Reducing ? Theme::warning()
                              : s.engineState == engine::EngineState::Running    ? Theme::positive()
                                                                                 : Theme::text();
    m_state->setValue(Labels::engineState(s.engineState) + QStringLiteral(" · ") + Labels::tradingState(s.tradingState),
                      stateColor);
    m_state->setDetail(s.tradingState == engine::TradingState::Halted
                           ? tr("Halted: %1").arg(s.haltReason)
                           : tr("%1, %n open position(s)", nullptr, s.openPositions).arg(Labels::tradingMode(s.mode)));
}

void DashboardView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void DashboardView::retranslateUi()
{
    m_equity->setTitle(tr("Equity"));
    m_cash->setTitle(tr("Cash"));
    m_pnlToday->setTitle(tr("PnL today"));
    m_pnlTotal->setTitle(tr("PnL total"));
    m_realized->setTitle(tr("Realized PnL"));
    m_unrealized->setTitle(tr("Unrealized PnL"));
    m_fees->setTitle(tr("Fees paid"));
    m_state->setTitle(tr("Engine / trading"));
    m_positionsTitle->setText(tr("OPEN POSITIONS"));
    m_fillsTitle->setText(tr("RECENT FILLS"));
    m_chart->retranslateUi();
    m_positions->retranslate();
    m_fills->retranslate();
    showStatus(m_status);
}

} // namespace ui
