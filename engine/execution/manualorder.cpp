#include "engine/execution/manualorder.h"

namespace engine {

namespace {

void checkMinNotional(const Instrument &instrument, OrderPreview &p)
{
    if (!instrument.minNotional.isPositive())
        return;
    p.rules << QStringLiteral("min notional %1 %2").arg(instrument.minNotional.toString(), p.quoteAsset);
    if (p.notional < instrument.minNotional)
        p.fail("BELOW_MIN_NOTIONAL",
               QStringLiteral("order value %1 %3 is below the minimum %2 %3")
                   .arg(p.notional.toString(), instrument.minNotional.toString(), p.quoteAsset),
               {p.notional.toString(), instrument.minNotional.toString(), p.quoteAsset});
}

// A MARKET order by amount goes to the venue as the amount (Binance `quoteOrderQty`): the venue
// turns it into a quantity against its own book, so nothing here depends on a price that moves.
// The quantity shown is the estimate at the best price now, rounded down to the step.
void sizeByQuote(const ManualOrder &order, const Instrument &instrument, Decimal takerFeeRate, OrderPreview &p)
{
    p.request.quoteQty = order.quoteQty;
    p.notional = order.quoteQty;
    p.estimatedQty = order.quoteQty / p.price;
    if (instrument.stepSize.isPositive())
        p.estimatedQty = p.estimatedQty.quantized(instrument.stepSize, Rounding::Down);
    p.estimatedFee = p.notional * takerFeeRate;
    p.rules << QStringLiteral("sized by amount %1 %2").arg(order.quoteQty.toString(), p.quoteAsset);
    if (!p.estimatedQty.isPositive()) {
        p.fail("QTY_ROUNDS_TO_ZERO",
               QStringLiteral("%1 %2 buys less than one lot (step %3) at %4")
                   .arg(order.quoteQty.toString(), p.quoteAsset, instrument.stepSize.toString(), p.price.toString()),
               {instrument.stepSize.toString()});
        return;
    }
    checkMinNotional(instrument, p);
}

} // namespace

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
        if (market && !order.qty.isPositive() && order.quoteQty.isPositive()) {
            sizeByQuote(order, *instrument, takerFeeRate, p);
            return p;
        }
        Decimal qty = order.qty;
        if (instrument->stepSize.isPositive()) {
            qty = qty.quantized(instrument->stepSize, Rounding::Down);
            p.rules << QStringLiteral("lot step %1").arg(instrument->stepSize.toString());
        }
        if (!qty.isPositive()) {
            if (order.qty.isPositive())
                p.fail("QTY_ROUNDS_TO_ZERO", QStringLiteral("the quantity rounds to 0 at step %1").arg(instrument->stepSize.toString()),
                       {instrument->stepSize.toString()});
            else
                p.fail("QTY_REQUIRED", QStringLiteral("a quantity (or, for a market order, an amount) above 0 is needed"));
            return p;
        }
        r.qty = qty;
        p.estimatedQty = qty;
        p.notional = qty * p.price;
        p.estimatedFee = p.notional * takerFeeRate;
        checkMinNotional(*instrument, p);
    } catch (const DecimalError &) {
        p.fail("OUT_OF_RANGE", QStringLiteral("the amounts are out of range"));
    }
    return p;
}

} // namespace engine
