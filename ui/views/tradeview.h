#pragma once

#include "engine/api/botapi.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace ui {

class BotModel;
class OpenOrdersModel;
class OrderTicket;

//! Manual trading: the order ticket, the chosen symbol's price, and the working orders with a
//! Cancel button (strategy orders too: a trader may take any order off the book).
class TradeView final : public QWidget {
    Q_OBJECT
public:
    explicit TradeView(BotModel &model, QWidget *parent = nullptr);
    ~TradeView() override;

    void refresh();
    [[nodiscard]] OrderTicket *ticket() const { return m_ticket; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void cancelSelected();
    void updateCancel();

    engine::BotApi &m_api;
    OrderTicket *m_ticket;
    OpenOrdersModel *m_orders;
    QTableView *m_table;
    QLabel *m_ordersTitle;
    QPushButton *m_cancel;
    QLabel *m_cancelResult;
};

} // namespace ui
