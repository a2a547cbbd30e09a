#include "engine/backtest/searchspace.h"

#include <cmath>
#include <limits>

namespace engine {

int SearchSpace::Range::count() const { return int(std::floor((hi - lo) / step + 1e-9)) + 1; }

double SearchSpace::Range::at(int i) const
{
    // lo + i x step, rounded to the step's decimals so 0.1 steps do not drift (0.30000000000000004)
    const double v = lo + double(i) * step;
    return std::round(v * 1e9) / 1e9;
}

Result<void> SearchSpace::add(const QString &spec)
{
    const auto invalid = [&](const QString &why) {
        return Error{QStringLiteral("PARAM_RANGE_INVALID"), QStringLiteral("'%1': %2").arg(spec, why)};
    };
    const qsizetype eq = spec.indexOf(QLatin1Char('='));
    if (eq <= 0)
        return invalid(QStringLiteral("use name=value or name=lo:hi:step"));
    Range r;
    r.name = spec.left(eq).trimmed();
    const QStringList parts = spec.mid(eq + 1).split(QLatin1Char(':'));
    if (parts.size() != 1 && parts.size() != 3)
        return invalid(QStringLiteral("use name=value or name=lo:hi:step"));
    double v[3] = {0, 0, 1};
    for (qsizetype i = 0; i < parts.size(); ++i) {
        bool ok = false;
        v[i] = parts.at(i).trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(v[i]))
            return invalid(QStringLiteral("'%1' is not a number").arg(parts.at(i)));
    }
    r.lo = v[0];
    r.hi = parts.size() == 3 ? v[1] : v[0];
    r.step = parts.size() == 3 ? v[2] : 1;
    if (r.hi < r.lo || r.step <= 0)
        return invalid(QStringLiteral("needs lo <= hi and a step above 0"));
    if (r.count() > 1'000'000)
        return invalid(QStringLiteral("more than a million values"));
    for (const Range &other : std::as_const(m_ranges)) {
        if (other.name == r.name)
            return invalid(QStringLiteral("given twice"));
    }
    m_ranges << r;
    return {};
}

qint64 SearchSpace::size() const
{
    qint64 n = 1;
    for (const Range &r : m_ranges) {
        n *= r.count();
        if (n > std::numeric_limits<int>::max())
            return std::numeric_limits<int>::max();
    }
    return n;
}

QMap<QString, double> SearchSpace::at(qint64 i) const
{
    QMap<QString, double> p;
    for (qsizetype k = m_ranges.size() - 1; k >= 0; --k) {
        const Range &r = m_ranges.at(k);
        const int n = r.count();
        p.insert(r.name, r.at(int(i % n)));
        i /= n;
    }
    return p;
}

} // namespace engine
