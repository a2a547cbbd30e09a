#pragma once

#include "engine/backtest/bookmodelsettings.h"
#include "engine/core/fill.h"
#include "engine/core/marketdata.h"
#include "engine/core/order.h"
#include "engine/execution/simulatedvenue.h"
#include "engine/ports/clock.h"

#include <QSet>
#include <QStringList>

#include <functional>
#include <memory>

namespace engine {

//! The paper venue's own fill model (SimulatedVenue: the book walk, lot and tick rounding, the
//! minimum notional, market slippage in bps, partial fills and expiry of what the displayed
//! liquidity cannot take) driven by bars: each bar opens as a book around its open price whose
//! depth is a share of the bar's volume, and an order decided on the previous close is sent into
//! it. A bar without volume shows no liquidity, so an order waits (and expires) as it would live.
class BookFillModel {
public:
    BookFillModel(const BookModelSettings &settings, const QString &quoteAsset, Decimal capital, Decimal fee,
                  Decimal slippage, std::function<void(const Fill &)> onFill);

    //! The bar's opening book; then `order` (decided on the symbol's previous close), if any.
    void open(const Candle &bar, const OrderRequest *order);
    //! Why orders were refused or expired, readable (the first few).
    [[nodiscard]] const QStringList &problems() const { return m_problems; }
    [[nodiscard]] int refused() const { return m_refused; }

private:
    [[nodiscard]] BookUpdate bookOf(const Candle &bar) const;
    void onEvent(SimulatedVenue::Event event);

    BookModelSettings m_settings;
    QString m_quote;
    EventClock m_clock;
    std::function<void(const Fill &)> m_onFill;
    std::unique_ptr<SimulatedVenue> m_venue;
    QSet<QString> m_known;
    QStringList m_problems;
    int m_refused = 0;
};

} // namespace engine
