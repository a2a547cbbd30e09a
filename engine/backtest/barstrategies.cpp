#include "engine/backtest/barstrategies.h"

#include "engine/strategy/emacrossstrategy.h"
#include "engine/strategy/rsireversionstrategy.h"

#include <cmath>

namespace engine {

namespace {

Error invalid(const QString &why) { return Error{QStringLiteral("STRATEGY_PARAM_INVALID"), why}; }

bool wholeInRange(double v, int lo, int hi) { return std::isfinite(v) && v == std::floor(v) && v >= lo && v <= hi; }

} // namespace

QStringList barStrategyNames() { return {QStringLiteral("ema_cross"), QStringLiteral("rsi_reversion")}; }

QMap<QString, double> barStrategyDefaults(const QString &name)
{
    if (name == QLatin1String("ema_cross"))
        return {{QStringLiteral("fast"), 12}, {QStringLiteral("slow"), 26}};
    if (name == QLatin1String("rsi_reversion"))
        return {{QStringLiteral("period"), 14}, {QStringLiteral("lower"), 30}, {QStringLiteral("upper"), 70}};
    return {};
}

Result<std::unique_ptr<Strategy>> makeBarStrategy(const QString &name, const QMap<QString, double> &given)
{
    QMap<QString, double> p = barStrategyDefaults(name);
    if (p.isEmpty())
        return Error{QStringLiteral("STRATEGY_UNKNOWN"),
                     QStringLiteral("no strategy '%1' (there are: %2)").arg(name, barStrategyNames().join(QStringLiteral(", ")))};
    for (auto it = given.cbegin(); it != given.cend(); ++it) {
        if (!p.contains(it.key()))
            return invalid(QStringLiteral("%1 has no parameter '%2' (it takes: %3)")
                               .arg(name, it.key(), QStringList(p.keys()).join(QStringLiteral(", "))));
        p[it.key()] = it.value();
    }
    if (name == QLatin1String("ema_cross")) {
        const double fast = p.value(QStringLiteral("fast"));
        const double slow = p.value(QStringLiteral("slow"));
        if (!wholeInRange(fast, 1, 100000) || !wholeInRange(slow, 1, 100000))
            return invalid(QStringLiteral("ema_cross: fast and slow are whole numbers of bars from 1 (got %1, %2)").arg(fast).arg(slow));
        return std::unique_ptr<Strategy>(std::make_unique<EmaCrossStrategy>(int(fast), int(slow)));
    }
    const double period = p.value(QStringLiteral("period"));
    const double lower = p.value(QStringLiteral("lower"));
    const double upper = p.value(QStringLiteral("upper"));
    if (!wholeInRange(period, 1, 100000))
        return invalid(QStringLiteral("rsi_reversion: period is a whole number of bars from 1 (got %1)").arg(period));
    if (!(lower > 0 && lower < upper && upper < 100))
        return invalid(QStringLiteral("rsi_reversion: 0 < lower < upper < 100 (got %1, %2)").arg(lower).arg(upper));
    return std::unique_ptr<Strategy>(std::make_unique<RsiReversionStrategy>(int(period), lower, upper));
}

} // namespace engine
