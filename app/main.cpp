// memedesk: desktop app by default, headless status output without a display.
#include "app/appcontext.h"
#include "app/appoptions.h"
#include "app/backtestcommand.h"
#include "app/headlessrunner.h"
#include "app/instancechannel.h"
#include "app/journalcommand.h"
#include "app/evaluatecommand.h"
#include "app/optimizecommand.h"
#include "app/usercommand.h"
#include "app/quitsignals.h"
#include "app/secretscommand.h"

#include "engine/core/version.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <memory>

#ifdef MEMEDESK_HAS_GUI
#include "ui/crashnotice.h"
#include "ui/language.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QIcon>
#include <QMessageBox>
#endif

namespace {

QStringList argumentsOf(int argc, char **argv)
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    return args;
}

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Memedesk"));
    QCoreApplication::setApplicationName(QStringLiteral("memedesk"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(engine::version()));
}

//! For the crash-report test only: MEMEDESK_CRASH_TEST=segv or abort makes the app die of that
//! signal a moment after it started, as a real crash would.
void armCrashTest()
{
    const QByteArray kind = qgetenv("MEMEDESK_CRASH_TEST");
    if (kind.isEmpty())
        return;
    QTimer::singleShot(1500, [kind] {
        if (kind == "abort")
            std::abort();
        std::raise(SIGSEGV);
    });
}

int runHeadless(int argc, char **argv, const app::AppOptions &options)
{
    QCoreApplication qapp(argc, argv);
    setIdentity();
    app::QuitSignals quitSignals;
    app::AppContext context(options);
    if (const engine::Result<void> started = context.initialize(); !started) {
        fprintf(stderr, "memedesk: %s\n", qPrintable(started.error().message));
        return 1;
    }
    if (options.api.enabled) {
        const engine::Result<QString> api = context.startApi(options.api);
        if (!api) {
            fprintf(stderr, "memedesk: %s\n", qPrintable(api.error().message));
            context.shutdown();
            return 1;
        }
        fprintf(stdout, "%s\n", qPrintable(api.value()));
        fflush(stdout);
    }
    for (const QString &report : context.unseenCrashReports())
        fprintf(stdout, "memedesk stopped unexpectedly last time; its crash report: %s\n", qPrintable(report));
    app::HeadlessRunner runner(context.api(), options.statusIntervalSec);
    QObject::connect(&quitSignals, &app::QuitSignals::quitRequested, &runner, &app::HeadlessRunner::announceStop);
    runner.start();
    app::QuitSignals::quitAfter(options.exitAfterSec, &qapp);
    int rc = 0;
    // A signal during start-up: stop now, without entering the event loop.
    if (!app::QuitSignals::requested()) {
        context.run();
        armCrashTest();
        if (!options.autostart)
            fprintf(stdout, "autostart is off: trading stays stopped in headless mode\n");
        rc = qapp.exec();
    } else {
        runner.announceStop(app::QuitSignals::lastSignal());
    }
    context.shutdown();
    fprintf(stdout, "stopped\n");
    return rc;
}

#ifdef MEMEDESK_HAS_GUI
int runDesktop(int argc, char **argv, const app::AppOptions &options)
{
    QApplication qapp(argc, argv);
    setIdentity();
    QIcon icon;
    for (const char *size : {"16x16", "32x32", "64x64", "128x128", "256x256"})
        icon.addFile(QStringLiteral(":/icons/%1/memedesk.png").arg(QLatin1String(size)));
    QApplication::setWindowIcon(icon);
    QGuiApplication::setDesktopFileName(QStringLiteral("memedesk")); // ties the window to memedesk.desktop
    app::QuitSignals quitSignals;
    ui::applyLanguage(options.language.isEmpty() ? ui::savedLanguage() : options.language);
    app::AppContext context(options);
    if (const engine::Result<void> started = context.initialize(); !started) {
        const QString error = started.error().message;
        if (started.error().is(engine::errors::kDataDirInUse)) {
            // Offer what the user most likely wants: the window that is already open.
            const auto answer = QMessageBox::question(
                nullptr, QStringLiteral("Memedesk"),
                error + QStringLiteral("\n\n") + QObject::tr("Show the running Memedesk window?"),
                QMessageBox::Yes | QMessageBox::Close, QMessageBox::Yes);
            if (answer == QMessageBox::Yes && !app::InstanceChannel::askToShow(context.dataDir()))
                QMessageBox::information(nullptr, QStringLiteral("Memedesk"),
                                         QObject::tr("The running Memedesk did not answer; it may be running headless."));
        } else {
            QMessageBox::critical(nullptr, QStringLiteral("Memedesk"), error);
        }
        fprintf(stderr, "memedesk: %s\n", qPrintable(error));
        return 1;
    }
    if (options.api.enabled) {
        const engine::Result<QString> api = context.startApi(options.api);
        if (!api)
            QMessageBox::warning(nullptr, QStringLiteral("Memedesk"), QObject::tr("The remote API did not start: %1").arg(api.error().message));
        fprintf(api ? stdout : stderr, "%s\n", qPrintable(api ? api.value() : api.error().message));
    }
    ui::MainWindow window(context.api());
    ui::offerCrashReport(context.unseenCrashReports(), &window);
    app::InstanceChannel channel;
    QObject::connect(&channel, &app::InstanceChannel::showRequested, &window, [&window] {
        window.showNormal();
        window.raise();
        window.activateWindow();
    });
    channel.listen(context.dataDir());
    app::QuitSignals::quitAfter(options.exitAfterSec, &qapp);
    if (!options.screenshotPath.isEmpty()) {
        QObject::connect(&qapp, &QCoreApplication::aboutToQuit, &window, [&window, &options] {
            if (!window.grab().save(options.screenshotPath))
                fprintf(stderr, "memedesk: cannot write the screenshot %s\n", qPrintable(options.screenshotPath));
        });
    }
    int rc = 0;
    if (!app::QuitSignals::requested()) {
        window.show();
        context.run();
        armCrashTest();
        rc = qapp.exec();
    }
    context.shutdown();
    return rc;
}
#endif

} // namespace

int main(int argc, char **argv)
{
    const QStringList arguments = argumentsOf(argc, argv);
    // Subcommands run without the app's engine: a console application, then the command.
    static const std::pair<const char *, int (*)(const QStringList &)> kCommands[] = {
        {"journal", app::runJournalCommand},   {"backtest", app::runBacktestCommand}, {"optimize", app::runOptimizeCommand},
        {"evaluate", app::runEvaluateCommand}, {"user", app::runUserCommand},         {"secrets", app::runSecretsCommand},
    };
    for (const auto &[name, run] : kCommands) {
        if (arguments.size() > 1 && arguments.at(1) == QLatin1String(name)) {
            QCoreApplication qapp(argc, argv);
            setIdentity();
            return run(arguments);
        }
    }
    // Before anything slow of the app itself: a SIGTERM/SIGINT/SIGHUP during start-up must still end
    // in a clean stop. (The journal and secrets commands keep the default: Ctrl-C ends them at once.)
    app::QuitSignals::install();
    const app::ParseResult parsed = app::parseCommandLine(arguments);
    if (parsed.exit) {
        fprintf(parsed.exitCode == 0 ? stdout : stderr, "%s\n", qPrintable(parsed.message));
        return parsed.exitCode;
    }
    app::AppOptions options = parsed.options;
#ifdef MEMEDESK_HAS_GUI
    if (!options.headless && app::noDisplayAvailable()) {
        fprintf(stdout, "no display found: running headless\n");
        options.headless = true;
    }
    if (!options.headless)
        return runDesktop(argc, argv, options);
#else
    options.headless = true;
#endif
    return runHeadless(argc, argv, options);
}
