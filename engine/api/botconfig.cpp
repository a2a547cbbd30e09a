#include "engine/api/botconfig.h"

#include <QJsonValue>

namespace engine {
namespace {

// Reads a decimal field given as a JSON string (or an integer); records an error otherwise.
void readDecimal(const QJsonObject &o, const char *key, Decimal &target, QStringList *errors)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined())
        return;
    QString err;
    std::optional<Decimal> d;
    if (v.isString())
        d = Decimal::parse(v.toString(), &err);
    else if (v.isDouble() && v.toDouble() == double(qint64(v.toDouble())))
        d = Decimal::fromInt(qint64(v.toDouble()));
    else
        err = QStringLiteral("must be a decimal string");
    if (!d) {
        if (errors)
            errors->append(QStringLiteral("%1: %2").arg(QLatin1String(key), err));
        return;
    }
    target = *d;
}

void readInt(const QJsonObject &o, const char *key, int &target, QStringList *errors)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined())
        return;
    if (!v.isDouble() || v.toDouble() != double(int(v.toDouble()))) {
        if (errors)
            errors->append(QStringLiteral("%1: must be a whole number").arg(QLatin1String(key)));
        return;
    }
    target = int(v.toDouble());
}

void readDouble(const QJsonObject &o, const char *key, double &target, QStringList *errors)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined())
        return;
    if (!v.isDouble()) {
        if (errors)
            errors->append(QStringLiteral("%1: must be a number").arg(QLatin1String(key)));
        return;
    }
    target = v.toDouble();
}

bool isFraction(Decimal d, bool allowZero)
{
    return (allowZero ? !d.isNegative() : d.isPositive()) && d < Decimal::fromInt(1);
}

} // namespace

QStringList BotConfig::validate() const
{
    using namespace configlimits;
    QStringList p;
    const auto &r = risk;
    const Decimal maxMoney = Decimal::fromInt(kMaxMoney);
    auto money = [&](const Decimal &value, const char *what) {
        if (!value.isPositive() || value > maxMoney)
            p << QStringLiteral("%1 must be more than 0 and at most %2").arg(QLatin1String(what), maxMoney.toString());
    };
    money(startingCash, "starting cash");
    money(r.maxOrderNotional, "max order notional");
    if (r.maxOpenPositions < kMinOpenPositions || r.maxOpenPositions > kMaxOpenPositions)
        p << QStringLiteral("max open positions must be between %1 and %2").arg(kMinOpenPositions).arg(kMaxOpenPositions);
    money(r.dailyLossLimit, "daily loss limit");
    if (!isFraction(r.stopLossPct, false))
        p << QStringLiteral("stop-loss must be between 0 and 1 (0.08 = 8 %)");
    if (!r.takeProfitPct.isPositive() || r.takeProfitPct > Decimal::fromInt(kMaxTakeProfitFraction))
        p << QStringLiteral("take-profit must be positive and at most %1 (0.25 = 25 %)").arg(kMaxTakeProfitFraction);
    if (!isFraction(r.trailingStopPct, true))
        p << QStringLiteral("trailing stop must be between 0 and 1 (0 = off)");
    if (r.maxOrdersPerMinute < 1 || r.maxOrdersPerMinute > kMaxOrdersPerMinute)
        p << QStringLiteral("max orders per minute must be between 1 and %1").arg(kMaxOrdersPerMinute);
    const auto &s = strategy;
    money(s.orderNotional, "order notional");
    if (s.orderNotional > r.maxOrderNotional)
        p << QStringLiteral("order notional exceeds the max order notional risk limit");
    if (!(s.entryScore > 0 && s.entryScore <= 1))
        p << QStringLiteral("entry score must be in (0, 1]");
    if (!(s.exitScore >= -1 && s.exitScore < s.entryScore))
        p << QStringLiteral("exit score must be in [-1, entry score)");
    if (s.emaFast < kMinEma || s.emaSlow <= s.emaFast || s.emaSlow > kMaxEma)
        p << QStringLiteral("EMA periods must satisfy %1 <= fast < slow <= %2").arg(kMinEma).arg(kMaxEma);
    if (s.rsiPeriod < kMinRsi || s.rsiPeriod > kMaxRsi)
        p << QStringLiteral("RSI period must be between %1 and %2").arg(kMinRsi).arg(kMaxRsi);
    if (s.socialWindowMin < 1 || s.socialBaselineMin <= s.socialWindowMin || s.socialBaselineMin > kMaxSocialMinutes)
        p << QStringLiteral("social windows must satisfy 1 <= recent < baseline <= %1 minutes").arg(kMaxSocialMinutes);
    const double wsum = s.weightMomentum + s.weightVolume + s.weightSocial;
    if (!(s.weightMomentum >= 0 && s.weightVolume >= 0 && s.weightSocial >= 0 && wsum > 0 && wsum < 1e6))
        p << QStringLiteral("strategy weights must be non-negative and not all zero (and below a million)");
    return p;
}

QJsonObject BotConfig::toJson() const
{
    QJsonObject riskJson{
        {QStringLiteral("maxOrderNotional"), risk.maxOrderNotional.toString()},
        {QStringLiteral("maxOpenPositions"), risk.maxOpenPositions},
        {QStringLiteral("dailyLossLimit"), risk.dailyLossLimit.toString()},
        {QStringLiteral("stopLossPct"), risk.stopLossPct.toString()},
        {QStringLiteral("takeProfitPct"), risk.takeProfitPct.toString()},
        {QStringLiteral("trailingStopPct"), risk.trailingStopPct.toString()},
        {QStringLiteral("maxOrdersPerMinute"), risk.maxOrdersPerMinute},
    };
    QJsonObject strategyJson{
        {QStringLiteral("orderNotional"), strategy.orderNotional.toString()},
        {QStringLiteral("entryScore"), strategy.entryScore},
        {QStringLiteral("exitScore"), strategy.exitScore},
        {QStringLiteral("emaFast"), strategy.emaFast},
        {QStringLiteral("emaSlow"), strategy.emaSlow},
        {QStringLiteral("rsiPeriod"), strategy.rsiPeriod},
        {QStringLiteral("socialWindowMin"), strategy.socialWindowMin},
        {QStringLiteral("socialBaselineMin"), strategy.socialBaselineMin},
        {QStringLiteral("weightMomentum"), strategy.weightMomentum},
        {QStringLiteral("weightVolume"), strategy.weightVolume},
        {QStringLiteral("weightSocial"), strategy.weightSocial},
    };
    return QJsonObject{{QStringLiteral("mode"), toString(mode)},
                       {QStringLiteral("startingCash"), startingCash.toString()},
                       {QStringLiteral("risk"), riskJson},
                       {QStringLiteral("strategy"), strategyJson}};
}

BotConfig BotConfig::fromJson(const QJsonObject &json, const BotConfig &base, QStringList *errors)
{
    BotConfig c = base;
    QStringList errs;
    if (json.contains(QLatin1String("mode"))) {
        TradingMode m;
        if (parseTradingMode(json.value(QLatin1String("mode")).toString(), m))
            c.mode = m;
        else
            errs << QStringLiteral("mode: must be demo, dry-run or live");
    }
    readDecimal(json, "startingCash", c.startingCash, &errs);
    const QJsonObject r = json.value(QLatin1String("risk")).toObject();
    readDecimal(r, "maxOrderNotional", c.risk.maxOrderNotional, &errs);
    readInt(r, "maxOpenPositions", c.risk.maxOpenPositions, &errs);
    readDecimal(r, "dailyLossLimit", c.risk.dailyLossLimit, &errs);
    readDecimal(r, "stopLossPct", c.risk.stopLossPct, &errs);
    readDecimal(r, "takeProfitPct", c.risk.takeProfitPct, &errs);
    readDecimal(r, "trailingStopPct", c.risk.trailingStopPct, &errs);
    readInt(r, "maxOrdersPerMinute", c.risk.maxOrdersPerMinute, &errs);
    const QJsonObject s = json.value(QLatin1String("strategy")).toObject();
    readDecimal(s, "orderNotional", c.strategy.orderNotional, &errs);
    readDouble(s, "entryScore", c.strategy.entryScore, &errs);
    readDouble(s, "exitScore", c.strategy.exitScore, &errs);
    readInt(s, "emaFast", c.strategy.emaFast, &errs);
    readInt(s, "emaSlow", c.strategy.emaSlow, &errs);
    readInt(s, "rsiPeriod", c.strategy.rsiPeriod, &errs);
    readInt(s, "socialWindowMin", c.strategy.socialWindowMin, &errs);
    readInt(s, "socialBaselineMin", c.strategy.socialBaselineMin, &errs);
    readDouble(s, "weightMomentum", c.strategy.weightMomentum, &errs);
    readDouble(s, "weightVolume", c.strategy.weightVolume, &errs);
    readDouble(s, "weightSocial", c.strategy.weightSocial, &errs);
    if (errors)
        *errors = errs;
    return errs.isEmpty() ? c : base;
}

} // namespace engine
