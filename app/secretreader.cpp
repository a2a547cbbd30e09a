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

} // namespace app
