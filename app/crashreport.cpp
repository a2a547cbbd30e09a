#include "app/crashreport.h"

#include "engine/core/version.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <mutex>

#if defined(Q_OS_UNIX)
#include <csignal>
#include <fcntl.h>
#include <unistd.h>
#if defined(__GLIBC__) || defined(Q_OS_MACOS)
#include <execinfo.h>
#define MEMEDESK_HAS_BACKTRACE 1
#endif
#endif

namespace app::crash {

namespace {

// The last log lines, as one ring of bytes. Writers take the mutex; the signal handler only reads
// (a line being written at the moment of the crash may come out torn, which a report can live with).
constexpr size_t kRingBytes = 24 * 1024;
char g_ring[kRingBytes];
std::atomic<size_t> g_written{0}; // bytes ever written; the ring holds the last kRingBytes
std::mutex g_ringMutex;

// Everything the handler needs, made before any crash: it may not allocate.
char g_reportPath[4096];
char g_version[128];
bool g_installed = false;

const QString kSeenFile = QStringLiteral("shown.txt");

} // namespace

void remember(const std::string &line)
{
    std::lock_guard lock(g_ringMutex);
    size_t at = g_written.load(std::memory_order_relaxed);
    for (const char c : line + '\n')
        g_ring[at++ % kRingBytes] = c;
    g_written.store(at, std::memory_order_release);
}

QString reportDir(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("crash-reports"));
}

#if defined(Q_OS_UNIX)
namespace {

void put(int fd, const char *text)
{
    size_t left = strlen(text);
    while (left > 0) {
        const ssize_t n = ::write(fd, text, left);
        if (n <= 0)
            return;
        text += n;
        left -= size_t(n);
    }
}

void putNumber(int fd, long value)
{
    char digits[24];
    int i = sizeof digits - 1;
    digits[i] = '\0';
    const bool negative = value < 0;
    unsigned long v = negative ? 0UL - static_cast<unsigned long>(value) : static_cast<unsigned long>(value);
    do {
        digits[--i] = char('0' + v % 10);
        v /= 10;
    } while (v > 0 && i > 1);
    if (negative)
        digits[--i] = '-';
    put(fd, digits + i);
}

const char *signalName(int sig)
{
    switch (sig) {
    case SIGSEGV: return "SIGSEGV (invalid memory access)";
    case SIGBUS: return "SIGBUS (bus error)";
    case SIGFPE: return "SIGFPE (arithmetic error)";
    case SIGILL: return "SIGILL (illegal instruction)";
    case SIGABRT: return "SIGABRT (aborted)";
    default: return "fatal signal";
    }
}

void onFatalSignal(int sig)
{
    const int fd = ::open(g_reportPath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd >= 0) {
        put(fd, "Memedesk crash report\nversion: memedesk ");
        put(fd, g_version);
        put(fd, "\nsignal: ");
        putNumber(fd, sig);
        put(fd, " ");
        put(fd, signalName(sig));
        put(fd, "\nprocess: ");
        putNumber(fd, long(::getpid()));
        put(fd, "\n\nstack (innermost first):\n");
#if defined(MEMEDESK_HAS_BACKTRACE)
        void *frames[64];
        const int count = ::backtrace(frames, 64);
        ::backtrace_symbols_fd(frames, count, fd);
#else
        put(fd, "(not available on this platform)\n");
#endif
        put(fd, "\nlast log lines:\n");
        const size_t written = g_written.load(std::memory_order_acquire);
        if (written <= kRingBytes) {
            (void)::write(fd, g_ring, written);
        } else {
            // Oldest first, from the first whole line (the ring cut the oldest one in two).
            const size_t start = written % kRingBytes;
            size_t skip = 0;
            while (skip < kRingBytes && g_ring[(start + skip) % kRingBytes] != '\n')
                ++skip;
            const size_t from = skip + 1;
            if (from < kRingBytes) {
                const size_t first = (start + from) % kRingBytes;
                const size_t length = kRingBytes - from;
                const size_t chunk = std::min(length, kRingBytes - first);
                (void)::write(fd, g_ring + first, chunk);
                if (length > chunk)
                    (void)::write(fd, g_ring, length - chunk);
            }
        }
        put(fd, "\n");
        ::close(fd);
    }
    // The default action (a core dump where enabled), as if we had never been here.
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

} // namespace
#endif

void install(const QString &dataDir)
{
    const QString dir = reportDir(dataDir);
    QDir().mkpath(dir);
    const QString path = QDir(dir).filePath(QStringLiteral("crash-%1-%2.txt")
                                                .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss")))
                                                .arg(QCoreApplication::applicationPid()));
    const QByteArray local = QFile::encodeName(path);
    if (size_t(local.size()) >= sizeof g_reportPath)
        return;
    std::memcpy(g_reportPath, local.constData(), size_t(local.size()) + 1);
    std::strncpy(g_version, engine::version(), sizeof g_version - 1);
    if (g_installed)
        return;
    g_installed = true;
#if defined(Q_OS_UNIX)
#if defined(MEMEDESK_HAS_BACKTRACE)
    void *warm[1];
    (void)::backtrace(warm, 1); // loads the unwinder now, not inside the handler
#endif
    // Its own stack, so a stack overflow can still be reported.
    static char altStack[64 * 1024];
    stack_t ss{};
    ss.ss_sp = altStack;
    ss.ss_size = sizeof altStack;
    ::sigaltstack(&ss, nullptr);
    struct sigaction action {};
    action.sa_handler = onFatalSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_ONSTACK | SA_RESETHAND;
    for (const int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT})
        ::sigaction(sig, &action, nullptr);
#endif
}

QStringList takeUnseenReports(const QString &dataDir)
{
    const QDir dir(reportDir(dataDir));
    QFile seenFile(dir.filePath(kSeenFile));
    QStringList seen;
    if (seenFile.open(QIODevice::ReadOnly | QIODevice::Text))
        seen = QString::fromUtf8(seenFile.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    seenFile.close();
    QStringList unseen;
    for (const QString &name : dir.entryList({QStringLiteral("crash-*.txt")}, QDir::Files, QDir::Name)) {
        if (!seen.contains(name))
            unseen << dir.filePath(name);
    }
    if (!unseen.isEmpty() && seenFile.open(QIODevice::Append | QIODevice::Text)) {
        QTextStream out(&seenFile);
        for (const QString &path : unseen)
            out << QFileInfo(path).fileName() << '\n';
    }
    return unseen;
}

} // namespace app::crash
