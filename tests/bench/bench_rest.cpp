#include "tests/bench/bench_rest.h"

#include "app/apiservice.h"
#include "app/appcontext.h"
#include "tests/support/apiclient.h"
#include "tests/support/memorysecretstore.h"

#include "adapters/rest/userstore.h"
#include "engine/api/botapi.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

namespace {

struct EngineRate {
    double eventsPerSec = 0;
    double simSecondsPerSec = 0;
};

//! Engine events delivered to a subscriber, and the demo clock's advance, over `ms` of wall time.
EngineRate measureEngine(engine::BotApi &api, int ms, const std::function<void()> &during = {})
{
    QObject context;
    qint64 events = 0;
    const auto handler = api.handleEvents(&context, [&events](const engine::BotEvent &) { ++events; });
    const qint64 clockBefore = api.status().clockMs;
    QElapsedTimer t;
    t.start();
    if (during)
        during();
    QEventLoop loop;
    QTimer::singleShot(std::max<qint64>(0, ms - t.elapsed()), &loop, &QEventLoop::quit);
    loop.exec();
    const double seconds = double(t.elapsed()) / 1000.0;
    return {double(events) / seconds, double(api.status().clockMs - clockBefore) / 1000.0 / seconds};
}

double millis(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^([0-9.]+)(us|ms|s)$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return -1;
    const double v = m.captured(1).toDouble();
    return m.captured(2) == QLatin1String("us") ? v / 1000.0 : m.captured(2) == QLatin1String("s") ? v * 1000.0 : v;
}

} // namespace

QJsonObject benchRest(int seconds)
{
    const QString wrk = QStandardPaths::findExecutable(QStringLiteral("wrk"));
    if (wrk.isEmpty())
        return {{QStringLiteral("skipped"), QStringLiteral("wrk is not installed (scripts/test installs it)")}};
    QTemporaryDir dir;
    const QString password = QStringLiteral("bench password 1");
    {
        adapters::rest::UserStore users(dir.filePath(QLatin1String(adapters::rest::UserStore::kFileName)));
        if (!users.open() || !users.addUser(QStringLiteral("bench"), QStringLiteral("viewer"), password, QDateTime::currentMSecsSinceEpoch()))
            return {{QStringLiteral("error"), QStringLiteral("cannot create the bench user")}};
    }
    app::AppOptions options;
    options.headless = true;
    options.dataDir = dir.path();
    options.seedGiven = true;
    options.speed = 100;
    options.keychainService = QStringLiteral("memedesk-bench");
    app::AppContext ctx(options);
    if (const engine::Result<void> started = ctx.initialize(); !started)
        return {{QStringLiteral("error"), started.error().message}};
    ctx.run();
    QElapsedTimer wait;
    wait.start();
    while (ctx.api().status().engineState != engine::EngineState::Running && wait.elapsed() < 30000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);

    adapters::rest::ApiOptions apiOptions;
    apiOptions.enabled = true;
    apiOptions.port = 0;
    apiOptions.clientPerMinute = apiOptions.userPerMinute = 0; // measure the server, not the limiter
    testsupport::MemorySecretStore secrets;
    app::ApiService api;
    if (const engine::Result<void> started = api.start(apiOptions, ctx.api(), secrets, dir.path()); !started)
        return {{QStringLiteral("error"), started.error().message}};
    testsupport::ApiClient client(api.url());
    const QString token = client.login(QStringLiteral("bench"), password);
    const QString url = api.url() + QStringLiteral("/api/v1/trading/status");
    if (client.get(QStringLiteral("/api/v1/trading/status"), token).status != 200)
        return {{QStringLiteral("error"), QStringLiteral("the authenticated status request failed")}};

    const EngineRate idle = measureEngine(ctx.api(), seconds * 1000);
    QProcess load;
    QString output;
    const int connections = 16;
    const EngineRate loaded = measureEngine(ctx.api(), seconds * 1000, [&] {
        load.start(wrk, {QStringLiteral("-t1"), QStringLiteral("-c%1").arg(connections), QStringLiteral("-d%1s").arg(seconds), QStringLiteral("--latency"),
                         QStringLiteral("-H"), QStringLiteral("Authorization: Bearer ") + token, url});
    });
    load.waitForFinished(seconds * 1000 + 30000);
    output = QString::fromUtf8(load.readAllStandardOutput());
    api.stop();
    ctx.shutdown();

    QJsonObject result{{QStringLiteral("route"), QStringLiteral("GET /api/v1/trading/status (Bearer JWT, keep-alive)")},
                       {QStringLiteral("load_generator"), QStringLiteral("wrk -t1 -c%1 -d%2s").arg(connections).arg(seconds)}};
    static const QRegularExpression rps(QStringLiteral("Requests/sec:\\s+([0-9.]+)"));
    static const QRegularExpression total(QStringLiteral("([0-9]+) requests in"));
    static const QRegularExpression errors(QStringLiteral("Non-2xx or 3xx responses:\\s+([0-9]+)"));
    result.insert(QStringLiteral("requests_per_sec"), rps.match(output).captured(1).toDouble());
    result.insert(QStringLiteral("requests"), total.match(output).captured(1).toLongLong());
    result.insert(QStringLiteral("non_2xx"), errors.match(output).hasMatch() ? errors.match(output).captured(1).toLongLong() : 0);
    for (const char *p : {"50", "90", "99"}) {
        const QRegularExpression line(QStringLiteral("\\s%1%\\s+(\\S+)").arg(QLatin1String(p)));
        result.insert(QStringLiteral("latency_p%1_ms").arg(QLatin1String(p)), millis(line.match(output).captured(1)));
    }
    result.insert(QStringLiteral("engine_events_per_sec_idle"), idle.eventsPerSec);
    result.insert(QStringLiteral("engine_events_per_sec_under_load"), loaded.eventsPerSec);
    result.insert(QStringLiteral("demo_sim_seconds_per_sec_idle"), idle.simSecondsPerSec);
    result.insert(QStringLiteral("demo_sim_seconds_per_sec_under_load"), loaded.simSecondsPerSec);
    return result;
}
