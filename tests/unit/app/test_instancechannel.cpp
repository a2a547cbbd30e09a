// A second start on the same data folder asks the running desktop app to show its window.
#include "app/datadir.h"
#include "app/instancechannel.h"
#include "tests/support/testsupport.h"

#include <QSignalSpy>
#include <QTest>

#include <future>
#include <thread>

class TestInstanceChannel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aSecondStartBringsTheRunningWindowForward()
    {
        const QString dir = testsupport::makeTempDir(QStringLiteral("memedesk-instance"));
        app::InstanceChannel running;
        QSignalSpy shown(&running, &app::InstanceChannel::showRequested);
        QVERIFY(running.listen(dir));
        // the second instance blocks while asking, so it asks from its own thread
        std::future<bool> answer = std::async(std::launch::async, [dir] { return app::InstanceChannel::askToShow(dir); });
        QTRY_COMPARE(shown.size(), 1);
        QVERIFY(QTest::qWaitFor([&] { return answer.wait_for(std::chrono::milliseconds(0)) == std::future_status::ready; }, 5000));
        QVERIFY(answer.get());
    }

    void nobodyListeningMeansNoAnswer()
    {
        const QString dir = testsupport::makeTempDir(QStringLiteral("memedesk-instance"));
        QVERIFY(!app::InstanceChannel::askToShow(dir, 300));
    }

    void otherFoldersHaveOtherChannels()
    {
        QVERIFY(app::InstanceChannel::serverName(QStringLiteral("/a")) != app::InstanceChannel::serverName(QStringLiteral("/b")));
        QCOMPARE(app::InstanceChannel::serverName(QStringLiteral("/a/./b")), app::InstanceChannel::serverName(QStringLiteral("/a/b")));
    }

    void theDataFolderLockNamesItsOwner()
    {
        const QString dir = testsupport::makeTempDir(QStringLiteral("memedesk-lock"));
        app::DataDirLock first(dir);
        QVERIFY(first.acquire().ok());
        // QLockFile is per process: another process is needed for a real refusal (e2e test); here
        // a lock held by a live foreign PID is simulated by the file QLockFile itself reads.
        app::DataDirLock again(dir);
        const engine::Result<void> refused = again.acquire();
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QLatin1String(engine::errors::kDataDirInUse));
        const QString error = refused.error().message;
        QVERIFY2(error.contains(QStringLiteral("process %1").arg(QCoreApplication::applicationPid())), qPrintable(error));
        QCOMPARE(again.ownerPid(), QCoreApplication::applicationPid());
    }
};

QTEST_GUILESS_MAIN(TestInstanceChannel)
#include "test_instancechannel.moc"
