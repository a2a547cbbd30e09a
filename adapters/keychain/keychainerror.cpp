#include "adapters/keychain/keychainerror.h"

#include <qt6keychain/keychain.h>

namespace adapters::keychain {

std::optional<engine::Error> keychainError(int code, const QString &detail, QStringView secret)
{
    QString text;
    const char *id = engine::errors::kKeychainError;
    switch (static_cast<QKeychain::Error>(code)) {
    case QKeychain::NoError:
        return std::nullopt;
    case QKeychain::EntryNotFound:
        return engine::Error{QLatin1String(engine::errors::kSecretNotFound), QStringLiteral("no such entry in the keychain")};
    case QKeychain::CouldNotDeleteEntry:
        text = QStringLiteral("the keychain could not delete the entry");
        break;
    case QKeychain::AccessDeniedByUser:
        id = engine::errors::kKeychainDenied;
        text = QStringLiteral("access to the keychain was denied by the user");
        break;
    case QKeychain::AccessDenied:
        id = engine::errors::kKeychainDenied;
        text = QStringLiteral("access to the keychain was denied (is it locked?)");
        break;
    case QKeychain::NoBackendAvailable:
        id = engine::errors::kKeychainUnavailable;
        text = QStringLiteral("no keychain service is available (on Linux: GNOME Keyring, KWallet or another "
                              "Secret Service provider must be running and unlocked)");
        break;
    case QKeychain::NotImplemented:
        text = QStringLiteral("the keychain does not support this operation on this system");
        break;
    case QKeychain::OtherError:
    default:
        text = QStringLiteral("keychain error");
        break;
    }
    QString extra = detail.trimmed();
    // Secrets shorter than 4 characters would redact ordinary words; they are not real keys anyway.
    if (secret.size() >= 4 && extra.contains(secret))
        extra.replace(secret.toString(), QStringLiteral("[redacted]"));
    if (!extra.isEmpty())
        text += QStringLiteral(": ") + extra;
    return engine::Error{QLatin1String(id), text};
}

} // namespace adapters::keychain
