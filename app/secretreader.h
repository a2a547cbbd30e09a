#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

namespace engine {
class SecretStore;
}

namespace app {

//! What reading a venue's keys found: the values present, and problems other than "not there".
struct SecretsRead {
    QHash<QString, QByteArray> values;
    QStringList problems; // "binance.api_secret: the keychain is locked" — never a value
};

//! Reads `names` from the keychain and waits for the answers (a nested event loop, at most
//! `timeoutMs`): a live session cannot start without its keys. Call on a thread with an event loop.
[[nodiscard]] SecretsRead readSecretsNow(engine::SecretStore &store, const QStringList &names, int timeoutMs = 15'000);

//! Writes one secret and waits for the keychain's answer (as readSecretsNow does); empty = stored.
[[nodiscard]] QString writeSecretNow(engine::SecretStore &store, const QString &name, const QString &value, int timeoutMs = 15'000);

} // namespace app
