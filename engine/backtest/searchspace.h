#pragma once

#include "engine/core/result.h"

#include <QList>
#include <QMap>
#include <QString>

namespace engine {

//! The parameter values a search tries: each parameter fixed (`fast=12`) or a range
//! (`fast=5:20:1`, lo to hi inclusive by step). The grid is every combination, in a fixed order.
class SearchSpace {
public:
    struct Range {
        QString name;
        double lo = 0;
        double hi = 0;
        double step = 1;
        [[nodiscard]] int count() const;
        [[nodiscard]] double at(int i) const;
    };

    //! Parses "name=value" or "name=lo:hi:step" (PARAM_RANGE_INVALID with the reason).
    Result<void> add(const QString &spec);
    [[nodiscard]] const QList<Range> &ranges() const { return m_ranges; }
    //! Combinations in the grid (saturates at INT_MAX).
    [[nodiscard]] qint64 size() const;
    //! The i-th combination of the grid (the last parameter varies fastest).
    [[nodiscard]] QMap<QString, double> at(qint64 i) const;

private:
    QList<Range> m_ranges;
};

} // namespace engine
