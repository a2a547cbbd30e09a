#pragma once

#include "engine/core/fill.h"
#include "engine/core/position.h"
#include "engine/core/result.h"

#include <QHash>
#include <QList>
#include <QString>

namespace engine {

//! Cash and long spot positions with average-cost PnL. Fees are charged in the
//! quote asset and counted in realized PnL, so that
//! equity − starting equity == realized + unrealized, exactly.
class Portfolio {
public:
    explicit Portfolio(QString quoteAsset = QStringLiteral("USDT"));

    void reset(Decimal startingCash);
    void restore(Decimal cash, Decimal startingEquity, const QList<Position> &positions);
    //! Applies a fill. POSITION_OVERSOLD when it would sell more than is held, FILL_OVERFLOW when
    //! its arithmetic leaves Decimal's range; either way nothing changes.
    Result<void> applyFill(const Fill &fill, qint64 nowMs);
    //! Updates the mark (and the peak for trailing stops).
    void mark(const QString &symbol, Decimal price);

    [[nodiscard]] QString quoteAsset() const { return m_quote; }
    [[nodiscard]] Decimal cash() const { return m_cash; }
    //! Money that came in or went out without a trade (a deposit, a withdrawal): cash and the
    //! starting equity move together, so PnL does not change.
    void adjustCash(Decimal delta)
    {
        m_cash += delta;
        m_startingEquity += delta;
    }
    [[nodiscard]] Decimal startingEquity() const { return m_startingEquity; }
    [[nodiscard]] Decimal equity() const;
    [[nodiscard]] Decimal realizedPnl() const;
    [[nodiscard]] Decimal unrealizedPnl() const;
    [[nodiscard]] Decimal fees() const;
    [[nodiscard]] int openPositionCount() const;
    [[nodiscard]] const Position *position(const QString &symbol) const;
    [[nodiscard]] QList<Position> openPositions() const;
    [[nodiscard]] QList<Position> allPositions() const { return m_positions.values(); }
    //! Balances per asset as the journal stores them (quote cash + base quantities).
    [[nodiscard]] QHash<QString, Decimal> balances(const QHash<QString, QString> &baseOfSymbol) const;

private:
    QString m_quote;
    Decimal m_cash;
    Decimal m_startingEquity;
    QHash<QString, Position> m_positions;
};

} // namespace engine
