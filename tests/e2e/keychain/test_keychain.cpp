// Round trip through the real OS keychain (Secret Service on Linux). Needs a session bus with an
// unlocked keyring, e.g.:
//   dbus-run-session -- bash -c 'export HOME=$(mktemp -d);
//     echo -n pw | gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null;
//     build/tests/e2e_test_keychain'
#include "adapters/keychain/qtkeychainsecretstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMutex>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <optional>

using adapters::keychain::QtKeychainSecretStore;

namespace {

constexpr int kJobTimeoutMs = 30000;

struct ReadResult {
    bool done = false;
    std::optional<QString> value;
    QString error;
};

} // namespace

class TestKeychain : public QObject {
    Q_OBJECT

    // Unique per run so parallel or interrupted runs never see each other's entries.
    const QString m_service = QStringLiteral("memedesk-test-%1-%2")
                                  .arg(QCoreApplication::applicationPid())
                                  .arg(QDateTime::currentMSecsSinceEpoch());
    std::optional<QtKeychainSecretStore> m_store;

    // Each helper spins the event loop until the job's callback ran (on this thread).
    QString write(const QString &key, const QString &value)
    {
        std::optional<QString> result;
        m_store->writeSecret(key, value, [&](const engine::Result<void> &r) {
            QVERIFY(QThread::currentThread() == thread());
            result = r.ok() ? QString() : r.error().toString();
        });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, kJobTimeoutMs))
            return QStringLiteral("timed out");
        return *result;
    }
    ReadResult read(const QString &key)
    {
        ReadResult r;
        m_store->readSecret(key, [&](const engine::Result<QString> &res) {
            QVERIFY(QThread::currentThread() == thread());
            if (res.ok())
                r.value = res.value();
            else // the code for a missing entry, the whole text otherwise
                r.error = res.error().is(engine::errors::kSecretNotFound) ? res.error().code : res.error().toString();
            r.done = true;
        });
        if (!QTest::qWaitFor([&] { return r.done; }, kJobTimeoutMs))
            r.error = QStringLiteral("timed out");
        return r;
    }
    QString remove(const QString &key)
    {
        std::optional<QString> result;
        m_store->deleteSecret(key, [&](const engine::Result<void> &r) { result = r.ok() ? QString() : r.error().toString(); });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, kJobTimeoutMs))
            return QStringLiteral("timed out");
        return *result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("No D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is unset): run under dbus-run-session with an "
                  "unlocked gnome-keyring-daemon, as scripts/test does");
        m_store.emplace(m_service);
        QCOMPARE(m_store->service(), m_service);
    }

    void writeReadOverwriteDelete()
    {
        const QString key = QStringLiteral("binance.apiSecret");
        const QString first = QStringLiteral("s3cr3t-ÄÖÜ-密钥-%1").arg(QDateTime::currentMSecsSinceEpoch());
        QCOMPARE(write(key, first), QString());
        ReadResult r = read(key);
        QCOMPARE(r.error, QString());
        QVERIFY(r.value.has_value());
        QCOMPARE(*r.value, first);

        const QString second = QStringLiteral("rotated-%1").arg(QDateTime::currentMSecsSinceEpoch());
        QCOMPARE(write(key, second), QString());
        r = read(key);
        QCOMPARE(r.error, QString());
        QCOMPARE(r.value.value_or(QString()), second);

        QCOMPARE(remove(key), QString());
        r = read(key);
        QVERIFY(!r.value.has_value());
        QCOMPARE(r.error, QLatin1String(engine::errors::kSecretNotFound));
    }

    void largeSecretRoundTrips()
    {
        // Wallet keys and JSON credentials can be long; Windows' blob limit is 2560 bytes, so 2 KB is the floor.
        QString big;
        for (int i = 0; big.size() < 2048; ++i)
            big += QStringLiteral("%1").arg(i % 16, 0, 16);
        QCOMPARE(big.size(), 2048);
        const QString key = QStringLiteral("wallet.privateKey");
        QCOMPARE(write(key, big), QString());
        const ReadResult r = read(key);
        QCOMPARE(r.error, QString());
        QCOMPARE(r.value.value_or(QString()), big);
        QCOMPARE(remove(key), QString());
    }

    void otherServicesDoNotSeeTheEntry()
    {
        const QString key = QStringLiteral("jwt.secret");
        QCOMPARE(write(key, QStringLiteral("only-for-this-service")), QString());
        std::optional<QtKeychainSecretStore> other;
        other.emplace(m_service + QStringLiteral("-other"));
        ReadResult r;
        other->readSecret(key, [&](const engine::Result<QString> &res) {
            if (res.ok())
                r.value = res.value();
            else
                r.error = res.error().code;
            r.done = true;
        });
        QVERIFY(QTest::qWaitFor([&] { return r.done; }, kJobTimeoutMs));
        QVERIFY(!r.value.has_value());
        QCOMPARE(r.error, QLatin1String(engine::errors::kSecretNotFound));
        QCOMPARE(remove(key), QString());
    }

    void emptyKeyIsRejectedAsynchronously()
    {
        bool called = false;
        QString error;
        m_store->writeSecret(QString(), QStringLiteral("x"), [&](const engine::Result<void> &r) {
            called = true;
            error = r.ok() ? QString() : r.error().code;
        });
        QVERIFY(!called); // never inside the call
        QVERIFY(QTest::qWaitFor([&] { return called; }, kJobTimeoutMs));
        QCOMPARE(error, QLatin1String(engine::errors::kInvalidArgument));
    }

    void worksFromAWorkerThreadAlongsideTheMainThread()
    {
        // The engine calls the store from its own thread while the UI may use it too; each callback
        // must come back on the thread that asked, and concurrent jobs must not disturb each other.
        QThread worker;
        worker.start();
        QObject context;
        context.moveToThread(&worker);
        constexpr int kEach = 4;
        std::atomic<int> workerDone{0};
        std::atomic<bool> workerOnItsThread{true};
        QMutex mutex;
        QStringList workerErrors;
        QMetaObject::invokeMethod(&context, [&] {
            auto store = std::make_shared<QtKeychainSecretStore>(m_service);
            for (int i = 0; i < kEach; ++i) {
                const QString key = QStringLiteral("worker.%1").arg(i);
                const QString value = QStringLiteral("worker-value-%1").arg(i);
                store->writeSecret(key, value, [&, store, key, value](const engine::Result<void> &w) {
                    workerOnItsThread = workerOnItsThread && QThread::currentThread() == &worker;
                    const QString e = w.ok() ? QString() : w.error().toString();
                    store->readSecret(key, [&, value, e](const engine::Result<QString> &r) {
                        workerOnItsThread = workerOnItsThread && QThread::currentThread() == &worker;
                        const QString e2 = r.ok() ? QString() : r.error().toString();
                        const std::optional<QString> got = r.ok() ? std::optional<QString>(r.value()) : std::nullopt;
                        QMutexLocker lock(&mutex);
                        if (!e.isEmpty() || !e2.isEmpty() || got != value)
                            workerErrors << QStringLiteral("%1: '%2' '%3'").arg(value, e, e2);
                        ++workerDone;
                    });
                });
            }
        });
        int mainDone = 0;
        for (int i = 0; i < kEach; ++i) {
            m_store->writeSecret(QStringLiteral("main.%1").arg(i), QStringLiteral("main-value-%1").arg(i), [&](const engine::Result<void> &r) {
                QVERIFY(QThread::currentThread() == thread());
                QVERIFY(r.ok());
                ++mainDone;
            });
        }
        const bool finished =
            QTest::qWaitFor([&] { return workerDone.load() == kEach && mainDone == kEach; }, kJobTimeoutMs);
        worker.quit();
        worker.wait();
        QVERIFY(finished);
        QVERIFY(workerOnItsThread);
        QCOMPARE(workerErrors, QStringList());
        for (int i = 0; i < kEach; ++i) {
            const ReadResult r = read(QStringLiteral("main.%1").arg(i));
            QCOMPARE(r.value.value_or(QString()), QStringLiteral("main-value-%1").arg(i));
            QCOMPARE(remove(QStringLiteral("main.%1").arg(i)), QString());
            QCOMPARE(remove(QStringLiteral("worker.%1").arg(i)), QString());
        }
    }

    void cleanupTestCase()
    {
        if (!m_store)
            return;
        // Best effort: leave nothing behind even when a test failed half way.
        for (const char *key : {"binance.apiSecret", "wallet.privateKey", "jwt.secret"})
            remove(QString::fromLatin1(key));
    }
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "test_keychain.moc"
