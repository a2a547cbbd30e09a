#pragma once

#include "engine/api/botevents.h"
#include "engine/core/enums.h"

#include <QCoreApplication>
#include <QString>

namespace ui {

//! Translated names of engine enums. The engine's own toString() is for logs and files.
class Labels {
    Q_DECLARE_TR_FUNCTIONS(ui::Labels)
public:
    [[nodiscard]] static QString side(engine::Side side);
    [[nodiscard]] static QString orderType(engine::OrderType type);
    [[nodiscard]] static QString orderStatus(engine::OrderStatus status);
    [[nodiscard]] static QString engineState(engine::EngineState state);
    [[nodiscard]] static QString tradingState(engine::TradingState state);
    [[nodiscard]] static QString tradingMode(engine::TradingMode mode);
    [[nodiscard]] static QString logLevel(engine::LogEntry::Level level);
    //! Why an order was refused, in the user's language, from the denial's code and fields (the
    //! engine's English text is for logs only).
    [[nodiscard]] static QString denial(const engine::Denial &denial);
    //! "BUY" / "SELL" / "HOLD" from a signal; anything else is shown as is.
    //! How much an order is for: its quantity, or for a MARKET order by amount whose quantity is
    //! not known yet, the amount ("for 25").
    [[nodiscard]] static QString orderSize(const engine::Decimal &qty, const engine::Decimal &quoteQty);
    [[nodiscard]] static QString signalAction(const QString &action);
    //! Why a venue refused an order, in the user's language, from the reason the engine recorded
    //! ("BINANCE_-2010: …", "FILTER_LOT_SIZE: …", "SYMBOL_NOT_TRADING: …"); unknown codes as they are.
    [[nodiscard]] static QString venueRejection(const QString &reason);
    //! A problem of an order in the ticket, in the user's language (engine::OrderPreview::Issue).
    [[nodiscard]] static QString orderIssue(const QString &code, const QStringList &values);
    //! A real venue's connection health in one line ("REST 42 ms · weight 12/6000 · …"); empty for
    //! the demo market. `problem` is set when something needs attention.
    [[nodiscard]] static QString venueHealth(const engine::VenueHealth &health, bool *problem = nullptr);
};

} // namespace ui
