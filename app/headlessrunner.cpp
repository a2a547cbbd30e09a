#include "app/headlessrunner.h"

#include "engine/core/version.h"

#include <QCoreApplication>
#include <QDateTime>

#include <cstdio>

namespace app {

namespace {
QString signedMoney(engine::Decimal d)
{
    return (d.isNegative() ? QString() : QStringLiteral("+")) + d.toString(2);
}
} // namespace

HeadlessRunner::HeadlessRunner(engine::BotApi &api, int intervalSec, QObject *parent)
    : QObject(parent), m_api(api), m_intervalSec(intervalSec)
{
}

HeadlessRunner::~HeadlessRunner() = default;

void HeadlessRunner::start()
{
    connect(&m_statusTimer, &QTimer::timeout, this, &HeadlessRunner::printStatus);
    m_statusTimer.start(m_intervalSec * 1000);
    // Risk denials and errors are worth a line of their own.
    m_events = m_api.handleEvents(this, [](const engine::BotEvent &ev) {
        if (const auto *d = std::get_if<engine::RiskDenial>(&ev)) {
            fprintf(stdout, "risk: denied %s %s: %s [%s]\n", qPrintable(engine::toString(d->request.side)),
                    qPrintable(d->request.symbol), qPrintable(d->reason), qPrintable(d->denial.toLogString()));
            fflush(stdout);
        } else if (const auto *l = std::get_if<engine::LogEntry>(&ev); l && l->level == engine::LogEntry::Level::Error) {
            fprintf(stdout, "error: %s\n", qPrintable(l->message));
            fflush(stdout);
        }
    });
    fprintf(stdout, "memedesk %s headless — Ctrl-C to stop\n", engine::version());
    fflush(stdout);
}

void HeadlessRunner::announceStop(int signal)
{
    fprintf(stdout, "stopping (signal %d)…\n", signal);
    fflush(stdout);
}

QString HeadlessRunner::statusLine() const
{
    const engine::BotStatus s = m_api.status();
    QString line = QStringLiteral("[%1] %2 %3 | equity %4 USDT (%5) today %6 | ")
                       .arg(QDateTime::fromMSecsSinceEpoch(s.clockMs).toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                            engine::toString(s.engineState), engine::toString(s.tradingState), s.equity.toString(2),
                            signedMoney(s.equity - s.startingEquity), signedMoney(s.pnlToday));
    const QList<engine::Position> positions = m_api.positions();
    line += QStringLiteral("positions %1").arg(positions.size());
    QStringList pos;
    for (const engine::Position &p : positions)
        pos << QStringLiteral("%1 %2 (%3)").arg(p.symbol, p.qty.toString(), signedMoney(p.unrealizedPnl()));
    if (!pos.isEmpty())
        line += QStringLiteral(": ") + pos.join(QStringLiteral(", "));
    line += QStringLiteral(" | fills %1").arg(s.fillCount);
    const QList<engine::Fill> fills = m_api.recentFills(3);
    QStringList fl;
    for (const engine::Fill &f : fills)
        fl << QStringLiteral("%1 %2 %3 @ %4").arg(engine::toString(f.side), f.qty.toString(), f.symbol, f.price.toString());
    if (!fl.isEmpty())
        line += QStringLiteral(", last: ") + fl.join(QStringLiteral("; "));
    QStringList sig;
    for (const engine::Signal &sg : m_api.recentSignals(40)) {
        if (sg.action != QLatin1String("HOLD") && sig.size() < 3)
            sig << QStringLiteral("%1 %2 %3").arg(sg.symbol, sg.action).arg(sg.score, 0, 'f', 2);
    }
    if (!sig.isEmpty())
        line += QStringLiteral(" | signals: ") + sig.join(QStringLiteral(", "));
    if (!s.haltReason.isEmpty())
        line += QStringLiteral(" | halted: ") + s.haltReason;
    return line;
}

void HeadlessRunner::printStatus()
{
    fprintf(stdout, "%s\n", qPrintable(statusLine()));
    fflush(stdout);
}

} // namespace app
