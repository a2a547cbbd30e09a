#include "adapters/keychain/qtkeychainsecretstore.h"

#include "adapters/keychain/callercontext.h"
#include "adapters/keychain/keychainerror.h"

#include <QCoreApplication>
#include <QThread>

#include <qt6keychain/keychain.h>

namespace adapters::keychain {

namespace {

const QString kEmptyKey = QStringLiteral("the secret name is empty");
const QString kNoApplication = QStringLiteral("the keychain needs a running Qt application");

//! Runs `start` on the application thread; false when there is no application to run it.
bool onApplicationThread(std::function<void()> start)
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app)
        return false;
    if (QThread::currentThread() == app->thread())
        start();
    else
        QMetaObject::invokeMethod(app, std::move(start), Qt::QueuedConnection);
    return true;
}

//! Creates, configures and starts a job on the application thread; `finished` runs there too.
template<class JobType, class Configure, class Finished>
std::function<void()> jobStarter(const QString &service, const QString &key, Configure configure, Finished finished)
{
    return [service, key, configure = std::move(configure), finished = std::move(finished)] {
        auto *job = new JobType(service);
        job->setAutoDelete(true);
        job->setInsecureFallback(false); // plaintext QSettings is never an acceptable place for a secret
        job->setKey(key);
        configure(job);
        QObject::connect(job, &QKeychain::Job::finished, job, finished);
        job->start();
    };
}

} // namespace

QtKeychainSecretStore::QtKeychainSecretStore(QString service)
    : m_service(std::move(service))
{
}

namespace {
// Wraps a callback so it runs on the thread that made the call.
template<class R>
std::function<void(R)> replyOnCaller(std::function<void(R)> done)
{
    const CallerContext caller;
    return [caller, done = std::move(done)](R result) {
        caller.deliver([done, result] {
            if (done)
                done(result);
        });
    };
}

engine::Error invalid(const QString &message) { return {QLatin1String(engine::errors::kInvalidArgument), message}; }
engine::Error noApplication() { return {QLatin1String(engine::errors::kKeychainUnavailable), kNoApplication}; }

engine::Result<void> outcome(QKeychain::Job *job, QStringView secret = {})
{
    if (auto e = keychainError(job->error(), job->errorString(), secret))
        return *e;
    return {};
}
} // namespace

void QtKeychainSecretStore::writeSecret(const QString &key, const QString &value,
                                        std::function<void(engine::Result<void>)> done)
{
    const auto reply = replyOnCaller(std::move(done));
    if (key.isEmpty()) {
        reply(invalid(kEmptyKey));
        return;
    }
    const bool started = onApplicationThread(jobStarter<QKeychain::WritePasswordJob>(
        m_service, key, [value](QKeychain::WritePasswordJob *job) { job->setTextData(value); },
        // The value is only kept to redact it from the backend's error text.
        [reply, value](QKeychain::Job *job) { reply(outcome(job, value)); }));
    if (!started)
        reply(noApplication());
}

void QtKeychainSecretStore::readSecret(const QString &key, std::function<void(engine::Result<QString>)> done)
{
    const auto reply = replyOnCaller(std::move(done));
    if (key.isEmpty()) {
        reply(invalid(kEmptyKey));
        return;
    }
    const bool started = onApplicationThread(jobStarter<QKeychain::ReadPasswordJob>(
        m_service, key, [](QKeychain::ReadPasswordJob *) {},
        [reply](QKeychain::Job *job) {
            if (auto e = keychainError(job->error(), job->errorString()))
                reply(*e);
            else
                reply(static_cast<QKeychain::ReadPasswordJob *>(job)->textData());
        }));
    if (!started)
        reply(noApplication());
}

void QtKeychainSecretStore::deleteSecret(const QString &key, std::function<void(engine::Result<void>)> done)
{
    const auto reply = replyOnCaller(std::move(done));
    if (key.isEmpty()) {
        reply(invalid(kEmptyKey));
        return;
    }
    const bool started = onApplicationThread(jobStarter<QKeychain::DeletePasswordJob>(
        m_service, key, [](QKeychain::DeletePasswordJob *) {},
        [reply](QKeychain::Job *job) { reply(outcome(job)); }));
    if (!started)
        reply(noApplication());
}

} // namespace adapters::keychain
