#include "app/quitsignals.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>

#ifdef Q_OS_UNIX
#include <QSocketNotifier>

#include <fcntl.h>
#include <unistd.h>
#endif

namespace app {

namespace {
std::atomic<bool> g_requested{false};
std::atomic<int> g_signal{0};
std::atomic<bool> g_installed{false};
#ifdef Q_OS_UNIX
int g_pipe[2] = {-1, -1};
#endif

extern "C" void onQuitSignal(int sig)
{
    // A second signal while the first is being handled (a shutdown that hangs): let it kill us.
    if (g_requested.exchange(true)) {
        std::signal(sig, SIG_DFL);
        std::raise(sig);
        return;
    }
    g_signal.store(sig);
#ifdef Q_OS_UNIX
    const int savedErrno = errno; // the interrupted code may be looking at errno
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_pipe[1], &byte, 1);
    errno = savedErrno;
#endif
}
} // namespace

void QuitSignals::install()
{
    if (g_installed.exchange(true))
        return;
#ifdef Q_OS_UNIX
    if (::pipe(g_pipe) == 0) {
        for (int fd : g_pipe) {
            ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
            ::fcntl(fd, F_SETFD, FD_CLOEXEC);
        }
    }
    struct sigaction action = {};
    action.sa_handler = onQuitSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int sig : {SIGINT, SIGTERM, SIGHUP})
        ::sigaction(sig, &action, nullptr);
#else
    std::signal(SIGINT, onQuitSignal);
    std::signal(SIGTERM, onQuitSignal);
#ifdef SIGBREAK
    std::signal(SIGBREAK, onQuitSignal);
#endif
#endif
}

bool QuitSignals::requested() { return g_requested.load(); }

int QuitSignals::lastSignal() { return g_signal.load(); }

QuitSignals::QuitSignals(QObject *parent)
    : QObject(parent)
{
    install();
#ifdef Q_OS_UNIX
    if (g_pipe[0] >= 0) {
        auto *notifier = new QSocketNotifier(g_pipe[0], QSocketNotifier::Read, this);
        connect(notifier, &QSocketNotifier::activated, this, &QuitSignals::onActivated);
    }
#else
    // No pipe to wake the loop: look at the flag often enough to stop within a second.
    auto *poll = new QTimer(this);
    connect(poll, &QTimer::timeout, this, [this] {
        if (g_requested.load())
            onActivated();
    });
    poll->start(100);
#endif
    // A signal that came during start-up is acted on as soon as the loop runs.
    if (g_requested.load())
        QTimer::singleShot(0, this, &QuitSignals::onActivated);
}

QuitSignals::~QuitSignals() = default;

void QuitSignals::onActivated()
{
#ifdef Q_OS_UNIX
    char buffer[64];
    while (::read(g_pipe[0], buffer, sizeof buffer) > 0) {
    }
#endif
    Q_EMIT quitRequested(g_signal.load());
    QCoreApplication::quit();
}

void QuitSignals::quitAfter(qint64 seconds, QObject *context)
{
    if (seconds <= 0)
        return;
    // QTimer takes an int of milliseconds (24.8 days at most): re-arm until the deadline.
    const QDeadlineTimer deadline(seconds * 1000);
    auto *timer = new QTimer(context);
    timer->setSingleShot(true);
    auto arm = [timer, deadline] {
        const qint64 left = deadline.remainingTime();
        if (left <= 0) {
            QCoreApplication::quit();
            return;
        }
        timer->start(int(std::min<qint64>(left, 24LL * 3600 * 1000)));
    };
    QObject::connect(timer, &QTimer::timeout, timer, arm);
    arm();
}

} // namespace app
