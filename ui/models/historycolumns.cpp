#include "ui/models/historycolumns.h"

#include "ui/format.h"
#include "ui/labels.h"

namespace ui {

namespace {

enum FillColumn { FTime, FSymbol, FSide, FPrice, FQty, FNotional, FFee, FFeeAsset, FLiquidity, FFillId, FClientId,
                  FillColumnCount };
enum OrderColumn { OCreated, OSymbol, OSide, OType, OStatus, OQty, OFilled, OLimit, OAvg, OFees, OStrategy, OReason,
                   OClientId, OVenueId, OUpdated, OMode, OrderColumnCount };

QString exactProduct(const engine::Decimal &a, const engine::Decimal &b)
{
    try {
        return (a * b).toString();
    } catch (const engine::DecimalError &) {
        return {};
    }
}

static_assert(int(FSide) == HistoryColumns::kSideColumn && int(OSide) == HistoryColumns::kSideColumn);
static_assert(int(OReason) == HistoryColumns::kOrderReasonColumn);

} // namespace

int HistoryColumns::count(Kind kind)
{
    return kind == Kind::Fills ? int(FillColumnCount) : int(OrderColumnCount);
}

QString HistoryColumns::title(Kind kind, int column)
{
    if (kind == Kind::Fills) {
        switch (column) {
        case FTime: return tr("Time");
        case FSymbol: return tr("Symbol");
        case FSide: return tr("Side");
        case FPrice: return tr("Price");
        case FQty: return tr("Quantity");
        case FNotional: return tr("Notional");
        case FFee: return tr("Fee");
        case FFeeAsset: return tr("Fee asset");
        case FLiquidity: return tr("Liquidity");
        case FFillId: return tr("Fill ID");
        case FClientId: return tr("Order ID");
        }
        return {};
    }
    switch (column) {
    case OCreated: return tr("Created");
    case OSymbol: return tr("Symbol");
    case OSide: return tr("Side");
    case OType: return tr("Type");
    case OStatus: return tr("Status");
    case OQty: return tr("Quantity");
    case OFilled: return tr("Filled");
    case OLimit: return tr("Limit price");
    case OAvg: return tr("Avg price");
    case OFees: return tr("Fees");
    case OStrategy: return tr("Strategy");
    case OReason: return tr("Reason");
    case OClientId: return tr("Order ID");
    case OVenueId: return tr("Venue ID");
    case OUpdated: return tr("Updated");
    case OMode: return tr("Mode");
    }
    return {};
}

bool HistoryColumns::isNumeric(Kind kind, int column)
{
    if (kind == Kind::Fills)
        return column >= FPrice && column <= FFee;
    return column >= OQty && column <= OFees;
}

int HistoryColumns::width(Kind kind, int column)
{
    if (kind == Kind::Fills) {
        switch (column) {
        case FTime: return 150;
        case FSide: return 60;
        case FFeeAsset: case FLiquidity: return 90;
        case FPrice: return 140;
        case FFillId: return 170;
        case FClientId: return 210;
        default: return 110;
        }
    }
    switch (column) {
    case OCreated: case OUpdated: return 150;
    case OSide: case OType: return 60;
    case OStatus: return 110;
    case OReason: return 260;
    case OStrategy: return 130;
    case OClientId: case OVenueId: return 200;
    case OLimit: case OAvg: return 140;
    default: return 105;
    }
}

QString HistoryColumns::display(const engine::Fill &f, int column)
{
    switch (column) {
    case FTime: return format::dateTime(f.tsMs);
    case FSymbol: return f.symbol;
    case FSide: return Labels::side(f.side);
    case FPrice: return format::price(f.price);
    case FQty: return format::qty(f.qty);
    case FNotional: return format::notional(f.price, f.qty);
    case FFee: return format::amount(f.fee);
    case FFeeAsset: return f.feeAsset;
    case FLiquidity: return f.isMaker ? tr("maker") : tr("taker");
    case FFillId: return f.fillId;
    case FClientId: return f.clientId;
    }
    return {};
}

QString HistoryColumns::display(const engine::Order &o, int column)
{
    switch (column) {
    case OCreated: return format::dateTime(o.createdMs);
    case OSymbol: return o.symbol;
    case OSide: return Labels::side(o.side);
    case OType: return Labels::orderType(o.type);
    case OStatus: return Labels::orderStatus(o.status);
    case OQty: return Labels::orderSize(o.qty, o.quoteQty);
    case OFilled: return format::qty(o.filledQty);
    case OLimit: return engine::hasLimitPrice(o.type) ? format::price(o.limitPrice) : QString();
    case OAvg: return o.filledQty.isZero() ? QString() : format::price(o.avgPrice);
    case OFees: return format::amount(o.fees);
    case OStrategy: return o.strategy;
    case OReason: return o.reason;
    case OClientId: return o.clientId;
    case OVenueId: return o.venueOrderId;
    case OUpdated: return format::dateTime(o.updatedMs);
    case OMode: return Labels::tradingMode(o.mode);
    }
    return {};
}

QStringList HistoryColumns::csvHeader(Kind kind)
{
    if (kind == Kind::Fills)
        return {QStringLiteral("time"), QStringLiteral("symbol"), QStringLiteral("side"), QStringLiteral("price"),
                QStringLiteral("qty"), QStringLiteral("notional"), QStringLiteral("fee"), QStringLiteral("fee_asset"),
                QStringLiteral("liquidity"), QStringLiteral("fill_id"), QStringLiteral("client_order_id")};
    return {QStringLiteral("created"), QStringLiteral("symbol"), QStringLiteral("side"), QStringLiteral("type"),
            QStringLiteral("status"), QStringLiteral("qty"), QStringLiteral("filled_qty"),
            QStringLiteral("limit_price"), QStringLiteral("avg_price"), QStringLiteral("fees"),
            QStringLiteral("strategy"), QStringLiteral("reason"), QStringLiteral("client_order_id"),
            QStringLiteral("venue_order_id"), QStringLiteral("updated"), QStringLiteral("mode")};
}

QStringList HistoryColumns::csvFields(const engine::Fill &f)
{
    return {format::isoUtc(f.tsMs), f.symbol, engine::toString(f.side), f.price.toString(), f.qty.toString(),
            exactProduct(f.price, f.qty), f.fee.toString(), f.feeAsset,
            f.isMaker ? QStringLiteral("maker") : QStringLiteral("taker"), f.fillId, f.clientId};
}

QStringList HistoryColumns::csvFields(const engine::Order &o)
{
    return {format::isoUtc(o.createdMs), o.symbol, engine::toString(o.side), engine::toString(o.type),
            engine::toString(o.status), o.qty.toString(), o.filledQty.toString(),
            engine::hasLimitPrice(o.type) ? o.limitPrice.toString() : QString(),
            o.filledQty.isZero() ? QString() : o.avgPrice.toString(), o.fees.toString(), o.strategy, o.reason,
            o.clientId, o.venueOrderId, format::isoUtc(o.updatedMs), engine::toString(o.mode)};
}

} // namespace ui
