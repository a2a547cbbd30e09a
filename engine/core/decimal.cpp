#include "engine/core/decimal.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace engine {
namespace {

using Raw = Decimal::Raw;
using URaw = Decimal::URaw;

const Raw kMax = Decimal::kMaxRaw;
constexpr int kMaxIntegerDigits = 20; // 1.7e20 is the range limit

URaw pow10u(int n)
{
    URaw r = 1;
    for (int i = 0; i < n; ++i)
        r *= 10;
    return r;
}

#if defined(MEMEDESK_DECIMAL_BOOST)
URaw uabs(Raw v) { return v < 0 ? URaw(-v) : URaw(v); } // signed magnitude: -v never overflows
#else
URaw uabs(Raw v) { return v < 0 ? URaw(0) - URaw(v) : URaw(v); } // two's complement, -2^127 included
#endif

#if defined(MEMEDESK_DECIMAL_BOOST)
Raw checkedAdd(Raw a, Raw b)
{
    const Raw r = a + b; // |a| + |b| < 2^128: exact in a signed-magnitude 128-bit integer
    if (r > kMax || r < -kMax)
        throw DecimalError("decimal overflow in addition");
    return r;
}

Raw checkedMul(Raw a, Raw b)
{
    if (a != 0 && uabs(b) > URaw(kMax) / uabs(a))
        throw DecimalError("decimal overflow in multiplication");
    return a * b;
}
#else
Raw checkedAdd(Raw a, Raw b)
{
    Raw r;
    if (__builtin_add_overflow(a, b, &r))
        throw DecimalError("decimal overflow in addition");
    return r;
}

Raw checkedMul(Raw a, Raw b)
{
    Raw r;
    if (__builtin_mul_overflow(a, b, &r))
        throw DecimalError("decimal overflow in multiplication");
    return r;
}
#endif

// Rounds quotient q with remainder r of division by d (all non-negative) and the sign.
URaw applyRounding(URaw q, URaw r, URaw d, Rounding mode)
{
    if (r == 0)
        return q;
    switch (mode) {
    case Rounding::Down:
        return q;
    case Rounding::Up:
        return q + 1;
    case Rounding::HalfUp:
        return (r * 2 >= d) ? q + 1 : q;
    case Rounding::HalfEven: {
        const URaw twice = r * 2;
        if (twice > d)
            return q + 1;
        if (twice < d)
            return q;
        return (q % 2 != 0) ? q + 1 : q;
    }
    }
    return q;
}

Raw signedResult(URaw magnitude, bool negative)
{
    if (magnitude > URaw(kMax))
        throw DecimalError("decimal out of range");
    return negative ? -Raw(magnitude) : Raw(magnitude);
}

// Character access shared by QStringView (UTF-16) and std::string_view (ASCII wire text).
inline int code(QChar c) { return c.unicode(); }
inline int code(char c) { return static_cast<unsigned char>(c); }
inline QString text(QStringView s) { return s.toString(); }
inline QString text(std::string_view s) { return QString::fromLatin1(s.data(), qsizetype(s.size())); }
inline QString text(QChar c) { return QString(c); }
inline QString text(char c) { return QString(QLatin1Char(c)); }
inline QStringView trimmedView(QStringView s) { return s.trimmed(); }
inline std::string_view trimmedView(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

//! One parser for both kinds of text, so the wire fast path and the UI path agree digit for digit.
//! Error texts are only built on failure (and only when asked for).
template<class View>
bool parseImpl(View s, Decimal &out, QString *error)
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    s = trimmedView(s);
    if (s.empty())
        return fail(QStringLiteral("empty number"));
    if (qsizetype(s.size()) > 80)
        return fail(QStringLiteral("number text too long"));
    qsizetype i = 0;
    const qsizetype n = qsizetype(s.size());
    bool negative = false;
    if (code(s[i]) == '+' || code(s[i]) == '-') {
        negative = code(s[i]) == '-';
        ++i;
    }
    URaw digits = 0;
    int intDigits = 0, fracDigits = 0, significant = 0;
    bool seenDot = false, anyDigit = false;
    for (; i < n; ++i) {
        const int c = code(s[i]);
        if (c == '.') {
            if (seenDot)
                return fail(QStringLiteral("more than one decimal point in '%1'").arg(text(s)));
            seenDot = true;
            continue;
        }
        if (c == 'e' || c == 'E')
            break;
        if (c < '0' || c > '9')
            return fail(QStringLiteral("invalid character '%1' in number '%2'").arg(text(s[i]), text(s)));
        anyDigit = true;
        const int d = c - '0';
        if (significant > 0 || d != 0)
            ++significant;
        if (significant > 38)
            return fail(QStringLiteral("too many digits in '%1'").arg(text(s)));
        digits = digits * 10 + URaw(d);
        if (seenDot)
            ++fracDigits;
        else
            ++intDigits;
    }
    if (!anyDigit)
        return fail(QStringLiteral("no digits in '%1'").arg(text(s)));
    int exponent = 0;
    if (i < n) { // exponent part
        ++i;
        bool expNeg = false;
        if (i < n && (code(s[i]) == '+' || code(s[i]) == '-')) {
            expNeg = code(s[i]) == '-';
            ++i;
        }
        if (i >= n)
            return fail(QStringLiteral("missing exponent in '%1'").arg(text(s)));
        for (; i < n; ++i) {
            const int c = code(s[i]);
            if (c < '0' || c > '9')
                return fail(QStringLiteral("invalid exponent in '%1'").arg(text(s)));
            exponent = exponent * 10 + (c - '0');
            if (exponent > 100)
                return fail(QStringLiteral("exponent out of range in '%1'").arg(text(s)));
        }
        if (expNeg)
            exponent = -exponent;
    }
    // value = digits * 10^(exponent - fracDigits); we need digits * 10^(18 + exponent - fracDigits)
    const int shift = Decimal::kScale + exponent - fracDigits;
    URaw magnitude = digits;
    if (shift >= 0) {
        for (int k = 0; k < shift; ++k) {
            if (magnitude > URaw(kMax) / 10)
                return fail(QStringLiteral("number '%1' out of range").arg(text(s)));
            magnitude *= 10;
        }
    } else {
        const int drop = -shift;
        if (drop > 38) {
            magnitude = 0;
        } else {
            const URaw div = pow10u(drop);
            if (magnitude % div != 0)
                return fail(QStringLiteral("'%1' has more than 18 decimal places").arg(text(s)));
            magnitude /= div;
        }
    }
    if (magnitude > URaw(kMax) || intDigits + exponent > kMaxIntegerDigits + 1)
        return fail(QStringLiteral("number '%1' out of range").arg(text(s)));
    out = Decimal::fromRaw(negative ? -Raw(magnitude) : Raw(magnitude));
    return true;
}

QString formatMagnitude(URaw mag, bool negative, int decimals, bool trimZeros)
{
    // integer and fractional parts of mag / 10^18
    const URaw one = URaw(Decimal::kOne);
    URaw ip = mag / one;
    URaw fp = mag % one;
    QString intStr;
    if (ip == 0) {
        intStr = QStringLiteral("0");
    } else {
        while (ip > 0) {
            intStr.prepend(QChar(u'0' + static_cast<int>(ip % 10)));
            ip /= 10;
        }
    }
    QString frac(Decimal::kScale, u'0');
    for (int k = Decimal::kScale - 1; k >= 0; --k) {
        frac[k] = QChar(u'0' + static_cast<int>(fp % 10));
        fp /= 10;
    }
    frac.truncate(decimals);
    if (trimZeros) {
        while (!frac.isEmpty() && frac.endsWith(u'0'))
            frac.chop(1);
    }
    const bool isZero = mag == 0;
    QString out = (negative && !isZero) ? QStringLiteral("-") : QString();
    out += intStr;
    if (!frac.isEmpty())
        out += u'.' + frac;
    return out;
}

} // namespace

std::optional<Decimal> Decimal::parse(QStringView text, QString *error)
{
    Decimal d;
    if (!parseImpl(text, d, error))
        return std::nullopt;
    return d;
}

std::optional<Decimal> Decimal::parseAscii(std::string_view text, QString *error)
{
    Decimal d;
    if (!parseImpl(text, d, error))
        return std::nullopt;
    return d;
}

Decimal Decimal::fromString(QStringView text)
{
    QString err;
    auto d = parse(text, &err);
    if (!d)
        throw DecimalError(err.toStdString());
    return *d;
}

Decimal Decimal::fromDouble(double v, int decimals)
{
    if (!std::isfinite(v) || std::fabs(v) > 1e20)
        throw DecimalError("non-finite or out-of-range double");
    decimals = std::clamp(decimals, 0, 17);
    // %.*f prints the exact binary value rounded to `decimals` digits.
    const QString text = QString::number(v, 'f', decimals);
    return fromString(text);
}

QString Decimal::toString() const
{
    return formatMagnitude(uabs(m_raw), m_raw < 0, kScale, true);
}

QString Decimal::toString(int decimals) const
{
    decimals = std::clamp(decimals, 0, kScale);
    const Decimal r = rounded(decimals, Rounding::HalfEven);
    return formatMagnitude(uabs(r.m_raw), r.m_raw < 0, decimals, false);
}

double Decimal::toDouble() const
{
    const URaw mag = uabs(m_raw);
    const double v = static_cast<double>(mag / URaw(kOne)) + static_cast<double>(mag % URaw(kOne)) / 1e18;
    return m_raw < 0 ? -v : v;
}

Decimal Decimal::rounded(int decimals, Rounding mode) const
{
    decimals = std::clamp(decimals, 0, kScale);
    if (decimals == kScale)
        return *this;
    const URaw unit = pow10u(kScale - decimals);
    const bool neg = m_raw < 0;
    const URaw mag = uabs(m_raw);
    const URaw q = applyRounding(mag / unit, mag % unit, unit, mode);
    return fromRaw(signedResult(q * unit, neg));
}

Decimal Decimal::quantized(Decimal step, Rounding mode) const
{
    if (step.m_raw <= 0)
        throw DecimalError("quantization step must be positive");
    const bool neg = m_raw < 0;
    const URaw mag = uabs(m_raw);
    const URaw unit = URaw(step.m_raw);
    const URaw q = applyRounding(mag / unit, mag % unit, unit, mode);
    return fromRaw(signedResult(q * unit, neg));
}

Decimal Decimal::operator-() const
{
    if (m_raw < -kMax)
        throw DecimalError("decimal overflow in negation");
    return fromRaw(-m_raw);
}

Decimal Decimal::operator+(Decimal o) const { return fromRaw(checkedAdd(m_raw, o.m_raw)); }
Decimal Decimal::operator-(Decimal o) const { return fromRaw(checkedAdd(m_raw, -o.m_raw)); }
Decimal Decimal::operator*(Decimal o) const { return mulRounded(o, Rounding::HalfEven); }
Decimal Decimal::operator/(Decimal o) const { return divRounded(o, Rounding::HalfEven); }

Decimal Decimal::mulRounded(Decimal o, Rounding mode) const
{
    // (a*b)/1e18 without a 256-bit type: split each magnitude at 1e18.
    const bool neg = (m_raw < 0) != (o.m_raw < 0);
    const URaw a = uabs(m_raw), b = uabs(o.m_raw);
    const URaw one = URaw(kOne);
    const URaw a1 = a / one, a0 = a % one, b1 = b / one, b0 = b % one;
    // a*b/1e18 = a1*b1*1e18 + a1*b0 + a0*b1 + a0*b0/1e18
    const Raw high = checkedMul(checkedMul(Raw(a1), Raw(b1)), kOne);
    const Raw mid = checkedAdd(checkedMul(Raw(a1), Raw(b0)), checkedMul(Raw(a0), Raw(b1)));
    const URaw low = a0 * b0; // < 1e36, fits
    const URaw lowQ = applyRounding(low / one, low % one, one, mode);
    const Raw total = checkedAdd(checkedAdd(high, mid), Raw(lowQ));
    return fromRaw(neg ? -total : total);
}

Decimal Decimal::divRounded(Decimal o, Rounding mode) const
{
    if (o.m_raw == 0)
        throw DecimalError("decimal division by zero");
    const bool neg = (m_raw < 0) != (o.m_raw < 0);
    const URaw a = uabs(m_raw), b = uabs(o.m_raw);
    // result = a * 1e18 / b, computed as long division digit by digit.
    URaw q = a / b;
    URaw r = a % b;
    for (int i = 0; i < kScale; ++i) {
        if (q > URaw(kMax) / 10)
            throw DecimalError("decimal overflow in division");
        if (r > (~URaw(0)) / 10)
            throw DecimalError("decimal divisor too large");
        r *= 10;
        q = q * 10 + r / b;
        r %= b;
    }
    q = applyRounding(q, r, b, mode);
    return fromRaw(signedResult(q, neg));
}

} // namespace engine
