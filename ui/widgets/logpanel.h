#pragma once

#include "engine/api/botapi.h"

#include <QDockWidget>

#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace ui {

class BotModel;

class LogFilterProxy;
class LogModel;

//! Dockable engine log: recent lines plus live LogEntry events, risk denials as
//! warnings, a minimum-level filter.
class LogPanel final : public QDockWidget {
    Q_OBJECT
public:
    explicit LogPanel(BotModel &model, QWidget *parent = nullptr);
    ~LogPanel() override;

    [[nodiscard]] LogModel *model() const { return m_model; }
    [[nodiscard]] QTableView *table() const { return m_table; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void showDenial(const engine::RiskDenial &denial);
    void retranslateUi();

    engine::BotApi &m_api;
    LogModel *m_model;
    LogFilterProxy *m_proxy;
    QLabel *m_levelLabel;
    QComboBox *m_level;
    QPushButton *m_clear;
    QTableView *m_table;
};

} // namespace ui
