#include "ui/widgets/orderticket.h"

#include "ui/format.h"
#include "ui/labels.h"
#include "ui/theme.h"
#include "ui/widgets/decimalfield.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

namespace {
constexpr int kPreviewDelayMs = 150;
enum AmountMode { ByQuantity, ByQuote };
} // namespace

OrderTicket::OrderTicket(engine::BotApi &api, QWidget *parent)
    : QGroupBox(parent)
    , m_api(api)
    , m_symbol(new QComboBox(this))
    , m_sideGroup(new QButtonGroup(this))
    , m_buy(new QPushButton(this))
    , m_sell(new QPushButton(this))
    , m_type(new QComboBox(this))
    , m_tif(new QComboBox(this))
    , m_amountMode(new QComboBox(this))
    , m_qty(new DecimalField(QStringLiteral("ticketQty"), this))
    , m_price(new DecimalField(QStringLiteral("ticketPrice"), this))
    , m_symbolLabel(new QLabel(this))
    , m_typeLabel(new QLabel(this))
    , m_tifLabel(new QLabel(this))
    , m_qtyLabel(new QLabel(this))
    , m_priceLabel(new QLabel(this))
    , m_previewText(new QLabel(this))
    , m_ticker(new QLabel(this))
    , m_result(new QLabel(this))
    , m_place(new QPushButton(this))
{
    setObjectName(QStringLiteral("orderTicket"));
    m_symbol->setObjectName(QStringLiteral("ticketSymbol"));
    m_buy->setObjectName(QStringLiteral("ticketBuy"));
    m_sell->setObjectName(QStringLiteral("ticketSell"));
    m_type->setObjectName(QStringLiteral("ticketType"));
    m_tif->setObjectName(QStringLiteral("ticketTif"));
    m_amountMode->setObjectName(QStringLiteral("ticketAmountMode"));
    m_previewText->setObjectName(QStringLiteral("ticketPreview"));
    m_ticker->setObjectName(QStringLiteral("ticketTicker"));
    m_ticker->setVisible(false);
    m_ticker->setWordWrap(true); // a long line would widen the form past the fixed-width ticket
    m_result->setObjectName(QStringLiteral("ticketResult"));
    m_place->setObjectName(QStringLiteral("ticketPlace"));
    m_confirm = [this](const QString &question) {
        return QMessageBox::question(this, tr("Live order"), question, QMessageBox::Yes | QMessageBox::Cancel,
                                     QMessageBox::Cancel) == QMessageBox::Yes;
    };

    for (QPushButton *b : {m_buy, m_sell}) {
        b->setCheckable(true);
        m_sideGroup->addButton(b);
    }
    m_buy->setChecked(true);
    m_buy->setStyleSheet(QStringLiteral("QPushButton:checked { background: %1; color: white; }").arg(Theme::positive().name()));
    m_sell->setStyleSheet(QStringLiteral("QPushButton:checked { background: %1; color: white; }").arg(Theme::negative().name()));
    for (engine::OrderType t : {engine::OrderType::Limit, engine::OrderType::Market, engine::OrderType::LimitMaker})
        m_type->addItem(QString(), int(t));
    for (engine::TimeInForce t : {engine::TimeInForce::Gtc, engine::TimeInForce::Ioc, engine::TimeInForce::Fok})
        m_tif->addItem(engine::toString(t), int(t));
    m_amountMode->addItem(QString(), int(ByQuantity));
    m_amountMode->addItem(QString(), int(ByQuote));
    m_qty->setMinimum(engine::Decimal(), true);
    m_qty->setEditWidth(120); // beside the quantity/amount choice in the fixed-width ticket
    m_price->setMinimum(engine::Decimal(), true);
    m_previewText->setWordWrap(true);
    m_previewText->setTextFormat(Qt::RichText);
    m_previewText->setMinimumHeight(90);
    m_previewText->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_result->setWordWrap(true);
    m_place->setEnabled(false);

    auto *sides = new QHBoxLayout;
    sides->setSpacing(0);
    sides->addWidget(m_buy);
    sides->addWidget(m_sell);
    auto *qtyRow = new QHBoxLayout;
    qtyRow->addWidget(m_amountMode);
    qtyRow->addWidget(m_qty, 1);
    auto *form = new QFormLayout;
    form->addRow(m_symbolLabel, m_symbol);
    form->addRow(QString(), m_ticker);
    form->addRow(QString(), sides);
    form->addRow(m_typeLabel, m_type);
    form->addRow(m_tifLabel, m_tif);
    form->addRow(m_qtyLabel, qtyRow);
    form->addRow(m_priceLabel, m_price);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_previewText);
    layout->addWidget(m_place);
    layout->addWidget(m_result);
    layout->addStretch(1);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kPreviewDelayMs);
    connect(&m_debounce, &QTimer::timeout, this, &OrderTicket::requestPreview);
    const auto changed = [this] {
        updateEnabled();
        m_debounce.start();
    };
    connect(m_symbol, &QComboBox::currentIndexChanged, this, changed);
    connect(m_type, &QComboBox::currentIndexChanged, this, changed);
    connect(m_tif, &QComboBox::currentIndexChanged, this, changed);
    connect(m_amountMode, &QComboBox::currentIndexChanged, this, changed);
    connect(m_sideGroup, &QButtonGroup::buttonClicked, this, changed);
    connect(m_qty, &DecimalField::edited, this, changed);
    connect(m_price, &DecimalField::edited, this, changed);
    connect(m_place, &QPushButton::clicked, this, &OrderTicket::place);

    retranslateUi();
    refresh();
    updateEnabled();
}

engine::ManualOrder OrderTicket::order() const
{
    engine::ManualOrder o;
    o.symbol = m_symbol->currentText();
    o.side = m_sell->isChecked() ? engine::Side::Sell : engine::Side::Buy;
    o.type = engine::OrderType(m_type->currentData().toInt());
    o.timeInForce = engine::TimeInForce(m_tif->currentData().toInt());
    const engine::Decimal amount = m_qty->value().value_or(engine::Decimal());
    if (o.type == engine::OrderType::Market && m_amountMode->currentData().toInt() == ByQuote)
        o.quoteQty = amount;
    else
        o.qty = amount;
    if (engine::hasLimitPrice(o.type))
        o.limitPrice = m_price->value().value_or(engine::Decimal());
    return o;
}

void OrderTicket::refresh()
{
    QStringList symbols;
    for (const engine::Instrument &i : m_api.instruments())
        symbols << i.symbol;
    std::sort(symbols.begin(), symbols.end());
    QStringList shown;
    for (int i = 0; i < m_symbol->count(); ++i)
        shown << m_symbol->itemText(i);
    if (symbols != shown) {
        const QString current = m_symbol->currentText();
        const QSignalBlocker block(m_symbol);
        m_symbol->clear();
        m_symbol->addItems(symbols);
        m_symbol->setCurrentIndex(std::max(0, int(symbols.indexOf(current))));
        m_debounce.start();
    }
    // The symbol's 24 hours, when the venue reports them.
    const std::optional<engine::Ticker24h> t = m_api.ticker(m_symbol->currentText());
    m_ticker->setVisible(t.has_value());
    if (t && t->open.isPositive()) {
        try {
            const engine::Decimal change = (t->last - t->open) / t->open * engine::Decimal::fromInt(100);
            m_ticker->setText(tr("24 h: %1 %2 % · range %3 – %4 · traded %5")
                                  .arg(format::price(t->last), (change.isNegative() ? QString() : QStringLiteral("+")) + change.toString(2),
                                       format::price(t->low), format::price(t->high), format::money(t->quoteVolume, 0)));
            m_ticker->setStyleSheet(QStringLiteral("color: %1").arg(Theme::forSign(change.isNegative() ? -1 : 1).name()));
        } catch (const engine::DecimalError &) {
            m_ticker->setVisible(false);
        }
    }
    // A market order's price is the book's: keep its preview current.
    if (order().type == engine::OrderType::Market && !m_debounce.isActive())
        requestPreview();
}

void OrderTicket::updateEnabled()
{
    const auto type = engine::OrderType(m_type->currentData().toInt());
    m_price->setEnabled(engine::hasLimitPrice(type));
    m_tif->setEnabled(type == engine::OrderType::Limit);
    m_amountMode->setVisible(type == engine::OrderType::Market);
    if (type != engine::OrderType::Market)
        m_amountMode->setCurrentIndex(0);
    m_place->setText(m_sell->isChecked() ? tr("Place sell order") : tr("Place buy order"));
}

void OrderTicket::requestPreview()
{
    const quint64 seq = ++m_previewSeq;
    m_api.previewOrder(order(), this, [this, seq](const engine::OrderPreview &p) {
        if (seq == m_previewSeq) // an older answer must not overwrite a newer one
            showPreview(p);
    });
}

void OrderTicket::showPreview(const engine::OrderPreview &p)
{
    m_last = p;
    const bool entered = m_qty->value().has_value() && m_qty->value()->isPositive();
    m_place->setEnabled(p.ok() && entered);
    if (!entered) {
        m_previewText->setText(tr("Enter a quantity to see the order as it will be sent."));
        return;
    }
    QString html;
    if (p.request.byQuote() && p.estimatedQty.isPositive()) {
        html += tr("<b>%1 %2 for %3 %4</b>, about %5 at %6 (market)")
                    .arg(Labels::side(p.request.side), p.request.symbol.toHtmlEscaped(), format::amount(p.request.quoteQty),
                         p.quoteAsset, format::qty(p.estimatedQty), format::price(p.price));
        html += QStringLiteral("<br>") + tr("The exchange sets the quantity from its book · fee ≈ %1 %2")
                                             .arg(format::amount(p.estimatedFee), p.quoteAsset);
    } else if (p.request.qty.isPositive()) {
        html += tr("<b>%1 %2 %3</b> at %4")
                    .arg(Labels::side(p.request.side), format::qty(p.request.qty), p.request.symbol.toHtmlEscaped(),
                         p.request.type == engine::OrderType::Market ? tr("about %1 (market)").arg(format::price(p.price))
                                                                     : format::price(p.price));
        html += QStringLiteral("<br>") + tr("Value ≈ %1 %3 · fee ≈ %2 %3")
                                             .arg(format::amount(p.notional), format::amount(p.estimatedFee), p.quoteAsset);
    }
    if (!p.rules.isEmpty())
        html += QStringLiteral("<br><span style='color:%1'>").arg(Theme::muted().name()) + tr("Rules: %1").arg(p.rules.join(QStringLiteral(", ")).toHtmlEscaped())
                + QStringLiteral("</span>");
    for (const engine::OrderPreview::Issue &issue : p.issues)
        html += QStringLiteral("<br><span style='color:%1'>⚠ %2</span>")
                    .arg(Theme::negative().name(), Labels::orderIssue(issue.code, issue.values).toHtmlEscaped());
    m_previewText->setText(html);
}

void OrderTicket::place()
{
    const engine::ManualOrder o = order();
    const engine::OrderPreview &p = m_last;
    if (!p.ok())
        return;
    if (m_api.status().mode == engine::TradingMode::Live) {
        const QString question =
            p.request.byQuote()
                ? tr("Send this order to the exchange with real money?\n\n%1 %2 for %3 %4 at market (about %5 at %6)")
                      .arg(Labels::side(p.request.side), p.request.symbol, format::amount(p.request.quoteQty), p.quoteAsset,
                           format::qty(p.estimatedQty), format::price(p.price))
                : tr("Send this order to the exchange with real money?\n\n%1 %2 %3 at %4 (≈ %5 %6)")
                      .arg(Labels::side(p.request.side), format::qty(p.request.qty), p.request.symbol,
                           format::price(p.price), format::amount(p.notional), p.quoteAsset);
        if (!m_confirm(question)) {
            showResult(tr("Not sent."), false);
            return;
        }
    }
    m_place->setEnabled(false);
    m_api.placeOrder(o, this, [this](const engine::Result<QString> &r) {
        m_place->setEnabled(m_last.ok());
        if (!r) {
            showResult(tr("Not placed: %1").arg(r.error().message), true);
            return;
        }
        m_lastPlaced = r.value();
        showResult(tr("Order %1 placed.").arg(r.value()), false);
        Q_EMIT placed(r.value());
    });
}

void OrderTicket::orderChanged(const engine::Order &order)
{
    if (order.clientId != m_lastPlaced)
        return;
    if (order.status == engine::OrderStatus::Rejected)
        showResult(tr("Order %1 was refused: %2").arg(order.clientId, Labels::venueRejection(order.reason)), true);
    else if (order.status == engine::OrderStatus::Filled)
        showResult(tr("Order %1 filled.").arg(order.clientId), false);
}

void OrderTicket::showResult(const QString &text, bool error)
{
    m_result->setText(text);
    m_result->setStyleSheet(error ? QStringLiteral("color: %1").arg(Theme::negative().name()) : QString());
}

void OrderTicket::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QGroupBox::changeEvent(event);
}

void OrderTicket::retranslateUi()
{
    setTitle(tr("Order ticket"));
    m_symbolLabel->setText(tr("Symbol"));
    m_buy->setText(tr("Buy"));
    m_sell->setText(tr("Sell"));
    m_typeLabel->setText(tr("Type"));
    for (int i = 0; i < m_type->count(); ++i)
        m_type->setItemText(i, Labels::orderType(engine::OrderType(m_type->itemData(i).toInt())));
    m_tifLabel->setText(tr("Time in force"));
    m_tif->setToolTip(tr("GTC: works until cancelled · IOC: what fills at once, the rest is cancelled · "
                         "FOK: all at once or nothing"));
    m_amountMode->setItemText(ByQuantity, tr("Quantity"));
    m_amountMode->setItemText(ByQuote, tr("Amount (quote)"));
    m_qtyLabel->setText(tr("Amount"));
    m_priceLabel->setText(tr("Limit price"));
    updateEnabled();
}

} // namespace ui
