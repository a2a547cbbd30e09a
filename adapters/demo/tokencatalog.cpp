#include "adapters/demo/tokencatalog.h"

#include "adapters/demo/detmath.h"

#include <array>

namespace adapters::demo {

namespace {

struct Seed {
    const char *symbol;
    double price;
    double liquidityUsd;
};

// Price levels span real meme-coin ranges: sub-cent coins trading in 1e-6..1e-9
// and "blue chip" memes around 0.01..2, so tick/step handling gets exercised.
constexpr std::array<Seed, 12> kInitial{{
    {"PEPE2", 1.42e-6, 2'500'000},
    {"WOJAK", 3.84e-4, 900'000},
    {"BONKX", 8.71e-8, 1'200'000},
    {"DOGEAI", 0.0734, 3'000'000},
    {"MOGCAT", 3.18e-6, 400'000},
    {"FROGZ", 0.00561, 250'000},
    {"CHADINU", 5.42e-9, 150'000},
    {"GIGAAPE", 0.0218, 600'000},
    {"BRETTX", 1.37, 5'000'000},
    {"SHIBZ", 1.24e-5, 800'000},
    {"MEWKING", 0.00247, 300'000},
    {"POPDOG", 0.412, 1'500'000},
}};

constexpr std::array kLaunchHeads{"PEPE", "WOJ", "BONK", "DOGE", "MOG", "FROG", "CHAD", "GIGA", "BRETT", "SHIB",
                                  "MEW", "POP", "TURBO", "FLOKI", "CAT", "APE", "SIGMA", "BASED", "KEK", "WIF",
                                  "NEIRO", "GOAT", "MOODENG", "HAMSTER"};
constexpr std::array kLaunchTails{"AI", "INU", "X", "2", "MOON", "KING", "DAO", "PUMP", "ZILLA", "CEO", "GPT", "HAT",
                                  "CLUB", "COIN", "420", "69", "SOL", "BASE"};

// Calibrated by tests/unit/demo/test_marketcalibration.cpp (docs/demo-market.md).
constexpr double kEstablishedHourlyVol = 0.006;
constexpr double kFreshHourlyVol = 0.02; // once settled; a launch starts twice as wild

// floor(log10(v)) for positive v, by comparison so it is exact and portable.
int decimalExponent(double v)
{
    int e = 0;
    double p = 1;
    while (v >= p * 10 && e < 18) {
        p *= 10;
        ++e;
    }
    while (v < p && e > -18) {
        p /= 10;
        --e;
    }
    return e;
}

} // namespace

TokenCatalog::TokenCatalog(quint64 seed)
    : m_seed(seed)
    , m_rng(Rng::derive(seed, 0xCA7A10C))
{
}

engine::Decimal TokenCatalog::powerOfTen(int exponent)
{
    engine::Decimal::Raw raw = 1;
    for (int i = 0; i < exponent + engine::Decimal::kScale; ++i)
        raw *= 10;
    return engine::Decimal::fromRaw(raw);
}

engine::Instrument TokenCatalog::instrumentFor(const TokenProfile &profile)
{
    engine::Instrument instrument;
    instrument.symbol = profile.symbol + QStringLiteral("USDT");
    instrument.baseAsset = profile.symbol;
    instrument.quoteAsset = QStringLiteral("USDT");
    instrument.tickSize = profile.tickSize;
    instrument.stepSize = profile.stepSize;
    instrument.minNotional = profile.minNotional;
    return instrument;
}

QString TokenCatalog::hexAddress()
{
    QString hex = QStringLiteral("0x");
    for (int i = 0; i < 3; ++i)
        hex += QStringLiteral("%1").arg(m_rng.next(), 16, 16, QLatin1Char('0'));
    return hex.left(42);
}

TokenProfile TokenCatalog::makeProfile(const QString &symbol, double price, double liquidityUsd, bool newLaunch)
{
    TokenProfile p;
    p.symbol = symbol;
    p.marketSeed = m_seed;
    p.tokenAddress = hexAddress();
    p.poolAddress = hexAddress();
    p.initialPrice = price;
    p.liquidityUsd = liquidityUsd;
    p.newLaunch = newLaunch;
    // Hourly volatility of the quiet random walk (clustering, jumps and episodes add to it; see
    // docs/demo-market.md for the calibration against real meme coins). Thinner pools are jumpier.
    const double thin = detmath::clamp(1e6 / liquidityUsd, 0.2, 10);
    const double hourly = newLaunch ? kFreshHourlyVol * m_rng.uniform(0.8, 1.25)
                                    : detmath::clamp(kEstablishedHourlyVol * (0.85 + 0.1 * thin) * m_rng.uniform(0.85, 1.15), 0.007, 0.025);
    p.sigmaPerSec = hourly / 60; // sqrt(3600) seconds in an hour
    p.tradesPerSec = newLaunch ? m_rng.uniform(1.8, 3.0) : m_rng.uniform(1.8, 3.5);
    p.postsPerMin = newLaunch ? m_rng.uniform(0.8, 1.4) : m_rng.uniform(0.5, 1.3);
    p.medianTradeUsd = detmath::clamp(liquidityUsd * 0.0002, 25, 1500);
    // Four to five significant digits of price per tick, Binance-style lot sizes.
    const int e = decimalExponent(price);
    p.tickSize = powerOfTen(std::max(-17, e - 4));
    p.stepSize = powerOfTen(std::min(0, -(e + 2)));
    p.minNotional = engine::Decimal::fromInt(5);
    m_used.insert(symbol);
    return p;
}

QList<TokenProfile> TokenCatalog::initialTokens()
{
    QList<TokenProfile> tokens;
    for (const Seed &s : kInitial) {
        const double price = s.price * m_rng.uniform(0.75, 1.35);
        const double liquidity = s.liquidityUsd * m_rng.uniform(0.8, 1.25);
        tokens.append(makeProfile(QString::fromLatin1(s.symbol), price, liquidity, false));
    }
    return tokens;
}

TokenProfile TokenCatalog::nextLaunch()
{
    QString symbol;
    for (int attempt = 0; attempt < 1000; ++attempt) {
        symbol = QString::fromLatin1(kLaunchHeads[m_rng.uniformInt(0, int(kLaunchHeads.size()) - 1)])
            + QString::fromLatin1(kLaunchTails[m_rng.uniformInt(0, int(kLaunchTails.size()) - 1)]);
        if (symbol.size() <= 11 && !m_used.contains(symbol))
            break;
    }
    while (m_used.contains(symbol)) // the name space ran out: number the clones
        symbol += QString::number(m_rng.uniformInt(0, 9));
    // Log-uniform 1e-8..1e-4: fresh memes launch with huge supplies.
    const double price = detmath::exp(m_rng.uniform(detmath::ln(1e-8), detmath::ln(1e-4)));
    const double liquidity = m_rng.uniform(30'000, 160'000);
    return makeProfile(symbol, price, liquidity, true);
}

} // namespace adapters::demo
