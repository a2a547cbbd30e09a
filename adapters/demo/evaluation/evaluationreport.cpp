#include "adapters/demo/evaluation/evaluationreport.h"

#include <QJsonArray>

#include <array>
#include <cmath>
#include <functional>

namespace adapters::demo::evaluation {

namespace {

// Two-sided 95 % quantiles of Student's t for 1..30 degrees of freedom; 1.96 beyond.
constexpr std::array<double, 30> kT95{12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
                                      2.201,  2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
                                      2.080,  2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};

double rounded(double v, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    const double r = std::round(v * scale) / scale;
    return r == 0 ? 0 : r; // no "-0"
}

using Field = std::function<double(const AccountMetrics &)>;

const std::vector<std::pair<QString, Field>> &fields()
{
    static const std::vector<std::pair<QString, Field>> f{
        {QStringLiteral("pnl"), [](const AccountMetrics &m) { return m.pnl; }},
        {QStringLiteral("return_pct"), [](const AccountMetrics &m) { return m.returnPct; }},
        {QStringLiteral("sharpe"), [](const AccountMetrics &m) { return m.sharpe; }},
        {QStringLiteral("max_drawdown_pct"), [](const AccountMetrics &m) { return m.maxDrawdownPct; }},
        {QStringLiteral("trades"), [](const AccountMetrics &m) { return double(m.trades); }},
        {QStringLiteral("win_rate_pct"), [](const AccountMetrics &m) { return m.winRatePct; }},
        {QStringLiteral("exposure_pct"), [](const AccountMetrics &m) { return m.exposurePct; }},
    };
    return f;
}

//! The mean of the random draws of one seed, field by field.
AccountMetrics randomMean(const SeedResult &r)
{
    AccountMetrics m;
    if (r.random.empty())
        return m;
    const double n = double(r.random.size());
    double trades = 0;
    for (const AccountMetrics &d : r.random) {
        m.pnl += d.pnl / n;
        m.returnPct += d.returnPct / n;
        m.sharpe += d.sharpe / n;
        m.maxDrawdownPct += d.maxDrawdownPct / n;
        trades += d.trades / n;
        m.winRatePct += d.winRatePct / n;
        m.exposurePct += d.exposurePct / n;
    }
    m.trades = int(std::lround(trades));
    return m;
}

QJsonObject metricsJson(const AccountMetrics &m)
{
    QJsonObject o;
    for (const auto &[name, get] : fields())
        o.insert(name, rounded(get(m), 4));
    return o;
}

QJsonObject estimateJson(const Estimate &e)
{
    return {{QStringLiteral("mean"), rounded(e.mean, 4)},
            {QStringLiteral("ci95_low"), rounded(e.low, 4)},
            {QStringLiteral("ci95_high"), rounded(e.high, 4)}};
}

QJsonObject aggregateJson(const std::vector<AccountMetrics> &perSeed)
{
    QJsonObject o;
    for (const auto &[name, get] : fields()) {
        std::vector<double> v;
        for (const AccountMetrics &m : perSeed)
            v.push_back(get(m));
        o.insert(name, estimateJson(estimate(v)));
    }
    return o;
}

struct Columns {
    std::vector<AccountMetrics> strategy, random, hold;
};

Columns columns(const QList<SeedResult> &results)
{
    Columns c;
    for (const SeedResult &r : results) {
        c.strategy.push_back(r.strategy);
        c.random.push_back(randomMean(r));
        c.hold.push_back(r.buyAndHold);
    }
    return c;
}

std::vector<double> differences(const std::vector<AccountMetrics> &a, const std::vector<AccountMetrics> &b)
{
    std::vector<double> d;
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i)
        d.push_back(a[i].returnPct - b[i].returnPct);
    return d;
}

QJsonObject regimesJson(const QList<SeedResult> &results, int draws)
{
    QMap<QString, int> entries;
    QMap<QString, double> pnl, randomEntries, randomPnl;
    for (const SeedResult &r : results) {
        for (auto it = r.strategy.entriesByRegime.cbegin(); it != r.strategy.entriesByRegime.cend(); ++it)
            entries[it.key()] += it.value();
        for (auto it = r.strategy.pnlByRegime.cbegin(); it != r.strategy.pnlByRegime.cend(); ++it)
            pnl[it.key()] += it.value();
        // The random draws per draw: entries and PnL of all draws of the seed, divided by their number.
        QMap<QString, int> seedEntries;
        QMap<QString, double> seedPnl;
        for (const AccountMetrics &d : r.random) {
            for (auto it = d.entriesByRegime.cbegin(); it != d.entriesByRegime.cend(); ++it)
                seedEntries[it.key()] += it.value();
            for (auto it = d.pnlByRegime.cbegin(); it != d.pnlByRegime.cend(); ++it)
                seedPnl[it.key()] += it.value() / double(r.random.size());
        }
        for (auto it = seedEntries.cbegin(); it != seedEntries.cend(); ++it)
            randomEntries[it.key()] += double(it.value()) / std::max(1, draws);
        for (auto it = seedPnl.cbegin(); it != seedPnl.cend(); ++it)
            randomPnl[it.key()] += it.value();
    }
    QStringList names = entries.keys();
    for (const QString &k : randomEntries.keys()) {
        if (!names.contains(k))
            names.append(k);
    }
    names.sort();
    QJsonObject o;
    for (const QString &name : names) {
        o.insert(name, QJsonObject{{QStringLiteral("strategy_entries"), entries.value(name)},
                                   {QStringLiteral("strategy_pnl"), rounded(pnl.value(name), 2)},
                                   {QStringLiteral("random_entries"), rounded(randomEntries.value(name), 2)},
                                   {QStringLiteral("random_pnl"), rounded(randomPnl.value(name), 2)}});
    }
    return o;
}

} // namespace

Estimate estimate(const std::vector<double> &values)
{
    Estimate e;
    e.n = int(values.size());
    if (values.empty())
        return e;
    for (double v : values)
        e.mean += v;
    e.mean /= double(values.size());
    e.low = e.high = e.mean;
    if (values.size() < 2)
        return e;
    double var = 0;
    for (double v : values)
        var += (v - e.mean) * (v - e.mean);
    var /= double(values.size() - 1);
    const std::size_t df = values.size() - 1;
    const double t = df <= kT95.size() ? kT95[df - 1] : 1.96;
    const double half = t * std::sqrt(var / double(values.size()));
    e.low = e.mean - half;
    e.high = e.mean + half;
    return e;
}

QJsonObject evaluationToJson(const EvaluationSettings &s, const QList<SeedResult> &results)
{
    QJsonArray seeds;
    for (quint64 seed : s.seeds)
        seeds.append(QString::number(seed));
    QJsonArray perSeed;
    bool cancelled = false;
    for (const SeedResult &r : results) {
        cancelled = cancelled || r.cancelled;
        perSeed.append(QJsonObject{{QStringLiteral("seed"), QString::number(r.seed)},
                                   {QStringLiteral("strategy"), metricsJson(r.strategy)},
                                   {QStringLiteral("random_entries"), metricsJson(randomMean(r))},
                                   {QStringLiteral("buy_and_hold"), metricsJson(r.buyAndHold)}});
    }
    const Columns c = columns(results);
    return QJsonObject{
        {QStringLiteral("settings"),
         QJsonObject{{QStringLiteral("seeds"), seeds},
                     {QStringLiteral("hours"), s.hours},
                     {QStringLiteral("strategy"), s.strategy},
                     {QStringLiteral("config"), s.config.toJson()},
                     {QStringLiteral("latency_ms"), s.latencyMs},
                     {QStringLiteral("random_draws"), s.randomDraws},
                     {QStringLiteral("warm_up_minutes"), s.warmUpMinutes},
                     {QStringLiteral("market_start_ms"), s.startMs}}},
        {QStringLiteral("cancelled"), cancelled},
        {QStringLiteral("per_seed"), perSeed},
        {QStringLiteral("aggregate"),
         QJsonObject{{QStringLiteral("seeds"), int(results.size())},
                     {QStringLiteral("strategy"), aggregateJson(c.strategy)},
                     {QStringLiteral("random_entries"), aggregateJson(c.random)},
                     {QStringLiteral("buy_and_hold"), aggregateJson(c.hold)},
                     {QStringLiteral("return_pct_minus_random"), estimateJson(estimate(differences(c.strategy, c.random)))},
                     {QStringLiteral("return_pct_minus_buy_and_hold"), estimateJson(estimate(differences(c.strategy, c.hold)))}}},
        {QStringLiteral("by_regime"), regimesJson(results, s.randomDraws)},
    };
}

QString evaluationToText(const EvaluationSettings &s, const QList<SeedResult> &results)
{
    const Columns c = columns(results);
    const auto cell = [](const Estimate &e, int decimals) {
        return QStringLiteral("%1 [%2, %3]").arg(e.mean, 0, 'f', decimals).arg(e.low, 0, 'f', decimals).arg(e.high, 0, 'f', decimals);
    };
    QString out = QStringLiteral("%1 over %2 seeds x %3 h (95 % confidence intervals over seeds)\n\n")
                      .arg(s.strategy)
                      .arg(results.size())
                      .arg(s.hours);
    out += QStringLiteral("%1  %2  %3  %4\n").arg(QStringLiteral(""), -18).arg(QStringLiteral("strategy"), -30)
               .arg(QStringLiteral("random entries"), -30).arg(QStringLiteral("buy-and-hold"), -30);
    for (const auto &[name, get] : fields()) {
        std::vector<double> a, b, h;
        for (std::size_t i = 0; i < c.strategy.size(); ++i) {
            a.push_back(get(c.strategy[i]));
            b.push_back(get(c.random[i]));
            h.push_back(get(c.hold[i]));
        }
        out += QStringLiteral("%1  %2  %3  %4\n").arg(name, -18).arg(cell(estimate(a), 2), -30).arg(cell(estimate(b), 2), -30)
                   .arg(cell(estimate(h), 2), -30);
    }
    out += QStringLiteral("\nreturn % minus random entries: %1\nreturn % minus buy-and-hold:   %2\n")
               .arg(cell(estimate(differences(c.strategy, c.random)), 2), cell(estimate(differences(c.strategy, c.hold)), 2));
    const QJsonObject regimes = regimesJson(results, s.randomDraws);
    out += QStringLiteral("\nby ground-truth regime at entry (all seeds): strategy entries / PnL, random entries / PnL per draw\n");
    for (auto it = regimes.constBegin(); it != regimes.constEnd(); ++it) {
        const QJsonObject r = it.value().toObject();
        out += QStringLiteral("  %1 %2 / %3   %4 / %5\n")
                   .arg(it.key(), -14)
                   .arg(r[QStringLiteral("strategy_entries")].toInt(), 5)
                   .arg(r[QStringLiteral("strategy_pnl")].toDouble(), 10, 'f', 2)
                   .arg(r[QStringLiteral("random_entries")].toDouble(), 8, 'f', 1)
                   .arg(r[QStringLiteral("random_pnl")].toDouble(), 10, 'f', 2);
    }
    return out;
}

} // namespace adapters::demo::evaluation
