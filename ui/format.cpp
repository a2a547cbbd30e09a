#include "ui/format.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>

namespace ui::format {

namespace {

// Drops trailing fractional zeros but keeps at least `minDecimals` of them.
QString trimZeros(QString s, int minDecimals)
{
    const int dot = s.indexOf(u'.');
    if (dot < 0)
        return s;
    int keep = s.size();
    while (keep > dot + 1 + minDecimals && s.at(keep - 1) == u'0')
        --keep;
    if (keep == dot + 1)
        --keep; // no fraction left: drop the dot
    s.truncate(keep);
    return s;
}

// Number of decimals that shows `significant` significant digits of `value`.
int decimalsFor(const engine::Decimal &value, int significant, int minDecimals)
{
    const QString plain = value.abs().toString(); // exact, trimmed
    const int dot = plain.indexOf(u'.');
    const QString intPart = dot < 0 ? plain : plain.left(dot);
    if (intPart != QLatin1String("0"))
        return std::max(minDecimals, significant - int(intPart.size()));
    int zeros = 0;
    for (int i = dot + 1; i < plain.size() && plain.at(i) == u'0'; ++i)
        ++zeros;
    return std::min(engine::Decimal::kScale, zeros + significant);
}

QString significantDigits(const engine::Decimal &value, int significant, int minDecimals)
{
    if (value.isZero())
        return QStringLiteral("0");
    const int decimals = decimalsFor(value, significant, minDecimals);
    return grouped(trimZeros(value.toString(decimals), minDecimals));
}

} // namespace

QString grouped(const QString &plain)
{
    const bool negative = plain.startsWith(u'-');
    const int start = negative ? 1 : 0;
    int dot = plain.indexOf(u'.');
    if (dot < 0)
        dot = plain.size();
    QString intPart = plain.mid(start, dot - start);
    for (int i = int(intPart.size()) - 3; i > 0; i -= 3)
        intPart.insert(i, u',');
    return (negative ? QStringLiteral("-") : QString()) + intPart + plain.mid(dot);
}

QString price(const engine::Decimal &value, int significant)
{
    return significantDigits(value, significant, 2);
}

QString qty(const engine::Decimal &value)
{
    return significantDigits(value, 8, 0);
}

QString money(const engine::Decimal &value, int decimals)
{
    return grouped(value.toString(decimals));
}

QString notional(const engine::Decimal &price, const engine::Decimal &qty, int decimals)
{
    try {
        return decimals < 0 ? amount(price * qty) : money(price * qty, decimals);
    } catch (const engine::DecimalError &) {
        return QStringLiteral("—");
    }
}

QString amount(const engine::Decimal &value)
{
    if (value.abs() >= engine::Decimal::fromInt(1) || value.isZero())
        return money(value);
    return significantDigits(value, 4, 2);
}

QString signedMoney(const engine::Decimal &value, int decimals)
{
    const QString text = money(value, decimals);
    return value.isPositive() && text != QLatin1String("0.00") ? QStringLiteral("+") + text : text;
}

QString number(double value, int decimals, bool withSign)
{
    if (!std::isfinite(value))
        return QStringLiteral("—");
    if (std::round(std::abs(value) * std::pow(10.0, decimals)) == 0)
        value = 0.0; // "-0.00" reads as a glitch
    QString text = QString::number(value, 'f', decimals);
    if (withSign && value > 0)
        text.prepend(u'+');
    return text;
}

QString percent(double value, int decimals, bool withSign)
{
    return number(value, decimals, withSign) + QStringLiteral(" %");
}

QString dateTime(qint64 msSinceEpoch)
{
    if (msSinceEpoch <= 0)
        return QStringLiteral("—");
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString timeOfDay(qint64 msSinceEpoch)
{
    if (msSinceEpoch <= 0)
        return QStringLiteral("—");
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch).toString(QStringLiteral("HH:mm:ss"));
}

QString isoUtc(qint64 msSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch).toUTC().toString(Qt::ISODateWithMs);
}

} // namespace ui::format
