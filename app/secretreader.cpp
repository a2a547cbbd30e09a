#include "app/secretreader.h"

#include "engine/core/result.h"
#include "engine/ports/secretstore.h"

#include <QEventLoop>
#include <QTimer>

#include <memory>

namespace app {

SecretsRead readSecretsNow(engine::SecretStore &store, const QStringList &names, int timeoutMs)
{
    // Shared with the callbacks: a keychain that answers after the timeout writes into this, not the stack.
    struct State {
        SecretsRead read;
        int pending = 0;
        QEventLoop loop;
    };
    auto state = std::make_shared<State>();
    state->pending = int(names.size());
    for (const QString &name : names) {
        store.readSecret(name, [state, name](engine::Result<QString> value) {
            if (value)
                state->read.values.insert(name, value->toUtf8());
            else if (!value.error().is(engine::errors::kSecretNotFound))
                state->read.problems << QStringLiteral("%1: %2").arg(name, value.error().message);
            if (--state->pending == 0)
                state->loop.quit();
        });
    }
    if (state->pending > 0) {
        QTimer::singleShot(timeoutMs, &state->loop, [state] {
            state->read.problems << QStringLiteral("the keychain did not answer within the time limit");
            state->loop.quit();
        });
        state->loop.exec();
    }
    return state->read;
}

QString writeSecretNow(engine::SecretStore &store, const QString &name, const QString &value, int timeoutMs)
{
    struct State {
        QString error = QStringLiteral("the keychain did not answer within the time limit");
        bool done = false;
        QEventLoop loop;
    };
    auto state = std::make_shared<State>();
    store.writeSecret(name, value, [state](engine::Result<void> written) {
        state->error = written ? QString() : written.error().message;
        state->done = true;
        state->loop.quit();
    });
    if (!state->done) {
        QTimer::singleShot(timeoutMs, &state->loop, [state] { state->loop.quit(); });
        state->loop.exec();
    }
    return state->error;
}

} // namespace app
