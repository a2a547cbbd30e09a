#include "app/appoptions.h"

#include "engine/api/botapi.h"
#include "engine/core/version.h"

#include <QCommandLineParser>
#include <QtGlobal>

#include <cmath>
#include <utility>

namespace app {

namespace {

struct ApiCommandLine {
    QCommandLineOption api{QStringLiteral("api"),
                           QStringLiteral("Serve the REST API and WebSocket events (off by default; see docs/rest-api.md).")};
    QCommandLineOption port{QStringLiteral("api-port"), QStringLiteral("API port (default 8787)."), QStringLiteral("N")};
    QCommandLineOption bind{QStringLiteral("api-bind"),
                            QStringLiteral("API address (default 127.0.0.1). Another address needs TLS or --api-insecure."),
                            QStringLiteral("ADDRESS")};
    QCommandLineOption insecure{QStringLiteral("api-insecure"),
                                QStringLiteral("Allow plain HTTP on a non-loopback address (a network that is yours alone).")};
    QCommandLineOption cert{QStringLiteral("api-tls-cert"), QStringLiteral("PEM certificate (chain) for HTTPS."), QStringLiteral("FILE")};
    QCommandLineOption key{QStringLiteral("api-tls-key"), QStringLiteral("PEM private key for HTTPS."), QStringLiteral("FILE")};
    QCommandLineOption cors{QStringLiteral("api-cors-origin"),
                            QStringLiteral("A browser origin allowed to call the API (repeatable; none by default)."),
                            QStringLiteral("ORIGIN")};
    QCommandLineOption rate{QStringLiteral("api-rate-limit"),
                            QStringLiteral("Requests a minute per client address and per user (default 600; 0 = no limit)."),
                            QStringLiteral("N")};

    [[nodiscard]] QList<QCommandLineOption> all() const { return {api, port, bind, insecure, cert, key, cors, rate}; }

    //! Fills `out`; an error message, or empty.
    QString read(const QCommandLineParser &p, adapters::rest::ApiOptions &out) const
    {
        out.enabled = p.isSet(api);
        for (const QCommandLineOption &option : all()) {
            if (!out.enabled && option.names() != api.names() && p.isSet(option.names().constFirst()))
                return QStringLiteral("--%1 only goes with --api").arg(option.names().constFirst());
        }
        if (!out.enabled)
            return {};
        bool ok = true;
        if (p.isSet(port)) {
            const int value = p.value(port).toInt(&ok);
            if (!ok || value < 1 || value > 65535)
                return QStringLiteral("--api-port must be 1..65535");
            out.port = quint16(value);
        }
        if (p.isSet(bind))
            out.bindAddress = p.value(bind).trimmed();
        out.allowInsecureRemote = p.isSet(insecure);
        out.tlsCertificate = p.value(cert);
        out.tlsPrivateKey = p.value(key);
        out.corsOrigins = p.values(cors);
        if (p.isSet(rate)) {
            const int value = p.value(rate).toInt(&ok);
            if (!ok || value < 0 || value > 1'000'000)
                return QStringLiteral("--api-rate-limit must be 0..1000000 requests a minute");
            out.clientPerMinute = out.userPerMinute = value;
            out.clientBurst = out.userBurst = std::max(1, value / 5);
        }
        const QStringList problems = out.validate();
        return problems.isEmpty() ? QString() : problems.join(QStringLiteral("\n"));
    }
};

} // namespace

ParseResult parseCommandLine(const QStringList &arguments)
{
    ParseResult r;
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Memedesk — native terminal for automated meme-coin trading.\n"
        "Starts on an embedded simulated meme market (demo) with paper money; no keys needed."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")}, QStringLiteral("Show the version."));
    const QCommandLineOption headless(QStringLiteral("headless"),
                                      QStringLiteral("Run without a window and print a status line every few seconds."));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("Keep database and logs in DIR (isolated runs)."), QStringLiteral("DIR"));
    const QCommandLineOption seed(QStringLiteral("demo-seed"), QStringLiteral("Seed of the simulated market (default 42)."),
                                  QStringLiteral("N"));
    const QCommandLineOption speed(QStringLiteral("speed"), QStringLiteral("Demo market speed, 1 to 100 (default 10)."),
                                   QStringLiteral("X"));
    const QCommandLineOption interval(QStringLiteral("status-interval"),
                                      QStringLiteral("Seconds between headless status lines (default 5)."), QStringLiteral("S"));
    const QCommandLineOption exitAfter(QStringLiteral("exit-after"),
                                       QStringLiteral("Quit cleanly after S seconds (0 = never)."), QStringLiteral("S"));
    const QCommandLineOption noAutostart(QStringLiteral("no-autostart"),
                                         QStringLiteral("Do not start trading the demo market until Start is pressed."));
    const QCommandLineOption mode(QStringLiteral("mode"),
                                  QStringLiteral("Trading mode: demo (default), dry-run (a venue's market data, paper "
                                                 "fills) or live (real orders; needs --confirm-live without a window)."),
                                  QStringLiteral("MODE"));
    const QCommandLineOption confirmLive(QStringLiteral("confirm-live"),
                                         QStringLiteral("Confirm live trading with real money (headless)."));
    const QCommandLineOption language(QStringLiteral("language"), QStringLiteral("User interface language: en or zh_CN."),
                                      QStringLiteral("LANG"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Save a picture of the window to FILE (PNG) when the app quits; with "
                                                       "--exit-after S, a picture after S seconds."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption symbols(QStringLiteral("symbols"),
                                     QStringLiteral("Symbols a real venue watches and trades, comma-separated "
                                                    "(default: the USDT meme pairs DOGE, SHIB, PEPE, FLOKI, BONK, WIF)."),
                                     QStringLiteral("LIST"));
    const QCommandLineOption binanceRest(QStringLiteral("binance-rest-url"),
                                         QStringLiteral("Binance REST base (default https://api.binance.com; testnet "
                                                        "https://testnet.binance.vision)."),
                                         QStringLiteral("URL"));
    const QCommandLineOption binanceStream(QStringLiteral("binance-stream-url"),
                                           QStringLiteral("Binance combined market streams (default "
                                                          "wss://stream.binance.com:9443/stream)."),
                                           QStringLiteral("URL"));
    const QCommandLineOption binanceWsApi(QStringLiteral("binance-ws-api-url"),
                                          QStringLiteral("Binance WebSocket API, for the account's user data (default "
                                                         "wss://ws-api.binance.com:443/ws-api/v3)."),
                                          QStringLiteral("URL"));
    p.addOptions({help, version, headless, dataDir, seed, speed, interval, exitAfter, noAutostart, mode, confirmLive,
                  language, symbols, binanceRest, binanceStream, binanceWsApi, screenshot});
    const ApiCommandLine apiOptions;
    p.addOptions(apiOptions.all());

    auto fail = [&](const QString &msg) {
        r.exit = true;
        r.exitCode = 2;
        r.message = msg + QStringLiteral("\nTry --help.");
        return r;
    };
    if (!p.parse(arguments))
        return fail(p.errorText());
    if (p.isSet(help)) {
        r.exit = true;
        r.message = p.helpText();
        return r;
    }
    if (p.isSet(version)) {
        r.exit = true;
        r.message = QStringLiteral("memedesk %1").arg(QString::fromLatin1(engine::version()));
        return r;
    }
    if (!p.positionalArguments().isEmpty())
        return fail(QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments().first()));
    AppOptions &o = r.options;
    o.headless = p.isSet(headless);
    o.dataDir = p.value(dataDir);
    if (p.isSet(dataDir) && o.dataDir.trimmed().isEmpty())
        return fail(QStringLiteral("--data-dir needs a folder"));
    o.autostart = !p.isSet(noAutostart);
    o.language = p.value(language);
    o.confirmLive = p.isSet(confirmLive);
    o.screenshotPath = p.value(screenshot);
    if (p.isSet(screenshot) && !o.screenshotPath.endsWith(QLatin1String(".png"), Qt::CaseInsensitive))
        return fail(QStringLiteral("--screenshot needs a .png file name"));
    if (p.isSet(mode) && !engine::parseTradingMode(p.value(mode), o.mode))
        return fail(QStringLiteral("--mode must be demo, dry-run or live"));
    if (o.confirmLive && o.mode != engine::TradingMode::Live)
        return fail(QStringLiteral("--confirm-live only goes with --mode live"));
    if (!o.language.isEmpty() && o.language != QLatin1String("en") && o.language != QLatin1String("zh_CN"))
        return fail(QStringLiteral("--language must be en or zh_CN"));
    bool ok = true;
    if (p.isSet(seed)) {
        o.demoSeed = p.value(seed).toULongLong(&ok);
        if (!ok)
            return fail(QStringLiteral("--demo-seed must be a whole number from 0 to 18446744073709551615"));
        o.seedGiven = true;
    }
    if (p.isSet(speed)) {
        o.speed = p.value(speed).toDouble(&ok);
        if (!ok || !std::isfinite(o.speed) || !(o.speed >= 1.0 && o.speed <= 100.0))
            return fail(QStringLiteral("--speed must be a number from 1 to 100"));
    }
    if (p.isSet(interval)) {
        o.statusIntervalSec = p.value(interval).toInt(&ok);
        if (!ok || o.statusIntervalSec < 1 || o.statusIntervalSec > 3600)
            return fail(QStringLiteral("--status-interval must be 1..3600 seconds"));
    }
    if (p.isSet(exitAfter)) {
        o.exitAfterSec = p.value(exitAfter).toLongLong(&ok);
        if (!ok || o.exitAfterSec < 0 || o.exitAfterSec > kMaxExitAfterSec)
            return fail(QStringLiteral("--exit-after must be a whole number of seconds from 0 to %1 (a year)")
                            .arg(kMaxExitAfterSec));
    }
    // Venue settings are checked by the same rules as the ones Trading Config saves.
    const std::pair<const QCommandLineOption *, const char *> venueOptions[] = {
        {&binanceRest, "binance.rest_url"}, {&binanceStream, "binance.stream_url"}, {&binanceWsApi, "binance.ws_api_url"},
        {&symbols, "symbols"}};
    for (const auto &[option, key] : venueOptions) {
        if (!p.isSet(*option))
            continue;
        QString value = p.value(*option).trimmed();
        if (option == &symbols) {
            QStringList list;
            for (const QString &sym : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
                list << sym.trimmed().toUpper();
            if (list.isEmpty())
                return fail(QStringLiteral("--symbols needs at least one symbol"));
            value = list.join(QLatin1Char(','));
        } else if (value.isEmpty()) {
            return fail(QStringLiteral("--%1 needs an address").arg(option->names().constFirst()));
        }
        const QStringList problems = engine::validateVenueSettings({{QLatin1String(key), value}});
        if (!problems.isEmpty())
            return fail(QStringLiteral("--%1: %2").arg(option->names().constFirst(), problems.join(QStringLiteral("; "))));
        o.venueSettings.insert(QLatin1String(key), value);
    }
    if (const QString problem = apiOptions.read(p, o.api); !problem.isEmpty())
        return fail(problem);
    if (const QByteArray svc = qgetenv("MEMEDESK_KEYCHAIN_SERVICE"); !svc.isEmpty())
        o.keychainService = QString::fromUtf8(svc); // tests isolate their keychain entries
    return r;
}

bool noDisplayAvailable()
{
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    return qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
#else
    return false;
#endif
}

} // namespace app
