#pragma once

#include "engine/api/botapi.h"

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace ui {

class BotModel;

class PriceChart;
class SignalsModel;

//! Live signals with their inputs; selecting one shows its token's candles with the signal marked.
class SignalMonitorView final : public QWidget {
    Q_OBJECT
public:
    explicit SignalMonitorView(BotModel &model, QWidget *parent = nullptr);
    ~SignalMonitorView() override;

    //! Updates the chart when new candles of the selected token have closed.
    void refresh();
    [[nodiscard]] SignalsModel *model() const { return m_model; }
    [[nodiscard]] PriceChart *chart() const { return m_chart; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void showSelected();
    void updateCount();

    engine::BotApi &m_api;
    SignalsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QLabel *m_count;
    QTableView *m_table;
    PriceChart *m_chart;
    QLabel *m_details;
};

} // namespace ui
