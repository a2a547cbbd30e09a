#pragma once

#include "engine/core/decimal.h"
#include "engine/core/fill.h"

#include <QHash>
#include <QMap>
#include <QString>

#include <vector>

namespace adapters::demo::evaluation {

//! What one account (the strategy, one random-entry draw, buy-and-hold) did over one seed: its
//! round trips, labelled with the simulator's ground-truth regime at entry, and its equity each
//! minute. Turned into metrics by accountMetrics().
class AccountRecord {
public:
    explicit AccountRecord(engine::Decimal startingCash = engine::Decimal::fromInt(10000))
        : m_startingCash(startingCash)
    {
    }

    //! A fill of this account; `regimeAtEntry` names the token's regime when a position opens.
    void onFill(const engine::Fill &fill, const QString &regimeAtEntry);
    //! Equity sample (one a minute), and whether any position was open then.
    void sample(qint64 tsMs, engine::Decimal equity, bool exposed);
    //! Closes the books at the end: open positions are valued at `marks` (symbol -> price).
    void finish(const QHash<QString, engine::Decimal> &marks);

    struct Trip {
        QString symbol;
        QString regime;
        qint64 entryMs = 0;
        qint64 exitMs = -1; // when it closed; -1 while open (finish() leaves it -1)
        double pnl = 0;     // quote, after fees; open ones at the final mark
        bool closed = false;
    };
    [[nodiscard]] const std::vector<Trip> &trips() const { return m_trips; }
    [[nodiscard]] const std::vector<double> &equity() const { return m_equity; }
    [[nodiscard]] double startingCash() const { return m_startingCash.toDouble(); }
    [[nodiscard]] int exposedSamples() const { return m_exposed; }

private:
    struct OpenTrip {
        engine::Decimal qty;
        engine::Decimal cost; // quote spent incl. fees, minus quote received
        std::size_t index = 0; // into m_trips
    };
    engine::Decimal m_startingCash;
    std::vector<Trip> m_trips;
    QHash<QString, OpenTrip> m_open;
    std::vector<double> m_equity;
    int m_exposed = 0;
};

//! The figures of one account on one seed.
struct AccountMetrics {
    double pnl = 0;
    double returnPct = 0;
    double sharpe = 0;        // of minute returns, annualised (365 days of 1,440 minutes)
    double maxDrawdownPct = 0;
    int trades = 0;           // entries
    double winRatePct = 0;    // of closed round trips; 0 when none closed
    double exposurePct = 0;   // of minutes with a position open
    QMap<QString, int> entriesByRegime;
    QMap<QString, double> pnlByRegime;
};

[[nodiscard]] AccountMetrics accountMetrics(const AccountRecord &record);

} // namespace adapters::demo::evaluation
