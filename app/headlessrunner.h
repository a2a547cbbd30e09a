#pragma once

#include "api/botapi.h"

#include <QObject>
#include <QTimer>

#include <memory>

class QTextStream;

namespace app {

//! Headless mode: prints one status line every few seconds (equity, open
//! positions, last fills, last signals) until Ctrl-C / SIGTERM or --exit-after.
class HeadlessRunner final : public QObject {
    Q_OBJECT
public:
    HeadlessRunner(engine::BotApi &api, int intervalSec, int exitAfterSec, QObject *parent = nullptr);
    ~HeadlessRunner() override;
    void start();
    //! One status line, as printed (exposed for tests).
    [[nodiscard]] QString statusLine() const;

private:
    void printStatus();
    void checkSignals();

    engine::BotApi &m_api;
    int m_intervalSec;
    int m_exitAfterSec;
    QTimer m_statusTimer;
    QTimer m_signalTimer;
    std::unique_ptr<engine::Handler> m_events;
};

} // namespace app
