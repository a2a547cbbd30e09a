#include "engine/execution/manualorder.h"

namespace engine {

OrderPreview previewManualOrder(const ManualOrder &order, const Instrument *instrument, const BookUpdate &book,
                                Decimal takerFeeRate)
{
    OrderPreview p;
    OrderRequest &r = p.request;
    r.symbol = order.symbol;
    r.side = order.side;
    r.type = order.type;
    r.timeInForce = order.type == OrderType::Limit ? order.timeInForce : TimeInForce::Gtc;
    r.strategy = QStringLiteral("manual");
    r.reason = QStringLiteral("manual order");
    if (!instrument) {
        p.fail("SYMBOL_UNKNOWN", QStringLiteral("%1 is not a symbol of this market").arg(order.symbol.isEmpty() ? QStringLiteral("(none)") : order.symbol),
               {order.symbol});
        return p;
    }
    p.quoteAsset = instrument->quoteAsset;
    const bool buy = order.side == Side::Buy;
    const bool market = order.type == OrderType::Market;
    const Decimal best = buy ? book.bestAsk() : book.bestBid();
    try {
        if (market) {
            if (!best.isPositive()) {
                p.fail("NO_PRICE", QStringLiteral("no price for %1 yet: a market order needs a book").arg(order.symbol), {order.symbol});
                return p;
            }
            p.price = best;
        } else {
            if (!order.limitPrice.isPositive()) {
                p.fail("PRICE_REQUIRED", QStringLiteral("a limit price above 0 is needed"));
                return p;
            }
            p.price = instrument->tickSize.isPositive()
                          ? order.limitPrice.quantized(instrument->tickSize, buy ? Rounding::Down : Rounding::Up)
                          : order.limitPrice;
            if (instrument->tickSize.isPositive())
                p.rules << QStringLiteral("price tick %1").arg(instrument->tickSize.toString());
            if (!p.price.isPositive()) {
                p.fail("PRICE_ROUNDS_TO_ZERO", QStringLiteral("the limit price rounds to 0 at tick %1").arg(instrument->tickSize.toString()),
                       {instrument->tickSize.toString()});
                return p;
            }
            r.limitPrice = p.price;
            if (order.type == OrderType::LimitMaker && best.isPositive() && (buy ? p.price >= best : p.price <= best))
                p.fail("MAKER_WOULD_TAKE",
                       QStringLiteral("a maker-only order at %1 would trade at once against %2; it must rest on the book")
                           .arg(p.price.toString(), best.toString()),
                       {p.price.toString(), best.toString()});
        }
        Decimal qty = order.qty;
        if (market && !qty.isPositive() && order.quoteQty.isPositive()) {
            qty = order.quoteQty / p.price;
            p.rules << QStringLiteral("%1 %2 at %3 converted to a quantity").arg(order.quoteQty.toString(), p.quoteAsset, p.price.toString());
        }
        if (instrument->stepSize.isPositive()) {
            qty = qty.quantized(instrument->stepSize, Rounding::Down);
            p.rules << QStringLiteral("lot step %1").arg(instrument->stepSize.toString());
        }
        if (!qty.isPositive()) {
            if (order.qty.isPositive() || order.quoteQty.isPositive())
                p.fail("QTY_ROUNDS_TO_ZERO", QStringLiteral("the quantity rounds to 0 at step %1").arg(instrument->stepSize.toString()),
                       {instrument->stepSize.toString()});
            else
                p.fail("QTY_REQUIRED", QStringLiteral("a quantity (or, for a market order, an amount) above 0 is needed"));
            return p;
        }
        r.qty = qty;
        p.notional = qty * p.price;
        p.estimatedFee = p.notional * takerFeeRate;
        if (instrument->minNotional.isPositive()) {
            p.rules << QStringLiteral("min notional %1 %2").arg(instrument->minNotional.toString(), p.quoteAsset);
            if (p.notional < instrument->minNotional)
                p.fail("BELOW_MIN_NOTIONAL",
                       QStringLiteral("order value %1 %3 is below the minimum %2 %3")
                           .arg(p.notional.toString(), instrument->minNotional.toString(), p.quoteAsset),
                       {p.notional.toString(), instrument->minNotional.toString(), p.quoteAsset});
        }
    } catch (const DecimalError &) {
        p.fail("OUT_OF_RANGE", QStringLiteral("the amounts are out of range"));
    }
    return p;
}

} // namespace engine
