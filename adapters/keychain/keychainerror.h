#pragma once

#include <QString>
#include <QStringView>

namespace adapters::keychain {

//! Readable text for a QKeychain::Error code (passed as int so callers need not include QtKeychain).
//! EntryNotFound maps to exactly "not found", which callers test for. `detail` is the backend's
//! errorString(); any occurrence of `secret` in it is redacted so a secret never reaches a message.
[[nodiscard]] QString describeKeychainError(int code, const QString &detail, QStringView secret = {});

} // namespace adapters::keychain
