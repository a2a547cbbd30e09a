// memedesk: desktop app by default, headless status output without a display.
#include "appcontext.h"
#include "appoptions.h"
#include "headlessrunner.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTimer>

#include <cstdio>
#include <memory>

#ifdef MEMEDESK_HAS_GUI
#include "language.h"
#include "mainwindow.h"

#include <QApplication>
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
    QCoreApplication::setApplicationVersion(QStringLiteral(MEMEDESK_VERSION));
}

int runHeadless(int argc, char **argv, const app::AppOptions &options)
{
    QCoreApplication qapp(argc, argv);
    setIdentity();
    app::AppContext context(options);
    QString error;
    if (!context.initialize(&error)) {
        fprintf(stderr, "memedesk: %s\n", qPrintable(error));
        return 1;
    }
    app::HeadlessRunner runner(context.api(), options.statusIntervalSec, options.exitAfterSec);
    runner.start();
    context.run();
    if (!options.autostart)
        fprintf(stdout, "autostart is off: trading stays stopped in headless mode\n");
    const int rc = qapp.exec();
    context.shutdown();
    fprintf(stdout, "stopped\n");
    return rc;
}

#ifdef MEMEDESK_HAS_GUI
int runDesktop(int argc, char **argv, const app::AppOptions &options)
{
    QApplication qapp(argc, argv);
    setIdentity();
    ui::applyLanguage(options.language.isEmpty() ? ui::savedLanguage() : options.language);
    app::AppContext context(options);
    QString error;
    if (!context.initialize(&error)) {
        QMessageBox::critical(nullptr, QStringLiteral("Memedesk"), error);
        return 1;
    }
    ui::MainWindow window(context.api());
    window.show();
    context.run();
    if (options.exitAfterSec > 0)
        QTimer::singleShot(options.exitAfterSec * 1000, &qapp, &QCoreApplication::quit);
    const int rc = qapp.exec();
    context.shutdown();
    return rc;
}
#endif

} // namespace

int main(int argc, char **argv)
{
    const app::ParseResult parsed = app::parseCommandLine(argumentsOf(argc, argv));
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
