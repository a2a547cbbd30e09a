#pragma once

#include "engine/api/botapi.h"

#include <QWidget>

#include <memory>

class QLabel;
class QTableView;

namespace ui {

class BotModel;

class EquityChart;
class FillsModel;
class PositionsModel;
class StatCard;

//! Equity and drawdown, PnL figures, engine state, open positions and recent fills.
class WelcomePanel;

class DashboardView final : public QWidget {
    Q_OBJECT
public:
    explicit DashboardView(BotModel &model, QWidget *parent = nullptr);
    ~DashboardView() override;

    //! Pulls the latest status and positions (called by the window's refresh timer).
    void refresh();
    //! The first-launch welcome at the top (Help → Show welcome reopens it).
    [[nodiscard]] WelcomePanel *welcome() const { return m_welcome; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void showStatus(const engine::BotStatus &status);

    engine::BotApi &m_api;
    engine::BotStatus m_status;
    WelcomePanel *m_welcome;
    StatCard *m_equity;
    StatCard *m_cash;
    StatCard *m_pnlToday;
    StatCard *m_pnlTotal;
    StatCard *m_realized;
    StatCard *m_unrealized;
    StatCard *m_fees;
    StatCard *m_state;
    EquityChart *m_chart;
    PositionsModel *m_positions;
    FillsModel *m_fills;
    QLabel *m_positionsTitle;
    QLabel *m_fillsTitle;
    QLabel *m_health;
    QTableView *m_positionsTable;
    QTableView *m_fillsTable;
};

} // namespace ui
