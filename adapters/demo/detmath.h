#pragma once

// Fused multiply-add would change the last bits of results between CPUs, so
// it stays off in every simulator file (they all include this header). GCC
// and MSVC do not contract in standard mode; clang on arm64 would.
#if defined(__clang__)
#pragma clang fp contract(off)
#endif

namespace adapters::demo::detmath {

// The simulator promises the same event stream for the same seed on every
// platform. libm's exp/log may differ in the last bit between C libraries, so
// the price model uses these versions built only from + - * / (IEEE exact),
// frexp/ldexp and floor.

//! Natural logarithm for x > 0 (x <= 0 returns a very negative number).
[[nodiscard]] double ln(double x);
//! e^x, saturating for |x| > 700.
[[nodiscard]] double exp(double x);
//! Clamps v to [lo, hi].
[[nodiscard]] constexpr double clamp(double v, double lo, double hi) { return v < lo ? lo : (v > hi ? hi : v); }

} // namespace adapters::demo::detmath
