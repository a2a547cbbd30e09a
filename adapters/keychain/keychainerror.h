#pragma once

#include "engine/core/result.h"

#include <QString>
#include <QStringView>

namespace adapters::keychain {

//! A typed error for a QKeychain::Error code (passed as int so callers need not include
//! QtKeychain): EntryNotFound is errors::kSecretNotFound, a missing or locked service
//! kKeychainUnavailable / kKeychainDenied. `detail` is the backend's errorString(); any occurrence
//! of `secret` in it is redacted so a secret never reaches a message. NoError gives no error.
[[nodiscard]] std::optional<engine::Error> keychainError(int code, const QString &detail, QStringView secret = {});

} // namespace adapters::keychain
