#pragma once

#include <QList>
#include <QString>

#include <utility>

namespace engine {

//! Why the risk gate (or the engine in front of it) refused an order: a stable code that the UI,
//! the REST API and Telegram all carry, the values that decided it, and English text for the log.
//! The desktop translates from the code and fields (ui::Labels::denial), never from the text.
struct Denial {
    enum class Code {
        InvalidQuantity,        // qty
        InvalidLimitPrice,      // limit_price
        NoMarketPrice,          // symbol
        UnknownSymbol,          // symbol
        UnknownOutcomePending,  // symbol
        ReduceOnlyNotSell,      //
        SellExceedsPosition,    // requested, position
        TradingHalted,          // reason
        TradingReducing,        //
        OrderRateExceeded,      // max_per_minute
        NotionalExceedsMax,     // max, requested
        MaxOpenPositions,       // max
        InsufficientCash,       // needed, available
    };

    Code code = Code::InvalidQuantity;
    QList<std::pair<QString, QString>> fields; // in a fixed order per code

    Denial() = default;
    Denial(Code c, QList<std::pair<QString, QString>> f = {}) : code(c), fields(std::move(f)) {}

    //! "NOTIONAL_EXCEEDS_MAX_PER_ORDER"; stable across versions (clients match on it).
    [[nodiscard]] static QString codeName(Code code);
    [[nodiscard]] QString codeName() const { return codeName(code); }
    //! The value of a field ("" when absent).
    [[nodiscard]] QString field(const QString &name) const;
    //! "NOTIONAL_EXCEEDS_MAX_PER_ORDER max=1000.00 requested=5000.00" (logs, machine-readable).
    [[nodiscard]] QString toLogString() const;
    //! An English sentence for the log and the headless status output.
    [[nodiscard]] QString message() const;
};

} // namespace engine
