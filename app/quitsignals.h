#pragma once

#include <QObject>

namespace app {

//! Clean shutdown on SIGINT, SIGTERM and SIGHUP (SIGINT/SIGTERM/SIGBREAK on Windows), at any
//! moment: install() runs first thing in main(), so a signal during start-up is remembered and
//! the app stops as soon as it is up, without entering its event loop. The handler only writes a
//! byte to a pipe (async-signal-safe); the event loop reads it and quits.
class QuitSignals final : public QObject {
    Q_OBJECT
public:
    //! Installs the handlers (idempotent). Call before anything slow.
    static void install();
    //! True once a quit signal arrived (also before the event loop ran).
    [[nodiscard]] static bool requested();
    //! The last signal number received (0 = none).
    [[nodiscard]] static int lastSignal();

    //! Starts watching on the current thread's event loop; needs a QCoreApplication.
    explicit QuitSignals(QObject *parent = nullptr);
    ~QuitSignals() override;

    //! Quits the application after `seconds` (chained timers: any length, no int overflow).
    static void quitAfter(qint64 seconds, QObject *context);

Q_SIGNALS:
    //! Emitted on the event loop before QCoreApplication::quit() is called.
    void quitRequested(int signal);

private:
    void onActivated();
};

} // namespace app
