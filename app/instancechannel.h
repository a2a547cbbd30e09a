#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

namespace app {

//! Lets a second start on the same data folder bring the running window forward: the running
//! desktop app listens on a local socket named after its data folder; the second instance
//! connects and asks it to show itself, then exits.
class InstanceChannel final : public QObject {
    Q_OBJECT
public:
    explicit InstanceChannel(QObject *parent = nullptr);
    ~InstanceChannel() override;

    //! Starts listening for `dataDir` (call once the folder's lock is held).
    bool listen(const QString &dataDir);
    //! From a second instance: asks the one running on `dataDir` to show its window. True when it answered.
    static bool askToShow(const QString &dataDir, int timeoutMs = 2000);
    //! The socket name for a data folder (stable, no path characters).
    [[nodiscard]] static QString serverName(const QString &dataDir);

Q_SIGNALS:
    void showRequested();

private:
    QLocalServer *m_server = nullptr;
};

} // namespace app
