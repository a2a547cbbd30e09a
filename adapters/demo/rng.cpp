#include "adapters/demo/rng.h"

#include "adapters/demo/detmath.h"

#include <algorithm>
#include <cmath>

namespace adapters::demo {

namespace {
quint64 rotl(quint64 x, int k) { return (x << k) | (x >> (64 - k)); }

quint64 splitmix(quint64 &state)
{
    state += 0x9E3779B97F4A7C15ULL;
    return Rng::mix(state);
}
} // namespace

quint64 Rng::mix(quint64 z)
{
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

double Rng::hashUnit(quint64 a, quint64 b)
{
    const quint64 h = mix(mix(a) ^ (b * 0xD1B54A32D192ED03ULL));
    return static_cast<double>(h >> 11) * 0x1.0p-53;
}

Rng::Rng(quint64 seed)
{
    quint64 state = seed;
    for (quint64 &s : m_s)
        s = splitmix(state);
}

Rng Rng::derive(quint64 seed, quint64 stream)
{
    return Rng(mix(seed ^ mix(stream + 0x632BE59BD9B4E019ULL)));
}

quint64 Rng::next()
{
    const quint64 result = rotl(m_s[1] * 5, 7) * 9;
    const quint64 t = m_s[1] << 17;
    m_s[2] ^= m_s[0];
    m_s[3] ^= m_s[1];
    m_s[1] ^= m_s[2];
    m_s[0] ^= m_s[3];
    m_s[2] ^= t;
    m_s[3] = rotl(m_s[3], 45);
    return result;
}

double Rng::uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

double Rng::uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

int Rng::uniformInt(int lo, int hi)
{
    if (hi <= lo)
        return lo;
    const quint64 span = static_cast<quint64>(hi - lo) + 1;
    return lo + static_cast<int>(next() % span); // bias < 2^-32 for our spans
}

bool Rng::chance(double p) { return uniform() < p; }

double Rng::normal()
{
    if (m_hasSpare) {
        m_hasSpare = false;
        return m_spare;
    }
    double u = 0, v = 0, s = 0;
    do {
        u = 2 * uniform() - 1;
        v = 2 * uniform() - 1;
        s = u * u + v * v;
    } while (s >= 1 || s == 0);
    const double f = std::sqrt(-2 * detmath::ln(s) / s); // sqrt is exact in IEEE 754
    m_spare = v * f;
    m_hasSpare = true;
    return u * f;
}

double Rng::exponential(double mean) { return -mean * detmath::ln(1 - uniform()); }

int Rng::poisson(double lambda)
{
    if (lambda <= 0)
        return 0;
    if (lambda > 30)
        return std::max(0, static_cast<int>(std::floor(normal(lambda, std::sqrt(lambda)) + 0.5)));
    const double limit = detmath::exp(-lambda);
    int k = 0;
    double p = uniform();
    while (p > limit) {
        ++k;
        p *= uniform();
    }
    return k;
}

} // namespace adapters::demo
