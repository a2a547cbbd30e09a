#pragma once

#include "engine/api/botapi.h"

#include <QGroupBox>
#include <QTimer>

#include <functional>

class QButtonGroup;
class QComboBox;
class QLabel;
class QPushButton;

namespace ui {

class DecimalField;

//! The manual order ticket: symbol, side, type, quantity (or, for a market order, an amount in
//! the quote currency), limit price and time in force. As the trader types, the engine previews
//! the order at the current book: the rounded values that will be sent, the rules that apply, the
//! estimated fee, and what is wrong. Placing it goes through the risk gate like any order; a live
//! (real money) order asks for confirmation first.
class OrderTicket final : public QGroupBox {
    Q_OBJECT
public:
    explicit OrderTicket(engine::BotApi &api, QWidget *parent = nullptr);

    //! Asks the trader to confirm a live order; returns true to send. Replaceable for tests.
    void setConfirmer(std::function<bool(const QString &question)> confirm) { m_confirm = std::move(confirm); }
    //! Refreshes the symbol list and, for market orders, the preview (prices move).
    void refresh();
    //! The order as entered (for tests and the preview).
    [[nodiscard]] engine::ManualOrder order() const;
    [[nodiscard]] const engine::OrderPreview &lastPreview() const { return m_last; }
    //! What became of an order placed here (a refusal by the venue is said in plain words).
    void orderChanged(const engine::Order &order);

Q_SIGNALS:
    //! An order was accepted by the engine (its client id).
    void placed(const QString &clientId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateEnabled();
    void requestPreview();
    void showPreview(const engine::OrderPreview &preview);
    void place();
    void showResult(const QString &text, bool error);

    engine::BotApi &m_api;
    QComboBox *m_symbol;
    QButtonGroup *m_sideGroup;
    QPushButton *m_buy;
    QPushButton *m_sell;
    QComboBox *m_type;
    QComboBox *m_tif;
    QComboBox *m_amountMode;
    DecimalField *m_qty;
    DecimalField *m_price;
    QLabel *m_symbolLabel;
    QLabel *m_typeLabel;
    QLabel *m_tifLabel;
    QLabel *m_qtyLabel;
    QLabel *m_priceLabel;
    QLabel *m_previewText;
    QLabel *m_ticker;
    QLabel *m_result;
    QPushButton *m_place;
    QTimer m_debounce;
    engine::OrderPreview m_last;
    quint64 m_previewSeq = 0;
    QString m_lastPlaced;
    std::function<bool(const QString &)> m_confirm;
};

} // namespace ui
