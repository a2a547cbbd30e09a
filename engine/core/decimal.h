#pragma once

#include <QMetaType>
#include <QString>
#include <QStringView>

#include <compare>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>
#include <stdexcept>

#if defined(MEMEDESK_PORTABLE_DECIMAL) || defined(_MSC_VER)
// Compilers without a native 128-bit integer (MSVC) use Boost.Multiprecision's fixed-width
// integers; -DMEMEDESK_PORTABLE_DECIMAL=ON builds that path on Linux too, so it is tested here.
#include <boost/multiprecision/cpp_int.hpp>
#define MEMEDESK_DECIMAL_BOOST 1
#endif

namespace engine {

//! Raised when a Decimal operation cannot produce an exact, in-range result
//! (overflow, division by zero). Parsing never throws; it returns an error.
class DecimalError : public std::domain_error {
public:
    using std::domain_error::domain_error;
};

//! Rounding of magnitudes: Down is toward zero, Up away from zero.
enum class Rounding { Down, Up, HalfUp, HalfEven };

//! Exact fixed-point decimal with 18 fractional digits, stored in a signed
//! 128-bit integer. Range is about ±1.7e20, which covers prices down to 1e-18
//! and quantities/notionals up to 1e15 with room for products. Used for every
//! price, quantity and amount of money: no binary floating point in order,
//! risk or portfolio code.
class Decimal {
public:
#if defined(MEMEDESK_DECIMAL_BOOST)
    using Raw = boost::multiprecision::int128_t;   // signed magnitude: range limited to kMaxRaw below
    using URaw = boost::multiprecision::uint128_t; // modulo 2^128, as unsigned __int128
#else
    using Raw = __int128;
    using URaw = unsigned __int128;
#endif
    static constexpr int kScale = 18;
    static constexpr Raw kOne = static_cast<Raw>(1'000'000'000'000'000'000LL);
    //! The largest raw value, 2^127 - 1 on both paths (about 1.7e20 as a decimal).
    static constexpr Raw kMaxRaw = (static_cast<Raw>(std::numeric_limits<std::int64_t>::max()) << 64) +
                                   static_cast<Raw>(std::numeric_limits<std::uint64_t>::max());

    constexpr Decimal() = default;

    //! Whole number.
    static constexpr Decimal fromInt(std::int64_t v) { return fromRaw(static_cast<Raw>(v) * kOne); }
    //! Raw scaled value (value * 10^18).
    static constexpr Decimal fromRaw(Raw raw)
    {
        Decimal d;
        d.m_raw = raw;
        return d;
    }
    //! Parses "123", "-0.0001", "1.5e-8", "+7." exactly; returns nullopt and an
    //! explanation for anything else (empty, junk, too many digits, out of range).
    static std::optional<Decimal> parse(QStringView text, QString *error = nullptr);
    //! The same rules over ASCII bytes straight from the wire (exchange JSON), without a QString.
    static std::optional<Decimal> parseAscii(std::string_view text, QString *error = nullptr);
    //! For literals in code and trusted data; throws DecimalError on bad text.
    static Decimal fromString(QStringView text);
    static Decimal fromString(const char *text) { return fromString(QString::fromLatin1(text)); }
    //! Converts a binary double rounded to `decimals` places. Only for model
    //! outputs (simulator, charts); never for values that came in as text.
    static Decimal fromDouble(double v, int decimals = 12);

    [[nodiscard]] constexpr Raw raw() const { return m_raw; }
    [[nodiscard]] constexpr bool isZero() const { return m_raw == 0; }
    [[nodiscard]] constexpr bool isNegative() const { return m_raw < 0; }
    [[nodiscard]] constexpr bool isPositive() const { return m_raw > 0; }
    [[nodiscard]] Decimal abs() const { return m_raw < 0 ? -*this : *this; }

    //! Plain notation with all significant fractional digits ("0.00000123", "-5").
    [[nodiscard]] QString toString() const;
    //! Rounded (half-even) to exactly `decimals` fractional digits.
    [[nodiscard]] QString toString(int decimals) const;
    [[nodiscard]] std::string toStdString() const { return toString().toStdString(); }
    //! Lossy, for display scaling and charts only.
    [[nodiscard]] double toDouble() const;

    //! Rounds to `decimals` fractional digits (0..18).
    [[nodiscard]] Decimal rounded(int decimals, Rounding mode = Rounding::HalfEven) const;
    //! Rounds to a multiple of `step` (tick size, lot size). step must be > 0.
    [[nodiscard]] Decimal quantized(Decimal step, Rounding mode = Rounding::Down) const;

    Decimal operator-() const;
    Decimal operator+(Decimal o) const;
    Decimal operator-(Decimal o) const;
    Decimal operator*(Decimal o) const;                 // rounds half-even at 1e-18
    Decimal operator/(Decimal o) const;                 // rounds half-even at 1e-18
    Decimal &operator+=(Decimal o) { return *this = *this + o; }
    Decimal &operator-=(Decimal o) { return *this = *this - o; }
    Decimal &operator*=(Decimal o) { return *this = *this * o; }
    Decimal &operator/=(Decimal o) { return *this = *this / o; }
    [[nodiscard]] Decimal mulRounded(Decimal o, Rounding mode) const;
    [[nodiscard]] Decimal divRounded(Decimal o, Rounding mode) const;

    constexpr bool operator==(const Decimal &o) const = default;
    constexpr std::strong_ordering operator<=>(const Decimal &o) const
    {
        return m_raw < o.m_raw ? std::strong_ordering::less
             : m_raw > o.m_raw ? std::strong_ordering::greater
                               : std::strong_ordering::equal;
    }

    static Decimal min(Decimal a, Decimal b) { return a < b ? a : b; }
    static Decimal max(Decimal a, Decimal b) { return a < b ? b : a; }

private:
    Raw m_raw = 0;
};

} // namespace engine

Q_DECLARE_METATYPE(engine::Decimal)
