#include "adapters/demo/detmath.h"

#include <cmath>

namespace adapters::demo::detmath {

namespace {
constexpr double kLn2 = 0.69314718055994530942;
constexpr double kSqrtHalf = 0.70710678118654752440;
} // namespace

double ln(double x)
{
    if (!(x > 0))
        return -745.0;
    int e = 0;
    double m = std::frexp(x, &e); // x = m * 2^e, m in [0.5, 1)
    if (m < kSqrtHalf) {
        m *= 2;
        --e;
    }
    // ln(m) = 2 atanh(s) with |s| <= 0.172: the odd series converges to double
    // precision in 12 terms.
    const double s = (m - 1) / (m + 1);
    const double s2 = s * s;
    double sum = 0;
    for (int n = 23; n >= 1; n -= 2)
        sum = 1.0 / n + s2 * sum;
    return 2 * s * sum + e * kLn2;
}

double exp(double x)
{
    if (x > 700)
        x = 700;
    if (x < -700)
        return 0;
    // Range reduction x = k ln2 + r, |r| <= ln2/2, then a Taylor series in Horner form.
    const double k = std::floor(x / kLn2 + 0.5);
    const double r = x - k * kLn2;
    // 1/n! terms beyond n = 14 are below 1e-17 relative for |r| <= 0.35.
    static constexpr double kInverse[] = {0, 1.0, 1.0 / 2, 1.0 / 3, 1.0 / 4, 1.0 / 5, 1.0 / 6, 1.0 / 7,
                                          1.0 / 8, 1.0 / 9, 1.0 / 10, 1.0 / 11, 1.0 / 12, 1.0 / 13, 1.0 / 14};
    double p = 1.0;
    for (int n = 14; n >= 1; --n)
        p = 1.0 + p * r * kInverse[n];
    return std::ldexp(p, static_cast<int>(k));
}

} // namespace adapters::demo::detmath
