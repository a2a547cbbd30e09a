#pragma once

#include "engine/api/botapi.h"

#include <QObject>
#include <QTimer>

#include <memory>

class QTextStream;

namespace app {

//! Headless mode: prints one status line every few seconds (equity, open
//! positions, last fills, last signals). Stopping is QuitSignals' job (Ctrl-C, SIGTERM, SIGHUP,
//! --exit-after).
class HeadlessRunner final : public QObject {
    Q_OBJECT
public:
    HeadlessRunner(engine::BotApi &api, int intervalSec, QObject *parent = nullptr);
    ~HeadlessRunner() override;
    void start();
    //! Says why the app is stopping (a quit signal); QuitSignals does the quitting.
    void announceStop(int signal);
    //! One status line, as printed (exposed for tests).
    [[nodiscard]] QString statusLine() const;

private:
    void printStatus();

    engine::BotApi &m_api;
    int m_intervalSec;
    QTimer m_statusTimer;
    std::unique_ptr<engine::Handler> m_events;
};

} // namespace app
