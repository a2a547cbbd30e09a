#pragma once

#include <QtGlobal>

namespace adapters::demo {

//! xoshiro256** seeded through splitmix64, with its own uniform, normal,
//! exponential and Poisson sampling. std:: distributions are not used because
//! their output differs between standard libraries, and a seed must replay the
//! same market everywhere.
class Rng {
public:
    explicit Rng(quint64 seed = 0);

    //! An independent stream for `stream` under `seed` (tokens, chatter, launches).
    [[nodiscard]] static Rng derive(quint64 seed, quint64 stream);
    //! splitmix64 finaliser: a good stateless hash of one 64-bit value.
    [[nodiscard]] static quint64 mix(quint64 x);
    //! Stateless uniform [0,1) from two keys; used where drawing from a stream
    //! would make silent fast-forward diverge from live stepping.
    [[nodiscard]] static double hashUnit(quint64 a, quint64 b);

    quint64 next();
    //! Uniform in [0, 1) with 53 random bits.
    double uniform();
    double uniform(double lo, double hi);
    //! Uniform integer in [lo, hi].
    int uniformInt(int lo, int hi);
    bool chance(double p);
    //! Standard normal (Marsaglia polar method).
    double normal();
    double normal(double mean, double sd) { return mean + sd * normal(); }
    //! Exponential with the given mean.
    double exponential(double mean);
    //! Poisson count; exact (Knuth) for small lambda, normal approximation above 30.
    int poisson(double lambda);

private:
    quint64 m_s[4] = {};
    double m_spare = 0;
    bool m_hasSpare = false;
};

} // namespace adapters::demo
