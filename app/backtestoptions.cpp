#include "app/backtestoptions.h"

#include "app/binancebars.h"
#include "app/datadir.h"

#include "adapters/storage/journalbars.h"

#include "engine/backtest/barstrategies.h"
#include "engine/backtest/csvbarreader.h"
#include "engine/backtest/mergedbars.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QUrl>

#include <cstdio>
#include <limits>
#include <tuple>

namespace app {

namespace {

// An ISO 8601 time ("2023-05-12", "2023-05-12T22:00:00Z") or milliseconds since 1970.
std::optional<qint64> parseTime(const QString &text)
{
    bool ok = false;
    const qint64 ms = text.toLongLong(&ok);
    if (ok)
        return ms;
    QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid())
        return std::nullopt;
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeSpec(Qt::UTC); // a time without a zone is UTC, like the data
    return t.toMSecsSinceEpoch();
}

engine::Error usage(const QString &message) { return engine::Error{QStringLiteral("USAGE"), message}; }

} // namespace

void BacktestOptions::addTo(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("data"), QStringLiteral("CSV file: Memedesk OHLCV or Binance klines."), QStringLiteral("FILE")},
        {QStringLiteral("symbol"), QStringLiteral("Symbol to replay; repeat (or comma-separate) for several."), QStringLiteral("SYM")},
        {QStringLiteral("strategy"), QStringLiteral("Strategy: %1.").arg(engine::barStrategyNames().join(QStringLiteral(", "))),
         QStringLiteral("NAME")},
        {QStringLiteral("fee"), QStringLiteral("Fee as a fraction of the notional (default 0.001)."), QStringLiteral("F"),
         QStringLiteral("0.001")},
        {QStringLiteral("slippage"), QStringLiteral("Slippage as a fraction of the price (default 0)."), QStringLiteral("S"),
         QStringLiteral("0")},
        {QStringLiteral("capital"), QStringLiteral("Starting cash (default 10000)."), QStringLiteral("C"), QStringLiteral("10000")},
        {QStringLiteral("from"), QStringLiteral("First bar time (ISO 8601 UTC or ms)."), QStringLiteral("T")},
        {QStringLiteral("to"), QStringLiteral("Last bar time (ISO 8601 UTC or ms)."), QStringLiteral("T")},
        {QStringLiteral("json"), QStringLiteral("Print the result as JSON.")},
        {QStringLiteral("fill-model"), QStringLiteral("reference (next open +- slippage, default) or book (the paper venue's book walk)."),
         QStringLiteral("M"), QStringLiteral("reference")},
        {QStringLiteral("tick"), QStringLiteral("book: the price tick (default 0.0000000001)."), QStringLiteral("T")},
        {QStringLiteral("step"), QStringLiteral("book: the quantity step (default 0.00000001)."), QStringLiteral("S")},
        {QStringLiteral("min-notional"), QStringLiteral("book: the smallest order value (default 0)."), QStringLiteral("N")},
        {QStringLiteral("binance"), QStringLiteral("Bars from Binance instead of --data: what the local cache lacks is downloaded.")},
        {QStringLiteral("journal"), QStringLiteral("Bars from a recorded session instead of --data: the candles in the journal.")},
        {QStringLiteral("data-dir"), QStringLiteral("The data folder: its journal for --journal, where searches are kept (default: the app's)."),
         QStringLiteral("DIR")},
        {QStringLiteral("interval"), QStringLiteral("--binance: the kline interval (default 1h)."), QStringLiteral("I"), QStringLiteral("1h")},
        {QStringLiteral("cache"), QStringLiteral("--binance: the kline cache file (default: klines.sqlite in the data folder)."),
         QStringLiteral("FILE")},
        {QStringLiteral("binance-rest-url"), QStringLiteral("--binance: Binance's REST address (default https://api.binance.com)."),
         QStringLiteral("URL"), QStringLiteral("https://api.binance.com")},
    });
}

engine::Result<BacktestOptions> BacktestOptions::read(const QCommandLineParser &parser)
{
    BacktestOptions o;
    o.binance = parser.isSet(QStringLiteral("binance"));
    o.journal = parser.isSet(QStringLiteral("journal"));
    const int sources = int(parser.isSet(QStringLiteral("data"))) + int(o.binance) + int(o.journal);
    if (sources == 0 || !parser.isSet(QStringLiteral("symbol")) || !parser.isSet(QStringLiteral("strategy")))
        return usage(QStringLiteral("--data (or --binance, or --journal), --symbol and --strategy are needed (see --help)"));
    if (sources > 1)
        return usage(QStringLiteral("--data, --binance and --journal: one source of bars at a time"));
    o.dataDir = parser.value(QStringLiteral("data-dir"));
    if (o.binance && !parser.isSet(QStringLiteral("from")))
        return usage(QStringLiteral("--binance needs --from (what to download)"));
    o.interval = parser.value(QStringLiteral("interval"));
    o.cachePath = parser.isSet(QStringLiteral("cache")) ? parser.value(QStringLiteral("cache"))
                                                        : resolveDataDir(QString()) + QStringLiteral("/klines.sqlite");
    o.restUrl = parser.value(QStringLiteral("binance-rest-url"));
    o.dataPath = parser.value(QStringLiteral("data"));
    for (const QString &s : parser.values(QStringLiteral("symbol")))
        for (const QString &one : s.split(QLatin1Char(','), Qt::SkipEmptyParts))
            o.symbols << one.trimmed().toUpper();
    o.strategy = parser.value(QStringLiteral("strategy"));
    if (!engine::barStrategyNames().contains(o.strategy))
        return usage(QStringLiteral("no strategy '%1' (there are: %2)").arg(o.strategy, engine::barStrategyNames().join(QStringLiteral(", "))));
    const auto amount = [&](const char *name, engine::Decimal *out, bool fraction) -> std::optional<engine::Error> {
        const QString text = parser.value(QLatin1String(name));
        const auto v = engine::Decimal::parse(text);
        const bool ok = v && (fraction ? !v->isNegative() && *v < engine::Decimal::fromInt(1) : v->isPositive());
        if (!ok)
            return usage(QStringLiteral("--%1 '%2' is not %3").arg(QLatin1String(name), text,
                                                                   fraction ? QStringLiteral("a fraction from 0 to below 1")
                                                                            : QStringLiteral("an amount above 0")));
        *out = *v;
        return std::nullopt;
    };
    for (auto e : {amount("capital", &o.config.capital, false), amount("fee", &o.config.fee, true),
                   amount("slippage", &o.config.slippage, true)}) {
        if (e)
            return *e;
    }
    const QString model = parser.value(QStringLiteral("fill-model"));
    if (model != QLatin1String("reference") && model != QLatin1String("book"))
        return usage(QStringLiteral("--fill-model is reference or book, not '%1'").arg(model));
    o.config.fillModel = model == QLatin1String("book") ? engine::BacktestConfig::FillModel::OrderBook
                                                        : engine::BacktestConfig::FillModel::Reference;
    for (const auto &[name, target, positive] : {std::tuple{"tick", &o.config.book.tickSize, true},
                                                 std::tuple{"step", &o.config.book.stepSize, true},
                                                 std::tuple{"min-notional", &o.config.book.minNotional, false}}) {
        if (!parser.isSet(QLatin1String(name)))
            continue;
        const auto v = engine::Decimal::parse(parser.value(QLatin1String(name)));
        if (!v || v->isNegative() || (positive && !v->isPositive()))
            return usage(QStringLiteral("--%1 '%2' is not an amount%3").arg(QLatin1String(name), parser.value(QLatin1String(name)),
                                                                              positive ? QStringLiteral(" above 0") : QString()));
        *target = *v;
    }
    o.fromMs = std::numeric_limits<qint64>::min();
    o.toMs = std::numeric_limits<qint64>::max();
    for (const auto &[name, target] : {std::pair{"from", &o.fromMs}, std::pair{"to", &o.toMs}}) {
        if (!parser.isSet(QLatin1String(name)))
            continue;
        const auto t = parseTime(parser.value(QLatin1String(name)));
        if (!t)
            return usage(QStringLiteral("--%1 '%2' is not a time (use 2023-05-12T22:00:00Z)").arg(QLatin1String(name), parser.value(QLatin1String(name))));
        *target = *t;
    }
    o.json = parser.isSet(QStringLiteral("json"));
    return o;
}

engine::Result<std::unique_ptr<engine::BarSource>> BacktestOptions::openBars() const
{
    if (binance) {
        BinanceBarsRequest r;
        r.symbols = symbols;
        r.interval = interval;
        r.fromMs = fromMs;
        r.toMs = toMs == std::numeric_limits<qint64>::max() ? QDateTime::currentMSecsSinceEpoch() : toMs;
        r.cachePath = cachePath;
        r.restUrl = QUrl(restUrl);
        QDir().mkpath(QFileInfo(cachePath).absolutePath());
        return binanceBars(r, [](const QString &symbol, qint64 bars) {
            fprintf(stderr, "downloading %s: %lld bars\n", qPrintable(symbol), static_cast<long long>(bars));
        });
    }
    std::vector<std::unique_ptr<engine::BarSource>> sources;
    for (const QString &s : symbols) {
        if (journal) {
            engine::Result<std::unique_ptr<engine::BarSource>> recorded =
                adapters::storage::journalBars(journalPath(resolveDataDir(dataDir)), s, fromMs, toMs);
            if (!recorded)
                return recorded.error();
            sources.push_back(std::move(recorded.value()));
        } else {
            sources.push_back(std::make_unique<engine::CsvBarReader>(dataPath, s, fromMs, toMs));
        }
    }
    return std::unique_ptr<engine::BarSource>(std::make_unique<engine::MergedBars>(std::move(sources)));
}

int commandFailed(const char *command, int code, const QString &message)
{
    fprintf(stderr, "memedesk %s: %s\n", command, qPrintable(message));
    return code;
}

} // namespace app
